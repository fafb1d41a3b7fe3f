"""Reads of the training app, scoped to the caller."""
