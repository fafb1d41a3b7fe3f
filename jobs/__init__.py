"""Background jobs: long work (form batches, large imports and exports) run by Celery, with stored progress."""
