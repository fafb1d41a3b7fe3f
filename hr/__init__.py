"""Personnel records: organisation units, reference data, employees, accounts and roles."""
