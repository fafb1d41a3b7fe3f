"""A large import as a job: the file is kept in storage, the same `records_import` runs on a worker, whole.

An import stays one transaction (all rows or none), so it is one part; its progress, written inside that
transaction, would be invisible to other connections, so it goes to the cache (jobs.services.job_progress_report).
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import ApplicationError
from exchange.importers import IMPORTERS
from exchange.services.imports import records_import
from hr.access import access_personnel_writer
from hr.models import User
from jobs.models import Job
from jobs.registry import JobKind, job_kind_register
from jobs.services import job_progress_report, job_start, job_succeed

KIND = "records_import"


def import_runs_as_job(size: int) -> bool:
    """Files above EXCHANGE_JOB_THRESHOLD_BYTES are imported by a worker, not inside the request."""
    return size > settings.EXCHANGE_JOB_THRESHOLD_BYTES


@transaction.atomic
def records_import_start(*, actor: User, kind: str, content: bytes, filename: str, dry_run: bool) -> Job:
    """Queue the import of a file: the same rights and the same rules as `records_import`, run by a worker."""
    if kind not in IMPORTERS:
        raise ApplicationError(_("Unknown kind of import."), field="kind", code="unknown_kind")
    access_personnel_writer(actor)
    job = job_start(actor=actor, kind=KIND, params={"kind": kind, "filename": filename, "dry_run": dry_run})
    path = default_storage.save(f"jobs/{job.pk}/upload", ContentFile(content))
    Job.objects.filter(pk=job.pk).update(params={**job.params, "upload": path})
    job.refresh_from_db()
    return job


def _plan(job: Job):
    return [0], 1


def _run_part(job: Job, part) -> int:
    with default_storage.open(job.params["upload"], "rb") as upload:
        content = upload.read()

    def progress(stage: str, done: int, total: int) -> None:
        # Checking, then writing: each counts as half of the job.
        job_progress_report(job.pk, done + (total if stage == "write" else 0), 2 * total)

    result = records_import(
        kind=job.params["kind"],
        actor=job.started_by,
        content=content,
        filename=job.params["filename"],
        dry_run=job.params["dry_run"],
        progress=progress,
    )
    Job.objects.filter(pk=job.pk).update(summary=result.as_dict())
    return 1


def _finish(job: Job) -> None:
    job.refresh_from_db()
    default_storage.delete(job.params["upload"])
    job_succeed(job=job, content=None, summary=job.summary)


job_kind_register(
    JobKind(name=KIND, label=gettext_lazy("Import of a file"), plan=_plan, run_part=_run_part, finish=_finish)
)
