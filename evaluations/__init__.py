"""Results-based evaluation: cycles, scoring, workflow, rating rules, quotas, forms."""
