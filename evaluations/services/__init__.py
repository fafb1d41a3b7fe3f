"""Writes of the evaluations app, one module per concept."""
