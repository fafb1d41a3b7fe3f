"""The forms of a unit in a cycle as a job: parts of FORMS_BATCH_CHUNK forms rendered by any worker process,
then one ZIP in Django's storage, downloadable by whoever started it until it expires."""

import io
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import ApplicationError, Forbidden
from evaluations.models import NOT_RATED, SUPERSEDED, Evaluation, EvaluationCycle
from evaluations.pdf_form import render_forms_zip
from evaluations.services.forms import evaluation_form
from hr.access import access_unit_for_read
from hr.models import OrgUnit, Role, User
from jobs.models import Job
from jobs.registry import JobKind, job_kind_register
from jobs.services import job_start, job_succeed

KIND = "evaluation_forms"


def _evaluations(cycle_id: int, unit_path: str):
    return (
        Evaluation.objects.filter(cycle_id=cycle_id, unit__path__startswith=unit_path)
        .exclude(status__in=[NOT_RATED, SUPERSEDED])
        .select_related("cycle", "employee", "employee__rank", "unit", "agency", "position", "rule_set")
        .select_related("decided_by__employee", "amended_from")
        .order_by("unit__path", "employee__full_name", "pk")
    )


def forms_batch_check(actor: User, unit: OrgUnit | None) -> OrgUnit | None:
    """Officers and managers for their scope, the province for all: the same right as reading the forms.
    Without a unit, only the role is checked (a view does so before reading its body)."""
    if not (actor.is_province_admin or (actor.scope_unit_id and actor.role in (Role.PERSONNEL_OFFICER, Role.MANAGER))):
        raise Forbidden(_("Your role does not print the forms of a unit."), code="permission_denied")
    return access_unit_for_read(actor, unit, field="unit") if unit is not None else None


@transaction.atomic
def evaluation_forms_batch_start(*, actor: User, cycle: EvaluationCycle, unit: OrgUnit | None) -> Job:
    """Queue the ZIP of every current form of `unit` (and its subtree) in `cycle`."""
    if unit is None:
        forms_batch_check(actor, None)
        raise ApplicationError(_("Choose the unit whose forms to print."), field="unit", code="required")
    unit = forms_batch_check(actor, unit)
    return job_start(actor=actor, kind=KIND, params={"cycle": cycle.pk, "unit": unit.pk})


def _member_name(evaluation: Evaluation) -> str:
    return f"{evaluation.employee.full_name} - {evaluation.employee_id} - v{evaluation.version}.pdf"


def _plan(job: Job):
    unit = OrgUnit.objects.get(pk=job.params["unit"])
    ids = list(_evaluations(job.params["cycle"], unit.path).values_list("pk", flat=True))
    size = max(1, settings.FORMS_BATCH_CHUNK)
    return [ids[i : i + size] for i in range(0, len(ids), size)], len(ids)


def _part_name(job: Job, index: int) -> str:
    return f"jobs/{job.pk}/part-{index:05d}.zip"


def _run_part(job: Job, ids: list[int]) -> int:
    """Render one part's forms into a ZIP of its own; the order is the list's, whatever the worker."""
    index = job.parts.index(ids)
    by_pk = {e.pk: e for e in _evaluations(job.params["cycle"], "").filter(pk__in=ids)}
    items = ((_member_name(by_pk[pk]), evaluation_form(by_pk[pk])) for pk in ids if pk in by_pk)
    name = _part_name(job, index)
    if default_storage.exists(name):  # a part run again after a worker was lost: replaced, not duplicated
        default_storage.delete(name)
    default_storage.save(name, ContentFile(render_forms_zip(items)))
    return len(ids)


def _unused(name: str, taken: set[str]) -> str:
    stem, number = name.removesuffix(".pdf"), 2
    while name.lower() in taken:
        name, number = f"{stem} ({number}).pdf", number + 1
    return name


def _finish(job: Job) -> None:
    """Join the parts in order into one ZIP (members copied, not rendered again) and remove the parts."""
    buffer = io.BytesIO()
    taken: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index in range(len(job.parts)):
            name = _part_name(job, index)
            with default_storage.open(name, "rb") as part, zipfile.ZipFile(part) as source:
                for member in source.infolist():
                    member.filename = _unused(member.filename, taken)  # namesakes in different parts
                    taken.add(member.filename.lower())
                    archive.writestr(member, source.read(member))
            default_storage.delete(name)
    cycle = EvaluationCycle.objects.get(pk=job.params["cycle"])
    unit = OrgUnit.objects.get(pk=job.params["unit"])
    job_succeed(
        job=job,
        content=buffer.getvalue(),
        name=f"phieu-danh-gia-{cycle.pk}-{unit.code}.zip",
        content_type="application/zip",
        summary={"forms": job.total},
    )


job_kind_register(
    JobKind(name=KIND, label=_("Evaluation forms of a unit (ZIP)"), plan=_plan, run_part=_run_part, finish=_finish)
)
