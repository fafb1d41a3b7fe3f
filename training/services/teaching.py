"""Recording who taught a class, and cancelling a mistaken record (NĐ 171/2025 Điều 3.4)."""

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict, OwnRecord
from hr.access import OWN_RECORD, is_own_record
from hr.models import Employee, User
from training.access import access_class_for_run
from training.models import ClassStatus, TeachingAssignment, TeachingStatus, TrainingClass

# Teaching is recorded once the class has begun: a draft or open class has not been taught yet.
TAUGHT_STATES = (ClassStatus.IN_PROGRESS, ClassStatus.COMPLETED)


def _check_not_own(actor: User | None, employee: Employee, *, field: str | None) -> None:
    # The periods credit the teacher's yearly training: like results, nobody records their own.
    if actor is not None and is_own_record(actor, employee):
        raise OwnRecord(OWN_RECORD, field=field)


@transaction.atomic
def teaching_record(
    *, actor: User | None, training_class: TrainingClass, employee: Employee, periods: int, note: str = ""
) -> TeachingAssignment:
    """Record that `employee` taught `periods` periods of `training_class`; by whoever runs the class."""
    access_class_for_run(actor, training_class)
    _check_not_own(actor, employee, field="employee")
    # The class row is locked so that two records of the same teacher never both pass the check below.
    training_class = TrainingClass.objects.select_for_update().select_related("programme").get(pk=training_class.pk)
    if training_class.status not in TAUGHT_STATES:
        raise Conflict(_("Teaching is recorded for a class in progress or completed."), code="teaching_class_state")
    if periods > training_class.programme.periods:
        raise ApplicationError(
            _("The programme has %(periods)d periods; nobody teaches more of it.")
            % {"periods": training_class.programme.periods},
            field="periods",
            code="periods_exceeded",
        )
    if TeachingAssignment.objects.filter(
        employee=employee, training_class=training_class, status=TeachingStatus.RECORDED
    ).exists():
        raise ApplicationError(
            _("This person's teaching in the class is already recorded; cancel that record to correct it."),
            field="employee",
            code="teaching_exists",
        )
    teaching = TeachingAssignment(
        employee=employee, training_class=training_class, periods=periods, note=note, recorded_by=actor
    )
    teaching._history_user = actor
    teaching.full_clean(validate_constraints=False)
    teaching.save()
    return teaching


@transaction.atomic
def teaching_cancel(*, actor: User | None, teaching: TeachingAssignment, reason: str) -> TeachingAssignment:
    """Cancel a mistaken record, with its reason; never deleted, so its history stays."""
    access_class_for_run(actor, teaching.training_class)
    _check_not_own(actor, teaching.employee, field=None)
    teaching = TeachingAssignment.objects.select_for_update().get(pk=teaching.pk)
    if teaching.status == TeachingStatus.CANCELLED:
        raise Conflict(_("This teaching record is already cancelled."), code="teaching_cancelled")
    teaching.status = TeachingStatus.CANCELLED
    teaching.cancel_reason = reason
    teaching._history_user = actor
    teaching.full_clean(validate_constraints=False)
    teaching.save(update_fields=["status", "cancel_reason"])
    return teaching
