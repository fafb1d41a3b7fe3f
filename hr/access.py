"""Who may see and manage what: the unit-subtree scoping every queryset goes through."""

from django.db.models import Q

from hr.models import OrgUnit, Role, User


def subtree_q(unit: OrgUnit, *, prefix: str = "") -> Q:
    """Rows whose unit (reached through `prefix`) lies in `unit`'s subtree, `unit` included."""
    return Q(**{f"{prefix}path__startswith": unit.path})


def employee_scope_q(user: User, *, prefix: str = "") -> Q:
    """Employees `user` may read, for a queryset whose employee is reached through `prefix`.

    Administrators see the province; officers and managers their unit subtree
    (and themselves); staff only themselves.
    """
    if user.is_province_admin:
        return Q()
    own = Q(**{f"{prefix}pk": user.employee_id}) if user.employee_id else Q(pk__in=[])
    if user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and user.scope_unit_id:
        return own | subtree_q(user.scope_unit, prefix=f"{prefix}unit__")
    return own


def employee_manage_q(user: User, *, prefix: str = "") -> Q:
    """Employees whose records `user` may change: the officer's agency subtree, or everyone for admins."""
    if user.is_province_admin:
        return Q()
    if user.role == Role.PERSONNEL_OFFICER and user.scope_unit_id:
        return subtree_q(user.scope_unit, prefix=f"{prefix}unit__")
    return Q(pk__in=[])


def can_manage_unit(user: User, unit: OrgUnit) -> bool:
    """Whether `user` may place people in, or change, `unit`."""
    if user.is_province_admin:
        return True
    return (
        user.role == Role.PERSONNEL_OFFICER
        and user.scope_unit_id is not None
        and unit.path.startswith(user.scope_unit.path)
    )


def can_read_unit_subtree(user: User, unit: OrgUnit) -> bool:
    """Whether `user` may read the people of `unit`'s whole subtree (reports, summaries)."""
    if user.is_province_admin:
        return True
    return (
        user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER)
        and user.scope_unit_id is not None
        and unit.path.startswith(user.scope_unit.path)
    )


def is_personnel_writer(user: User) -> bool:
    """Administrators and personnel officers write personnel records; managers and staff read."""
    return user.is_province_admin or user.role == Role.PERSONNEL_OFFICER
