"""Writes of the national database feed: the acknowledgements it receives."""
