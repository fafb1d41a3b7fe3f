"""Queueing a Celery task by name once the current transaction commits (at once outside one)."""

import logging

from celery import current_app
from django.db import transaction


def task_after_commit(name: str, *args) -> None:
    """After commit, so the worker finds what the request wrote, and never for a rolled-back request.

    By name, so the caller needs no import of the module that defines the task. With no broker configured
    (CELERY_TASK_ALWAYS_EAGER) the task runs in this process right after the commit; its failure is recorded
    by the task itself, never raised into the request that committed.
    """
    transaction.on_commit(lambda: _send(name, args))


log = logging.getLogger(__name__)


def _send(name: str, args: tuple) -> None:
    if current_app.conf.task_always_eager:
        if name not in current_app.tasks:
            # A worker imports every app's tasks module when it starts; this process does on first use.
            current_app.loader.import_default_modules()
        current_app.tasks[name].apply(args=args)
        return
    try:
        current_app.send_task(name, args=args)
    except Exception:  # the request has committed: its answer stands, the broker's failure is logged
        log.exception("could not queue %s%r", name, args)
