"""Shared API plumbing: errors, pagination, schema helpers."""
