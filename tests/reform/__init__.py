"""Tests of the reform app."""
