"""The Celery application: the broker from CELERY_BROKER_URL or REDIS_URL; with neither, tasks run in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings.local")

app = Celery("cchc")
# Every CELERY_* Django setting configures the app (broker, eagerness, acknowledgement).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
