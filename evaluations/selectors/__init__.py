"""Reads of the evaluations app: scoped querysets, filters and statistics."""
