"""API views of the training app."""
