"""Reads of the reform app: scoped appraisals, ranking, index sets and computed figures."""
