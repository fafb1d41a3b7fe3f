"""Views of the jobs app."""
