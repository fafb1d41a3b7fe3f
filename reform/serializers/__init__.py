"""Serializers of the reform app."""
