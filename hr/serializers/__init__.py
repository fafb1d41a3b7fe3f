"""Input and output serializers of the personnel API, one module per concept."""
