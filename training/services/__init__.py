"""Writes of the training app: the business rules live here."""
