"""Management commands of the exchange app."""
