"""Who may run a class: administrators, and personnel officers of the organising unit's agency."""

from django.db.models import Q

from hr.access import can_manage_unit
from hr.models import Role, User
from training.models import TrainingClass


def class_manage_q(user: User, *, prefix: str = "") -> Q:
    """Classes `user` may change, record attendance and results for, and certify."""
    if user.is_province_admin:
        return Q()
    if user.role == Role.PERSONNEL_OFFICER and user.scope_unit_id:
        return Q(**{f"{prefix}organiser__path__startswith": user.scope_unit.path})
    return Q(pk__in=[])


def can_manage_class(user: User, training_class: TrainingClass) -> bool:
    return can_manage_unit(user, training_class.organiser)
