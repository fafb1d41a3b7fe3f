"""Who may run a class: the organising unit's officers and administrators, through `hr.access`."""

from django.db.models import Q

from backend.api.exceptions import OwnRecord
from hr.access import OWN_RECORD, access_unit_for_write, is_own_record, subtree_q
from hr.models import Role, User
from training.models import Enrolment, TrainingClass


def class_manage_q(user: User, *, prefix: str = "") -> Q:
    """Classes `user` may change, record attendance and results for, and certify."""
    if user.is_province_admin:
        return Q()
    if user.role == Role.PERSONNEL_OFFICER and user.scope_unit_id:
        return subtree_q(user.scope_unit, prefix=f"{prefix}organiser__")
    return Q(pk__in=[])


def access_class_for_run(actor: User | None, training_class: TrainingClass) -> TrainingClass:
    """The class, if `actor` runs it (its organiser lies in their agency); refused with 403 otherwise."""
    access_unit_for_write(actor, training_class.organiser, field=None)
    return training_class


def access_enrolments_for_run(
    actor: User | None, training_class: TrainingClass, enrolments: list[Enrolment], *, field: str
) -> None:
    """Running a class, an officer still records no attendance, result or certificate of their own."""
    access_class_for_run(actor, training_class)
    if actor is not None and any(is_own_record(actor, e.employee) for e in enrolments):
        raise OwnRecord(OWN_RECORD, field=field)
