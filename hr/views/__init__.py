"""HTTP endpoints of the personnel app: thin views that validate, call services and serialize."""
