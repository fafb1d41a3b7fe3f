"""Starting a job, recording its parts as they finish, and its result or failure."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from backend.queue import task_after_commit
from hr.models import User
from jobs.models import Job, JobStatus
from jobs.registry import job_kind


@transaction.atomic
def job_start(*, actor: User, kind: str, params: dict, queue: bool = True) -> Job:
    """Record a job of a registered kind and queue it (unless the caller runs it with `job_run_here`); the
    caller has checked the actor's right to its work."""
    job_kind(kind)  # an unknown kind is a programming error, raised here rather than in a worker
    job = Job(kind=kind, started_by=actor, params=params)
    job.full_clean()
    job.save()
    if queue:
        task_after_commit("jobs.tasks.job_run", job.pk)
    return job


def job_run_here(job: Job, *, on_part=None) -> Job:
    """Run a job's parts one after the other in this process (a command without a broker), calling
    `on_part(done, total)` after each; the same plan, parts and result as on the workers."""
    parts, total = job_kind(job.kind).plan(job)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), parts=parts, parts_done=[], total=total
    )
    job.refresh_from_db()
    for index, part in enumerate(parts):
        done = job_kind(job.kind).run_part(job, part)
        job_part_done(job.pk, index, done)
        if on_part:
            on_part(Job.objects.get(pk=job.pk).done, total)
    job_finish(job.pk)
    job.refresh_from_db()
    return job


def job_plan(job: Job) -> None:
    """Split the job into parts and queue one task per part (run in any worker process)."""
    parts, total = job_kind(job.kind).plan(job)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=timezone.now(), parts=parts, parts_done=[], total=total
    )
    if not parts:
        job_finish(job.pk)
        return
    for index in range(len(parts)):
        task_after_commit("jobs.tasks.job_part_run", job.pk, index)


def job_part_done(job_id: int, index: int, done: int) -> bool:
    """Count a finished part once (a retried task counts nothing twice); True when it was the last one."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        if index in job.parts_done or job.is_finished:
            return False
        job.parts_done = [*job.parts_done, index]
        job.done = min(job.total, job.done + done)
        job.save(update_fields=["parts_done", "done"])
        return len(job.parts_done) == len(job.parts)


def job_finish(job_id: int) -> None:
    job = Job.objects.get(pk=job_id)
    if job.is_finished:
        return
    job_kind(job.kind).finish(job)


def job_succeed(*, job: Job, content: bytes | None, name: str = "", content_type: str = "", summary=None) -> None:
    """Store the result file (kept JOB_RESULT_HOURS) and mark the job succeeded."""
    cache.delete(_progress_key(job.pk))
    now = timezone.now()
    if content is not None:
        job.result.save(f"{job.pk}/{name}", ContentFile(content), save=False)
        job.result_name, job.result_content_type = name, content_type
        job.expires_at = now + datetime.timedelta(hours=settings.JOB_RESULT_HOURS)
    job.summary = summary or {}
    job.status, job.finished_at, job.done = JobStatus.SUCCEEDED, now, job.total
    job.save()


def job_fail(*, job_id: int, code: str, detail) -> None:
    """Record why the job failed; its partial results are discarded with it."""
    Job.objects.filter(pk=job_id).exclude(status=JobStatus.SUCCEEDED).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), error_code=code, error_detail=detail
    )


def job_results_expire(*, now: datetime.datetime | None = None) -> int:
    """Remove the result files past their expiry; the job rows stay, marked expired."""
    now = now or timezone.now()
    expired = Job.objects.filter(expires_at__lte=now, result_expired=False).exclude(result="")
    count = 0
    for job in expired:
        job.result.delete(save=False)
        Job.objects.filter(pk=job.pk).update(result="", result_expired=True)
        count += 1
    return count


def _progress_key(job_id: int) -> str:
    return f"job-progress:{job_id}"


def job_progress_report(job_id: int, done: int, total: int) -> None:
    """Progress inside a part that runs in one transaction (an import): kept in the cache, since rows written
    in that transaction are invisible to whoever reads the job until it commits."""
    cache.set(_progress_key(job_id), (done, total), timeout=3600)


def job_progress(job: Job) -> tuple[int, int]:
    """(done, total): the part's live progress while the job runs, else the stored counts."""
    if job.status == JobStatus.RUNNING:
        live = cache.get(_progress_key(job.pk))
        if live:
            return live
    return job.done, job.total
