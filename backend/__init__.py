"""Project package: settings, root URLs and the shared API plumbing."""
