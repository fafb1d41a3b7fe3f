"""Reads of the dossier: scoped querysets, with their joins."""
