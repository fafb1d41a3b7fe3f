"""Writes to classes: creation, edits while not started, the status lifecycle and session days."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict
from hr.access import access_unit_for_write
from hr.models import OrgUnit, User
from training.access import access_class_for_run
from training.models import ClassSession, ClassStatus, EnrolmentStatus, Programme, Result, TrainingClass

# status → the statuses it may move to; completion has its own check (no pending result).
TRANSITIONS = {
    ClassStatus.DRAFT: {ClassStatus.OPEN, ClassStatus.CANCELLED},
    ClassStatus.OPEN: {ClassStatus.IN_PROGRESS, ClassStatus.CANCELLED, ClassStatus.DRAFT},
    ClassStatus.IN_PROGRESS: {ClassStatus.COMPLETED},
    ClassStatus.COMPLETED: set(),
    ClassStatus.CANCELLED: set(),
}
EDITABLE = {ClassStatus.DRAFT, ClassStatus.OPEN}


def _locked(training_class: TrainingClass) -> TrainingClass:
    return TrainingClass.objects.select_for_update().select_related("programme", "organiser").get(pk=training_class.pk)


def _active_count(training_class: TrainingClass) -> int:
    return training_class.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()


@transaction.atomic
def class_create(
    *,
    actor: User | None,
    code: str,
    programme: Programme,
    organiser: OrgUnit,
    provider: str,
    start_date: datetime.date,
    end_date: datetime.date,
    delivery: str,
    capacity: int,
) -> TrainingClass:
    """Plan a class (draft) of an offered programme."""
    access_unit_for_write(actor, organiser, field="organiser")
    if not programme.is_active:
        raise ApplicationError(_("The programme is no longer offered."), field="programme", code="programme_inactive")
    training_class = TrainingClass(
        code=code,
        programme=programme,
        organiser=organiser,
        provider=provider,
        start_date=start_date,
        end_date=end_date,
        delivery=delivery,
        capacity=capacity,
    )
    if end_date < start_date:
        raise ValidationError(
            {"end_date": ValidationError(_("The end date is before the start date."), code="dates_reversed")}
        )
    training_class._history_user = actor
    training_class.full_clean()
    training_class.save()
    return training_class


@transaction.atomic
def class_update(*, training_class: TrainingClass, actor: User | None, **fields) -> TrainingClass:
    """Change a class before it starts; capacity never drops below the people already enrolled."""
    access_class_for_run(actor, training_class)
    if "organiser" in fields:
        access_unit_for_write(actor, fields["organiser"], field="organiser")
    training_class = _locked(training_class)
    if training_class.status not in EDITABLE:
        raise Conflict(
            _("A class is changed only while it is a draft or open for enrolment."), code="class_not_editable"
        )
    if "programme" in fields and training_class.status != ClassStatus.DRAFT:
        raise ApplicationError(
            _("The programme changes only while the class is a draft."), field="programme", code="programme_fixed"
        )
    if "programme" in fields and not fields["programme"].is_active:
        raise ApplicationError(_("The programme is no longer offered."), field="programme", code="programme_inactive")
    for name, value in fields.items():
        setattr(training_class, name, value)
    if training_class.end_date < training_class.start_date:
        raise ValidationError(
            {"end_date": ValidationError(_("The end date is before the start date."), code="dates_reversed")}
        )
    if "capacity" in fields and fields["capacity"] < _active_count(training_class):
        raise ApplicationError(
            _("The capacity is below the number of people already enrolled."),
            field="capacity",
            code="capacity_below_enrolled",
        )
    if training_class.sessions.exclude(date__range=(training_class.start_date, training_class.end_date)).exists():
        raise ApplicationError(
            _("Session days already recorded fall outside the new dates."),
            field="start_date",
            code="sessions_outside_dates",
        )
    training_class._history_user = actor
    training_class.full_clean()
    training_class.save()
    return training_class


@transaction.atomic
def class_set_status(*, training_class: TrainingClass, actor: User | None, status: str) -> TrainingClass:
    """Move a class along draft → open → in progress → completed (or cancel it before it starts)."""
    access_class_for_run(actor, training_class)
    training_class = _locked(training_class)
    if status not in TRANSITIONS[training_class.status]:
        raise Conflict(
            _("A class in status “%(current)s” cannot move to “%(target)s”.")
            % {"current": training_class.get_status_display(), "target": ClassStatus(status).label},
            code="wrong_state",
        )
    if status == ClassStatus.COMPLETED:
        pending = training_class.enrolments.filter(status=EnrolmentStatus.ENROLLED, result=Result.PENDING).count()
        if pending:
            raise Conflict(
                _("The class cannot be completed: %(count)d result(s) are still pending.") % {"count": pending},
                code="results_pending",
            )
    training_class.status = status
    training_class._history_user = actor
    training_class.full_clean()
    training_class.save(update_fields=["status"])
    return training_class


@transaction.atomic
def session_add(
    *, training_class: TrainingClass, actor: User | None, date: datetime.date, periods: int
) -> ClassSession:
    """Add a session day, within the class dates, once the class is open or running."""
    access_class_for_run(actor, training_class)
    training_class = _locked(training_class)
    if training_class.status not in (ClassStatus.OPEN, ClassStatus.IN_PROGRESS):
        raise Conflict(_("Session days are added while the class is open or in progress."), code="sessions_closed")
    if not training_class.start_date <= date <= training_class.end_date:
        raise ApplicationError(_("The day is outside the class dates."), field="date", code="date_outside_class")
    if training_class.sessions.filter(date=date).exists():
        raise ApplicationError(_("This session day is already recorded."), field="date", code="session_exists")
    planned = sum(training_class.sessions.values_list("periods", flat=True)) + periods
    if planned > training_class.programme.periods:
        raise ApplicationError(
            _("The session days would exceed the programme's %(periods)d periods.")
            % {"periods": training_class.programme.periods},
            field="periods",
            code="periods_exceeded",
        )
    session = ClassSession(training_class=training_class, date=date, periods=periods)
    session.full_clean()
    session.save()
    return session
