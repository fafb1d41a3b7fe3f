"""Agency administrative-reform (PAR index) appraisal and its link to heads of agencies."""
