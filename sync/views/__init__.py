"""Endpoints of the national database feed under /api/v1/sync/."""
