"""Writes of the reform app: the appraisal workflow, evidence, scoring and index copies."""
