"""Endpoints of the evaluations API."""
