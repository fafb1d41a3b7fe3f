"""The dossier's API views, one module per area."""
