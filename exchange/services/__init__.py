"""Writes of the exchange app: bulk imports."""
