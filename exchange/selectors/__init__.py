"""Reads of the exchange app: the tables each export holds."""
