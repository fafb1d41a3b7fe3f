"""The kinds of jobs: each app registers its own work here, so the jobs app never imports the apps above it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class JobKind:
    """How a kind of job runs.

    `plan(job)` returns the parts of the work (JSON values) and the number of items; each part is then run by
    `run_part(job, part)`, which returns how many items it did, in its own task, so parts spread over the
    worker processes; `finish(job)` runs once, after the last part, and stores the result.
    """

    name: str
    label: str | Promise
    plan: Callable
    run_part: Callable
    finish: Callable


_KINDS: dict[str, JobKind] = {}


def job_kind_register(kind: JobKind) -> JobKind:
    _KINDS[kind.name] = kind
    return kind


def job_kind(name: str) -> JobKind:
    return _KINDS[name]


def job_kind_label(name: str) -> str:
    kind = _KINDS.get(name)
    return str(kind.label) if kind else name
