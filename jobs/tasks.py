"""The Celery tasks of jobs: plan a job, run each of its parts, and expire old results."""

import logging

from celery import shared_task
from django.core.exceptions import ValidationError
from django.db import OperationalError
from rest_framework.exceptions import APIException

from jobs import services
from jobs.models import Job
from jobs.registry import job_kind

log = logging.getLogger(__name__)


def _reason(error: Exception) -> tuple[str, object]:
    """The stable code and message of a refusal, as the API would give them; anything else is `job_failed`."""
    if isinstance(error, APIException):
        codes = error.get_codes()
        code = codes if isinstance(codes, str) else getattr(error, "default_code", "job_failed")
        return code, error.detail
    if isinstance(error, ValidationError):
        return "invalid", error.message_dict if hasattr(error, "error_dict") else error.messages
    return "job_failed", str(error) or error.__class__.__name__


def _guarded(task, job_id: int, work) -> None:
    try:
        work()
    except OperationalError as error:  # the database busy or briefly gone: the same task again, later
        if task.request.retries < task.max_retries:
            raise task.retry(exc=error, countdown=2**task.request.retries) from error
        _failed(job_id, error)
    except Exception as error:  # a refusal or a bug: the job is marked failed with its reason
        _failed(job_id, error)


def _failed(job_id: int, error: Exception) -> None:
    log.exception("job %s failed", job_id)
    code, detail = _reason(error)
    services.job_fail(job_id=job_id, code=code, detail=detail)


@shared_task(name="jobs.tasks.job_run", bind=True, max_retries=5)
def job_run(self, job_id: int) -> None:
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.status != "QUEUED":  # a redelivered message of a job already planned
        return
    _guarded(self, job_id, lambda: services.job_plan(job))


@shared_task(name="jobs.tasks.job_part_run", bind=True, max_retries=5)
def job_part_run(self, job_id: int, index: int) -> None:
    def work():
        job = Job.objects.get(pk=job_id)
        if job.is_finished or index in job.parts_done:
            return
        done = job_kind(job.kind).run_part(job, job.parts[index])
        if services.job_part_done(job_id, index, done):
            services.job_finish(job_id)

    _guarded(self, job_id, work)


@shared_task(name="jobs.tasks.job_results_expire")
def job_results_expire() -> int:
    return services.job_results_expire()
