"""Management commands of the personnel app."""
