"""Project package: settings, root URLs and the shared API plumbing."""

# The Celery app is loaded with Django, so that `@shared_task` functions bind to it and `.delay()` uses its
# broker (Celery's documented set-up for Django).
from backend.celery_app import app as celery_app

__all__ = ("celery_app",)
