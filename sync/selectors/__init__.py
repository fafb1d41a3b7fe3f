"""Reads of the national database feed: dossiers, the change feed and its cursor, the overdue report."""
