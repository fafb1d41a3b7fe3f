"""Input and output serializers of the evaluations API."""
