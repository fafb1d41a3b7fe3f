"""A large export as a job: the same table as the direct download, built as its starter, written by a worker.

An export whose filtered rows number more than EXCHANGE_EXPORT_JOB_ROWS answers 202 with a job. The job keeps the
export's name, format and query string; the worker builds the table through the very code of the direct export
(registered here by `exchange.views.exports`, so this module never imports the views), as the user who started it
and in the language of the request, so the file holds the same rows, in the same order, as the download would.
The export is one part (one file written as a stream); its progress, rows written of rows counted, goes through
the cache like an import's.
"""

from collections.abc import Callable, Iterator

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy

from exchange.renderers import CSVRenderer, XLSXRenderer
from exchange.writers import ExportTable, write_csv, write_xlsx
from hr.models import User
from jobs.access import access_job_starter
from jobs.models import Job
from jobs.registry import JobKind, job_kind_register
from jobs.services import job_progress_report, job_start, job_succeed

KIND = "records_export"
# Rows between two progress reports: often enough for a progress bar, rarely enough to cost nothing.
PROGRESS_EVERY = 500

WRITERS = {XLSXRenderer.format: write_xlsx, CSVRenderer.format: write_csv}
CONTENT_TYPES = {XLSXRenderer.format: XLSXRenderer.media_type, CSVRenderer.format: "text/csv; charset=utf-8"}

# export name → build(user, export_format, query string) → the table, exactly as the direct export builds it.
TableBuilder = Callable[[User, str, str], ExportTable]
_BUILDERS: dict[str, TableBuilder] = {}


def export_builder_register(name: str, build: TableBuilder) -> None:
    _BUILDERS[name] = build


def export_runs_as_job(rows: int) -> bool:
    """Exports of more than EXCHANGE_EXPORT_JOB_ROWS rows (counted on the filtered queryset) run on a worker."""
    return rows > settings.EXCHANGE_EXPORT_JOB_ROWS


@transaction.atomic
def records_export_start(*, actor: User, export: str, export_format: str, query: str, filename: str, rows: int) -> Job:
    """Queue an export the caller has just asked for: the view has built its filtered queryset as the caller
    (same scope, same 400 on a bad filter), counted `rows` and named the file; the worker builds it again as
    them, so a right lost in between is a failed job, never a file."""
    access_job_starter(actor)
    if export not in _BUILDERS:  # a programming error, raised here rather than in a worker
        raise KeyError(export)
    params = {
        "export": export,
        "format": export_format,
        "query": query,
        "filename": filename,
        "rows": rows,
        "language": translation.get_language() or settings.LANGUAGE_CODE,
    }
    return job_start(actor=actor, kind=KIND, params=params)


def _plan(job: Job):
    return [0], job.params["rows"]


def _temporary_name(job: Job) -> str:
    return f"jobs/{job.pk}/export.{job.params['format']}"


def _counted(rows, job: Job) -> Iterator[dict]:
    """The table's rows as they are written, reporting the progress every PROGRESS_EVERY rows; the count was
    taken when the job started, so rows added since never push the progress past the total."""
    total, written = job.params["rows"], 0
    for row in rows:
        yield row
        written += 1
        if written % PROGRESS_EVERY == 0:
            job_progress_report(job.pk, min(written, total), total)
    job.summary = {"rows": written}


def _run_part(job: Job, part) -> int:
    with translation.override(job.params["language"]):
        starter = access_job_starter(job.started_by)
        table = _BUILDERS[job.params["export"]](starter, job.params["format"], job.params["query"])
        table.rows = _counted(table.rows, job)
        content = WRITERS[job.params["format"]](table)
    name = _temporary_name(job)
    if default_storage.exists(name):  # a part run again after a worker was lost: replaced, not duplicated
        default_storage.delete(name)
    default_storage.save(name, ContentFile(content))
    Job.objects.filter(pk=job.pk).update(summary=job.summary)
    return job.summary["rows"]


def _finish(job: Job) -> None:
    job.refresh_from_db()
    name = _temporary_name(job)
    with default_storage.open(name, "rb") as written:
        content = written.read()
    default_storage.delete(name)
    job_succeed(
        job=job,
        content=content,
        name=job.params["filename"],
        content_type=CONTENT_TYPES[job.params["format"]],
        summary=job.summary,
    )


job_kind_register(
    JobKind(name=KIND, label=gettext_lazy("Export of a list"), plan=_plan, run_part=_run_part, finish=_finish)
)
