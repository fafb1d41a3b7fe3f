"""Settings package: base, local (default), test and production modules."""
