"""`import_records`: bulk imports from the shell."""
