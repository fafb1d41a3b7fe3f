"""Input and output serializers of the dossier's endpoints."""
