"""Attendance per session day and results with the periods they credit."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict
from hr.models import User
from training.access import access_enrolments_for_run
from training.models import Attendance, ClassSession, ClassStatus, Enrolment, EnrolmentStatus, Result, TrainingClass


@dataclass
class ResultInput:
    enrolment: Enrolment
    result: str
    periods_credited: int | None = None
    note: str = ""


def _running(training_class: TrainingClass) -> TrainingClass:
    training_class = TrainingClass.objects.select_for_update().select_related("programme").get(pk=training_class.pk)
    if training_class.status != ClassStatus.IN_PROGRESS:
        raise Conflict(
            _("Attendance and results are recorded while the class is in progress."), code="class_not_running"
        )
    return training_class


def _check_enrolments(training_class: TrainingClass, enrolments: list[Enrolment], *, field: str) -> None:
    ids = [e.pk for e in enrolments]
    if len(set(ids)) != len(ids):
        raise ApplicationError(_("A person is listed more than once."), field=field, code="duplicate_entry")
    for enrolment in enrolments:
        if enrolment.training_class_id != training_class.pk or enrolment.status != EnrolmentStatus.ENROLLED:
            raise ApplicationError(
                _("Enrolment %(id)d is not an active enrolment of this class.") % {"id": enrolment.pk},
                field=field,
                code="enrolment_not_in_class",
            )


@transaction.atomic
def attendance_record(
    *, actor: User | None, training_class: TrainingClass, session: ClassSession, present: dict[Enrolment, bool]
) -> list[Attendance]:
    """Record (or correct) who attended one session day."""
    access_enrolments_for_run(actor, training_class, list(present), field="records")
    training_class = _running(training_class)
    if session.training_class_id != training_class.pk:
        raise ApplicationError(
            _("The session day belongs to another class."), field="session", code="session_not_in_class"
        )
    _check_enrolments(training_class, list(present), field="records")
    saved = []
    for enrolment, attended in present.items():
        attendance, _created = Attendance.objects.update_or_create(
            enrolment=enrolment, session=session, defaults={"present": attended}
        )
        saved.append(attendance)
    return saved


def _attended_periods(training_class: TrainingClass, enrolment_ids: list[int]) -> tuple[bool, dict[int, int]]:
    """Whether the class keeps attendance, and each enrolment's attended periods."""
    has_sessions = training_class.sessions.exists()
    rows = (
        Attendance.objects.filter(enrolment_id__in=enrolment_ids, present=True)
        .values("enrolment_id")
        .annotate(periods=Sum("session__periods"))
    )
    return has_sessions, {row["enrolment_id"]: row["periods"] for row in rows}


@transaction.atomic
def results_record(*, actor: User | None, training_class: TrainingClass, results: list[ResultInput]) -> list[Enrolment]:
    """Record results; a pass credits the attended periods (all the programme's when no attendance is kept)."""
    access_enrolments_for_run(actor, training_class, [r.enrolment for r in results], field="results")
    training_class = _running(training_class)
    _check_enrolments(training_class, [r.enrolment for r in results], field="results")
    full = training_class.programme.periods
    has_sessions, attended = _attended_periods(training_class, [r.enrolment.pk for r in results])
    saved = []
    for item in results:
        if item.result == Result.PENDING:
            raise ApplicationError(_("Record passed, failed or absent."), field="results", code="result_required")
        if item.result != Result.PASSED:
            if item.periods_credited:
                raise ApplicationError(
                    _("Only a passed result credits periods."), field="results", code="credit_without_pass"
                )
            credited = 0
        elif item.periods_credited is not None:
            if item.periods_credited > full:
                raise ApplicationError(
                    _("At most the programme's %(periods)d periods can be credited.") % {"periods": full},
                    field="results",
                    code="periods_exceeded",
                )
            credited = item.periods_credited
        else:
            credited = min(attended.get(item.enrolment.pk, 0), full) if has_sessions else full
        enrolment = item.enrolment
        enrolment.result = item.result
        enrolment.periods_credited = credited
        enrolment.result_note = item.note
        enrolment._history_user = actor
        enrolment.full_clean(validate_constraints=False)
        enrolment.save(update_fields=["result", "periods_credited", "result_note"])
        saved.append(enrolment)
    return saved
