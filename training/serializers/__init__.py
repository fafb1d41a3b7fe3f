"""Input and output serializers of the training app."""
