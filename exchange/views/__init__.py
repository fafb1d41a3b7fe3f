"""Views of the exchange app: one module per direction."""
