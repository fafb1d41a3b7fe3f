"""API views of the reform app."""
