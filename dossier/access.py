"""Who sees and changes a dossier, on top of hr.access: the sensitive groups and self-updates.

- Every group but the sensitive ones: whoever reads the person's record (hr.access.employee_scope_q).
- Sensitive groups (family, assets and income, health; dossier.groups.SENSITIVE_GROUPS): the person, the
  personnel officers of the agency whose subtree holds the person, and the province administration. NĐ 27/2026
  lets personnel work within its competence read a dossier without the person's consent; the province
  administration is the Sở Nội vụ, the personnel authority of the whole province, so it reads them too.
  Managers do not: heading a room is not personnel work. Officers of another agency see nothing of the person.
- Writes: the personnel office of the person's agency and the administration, never on their own dossier
  (hr.access.access_employee_for_write). The person proposes (dossier.services.proposals) instead.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import Forbidden
from hr.access import subtree_q
from hr.models import Employee, Role, User

SENSITIVE_HIDDEN = _("Family, health, assets and income are shown only to the person and their personnel office.")
OWN_ONLY = _("Only the person proposes changes to their own dossier.")


def _officer_covers(user: User, employee: Employee) -> bool:
    return (
        user.role == Role.PERSONNEL_OFFICER
        and user.scope_unit_id is not None
        and employee.unit.path.startswith(user.scope_unit.path)
    )


def can_read_sensitive(user: User | None, employee: Employee) -> bool:
    """Whether `user` may read `employee`'s family, health, assets and income."""
    if user is None or user.is_province_admin:
        return True
    if user.employee_id is not None and user.employee_id == employee.pk:
        return True
    return _officer_covers(user, employee)


def sensitive_scope_q(user: User, *, prefix: str = "") -> Q:
    """The queryset form of `can_read_sensitive`, for rows whose employee is reached through `prefix`."""
    if user.is_province_admin:
        return Q()
    own = Q(**{f"{prefix}pk": user.employee_id}) if user.employee_id else Q(pk__in=[])
    if user.role == Role.PERSONNEL_OFFICER and user.scope_unit_id is not None:
        return own | subtree_q(user.scope_unit, prefix=f"{prefix}unit__")
    return own


def access_sensitive_read(user: User, employee: Employee) -> Employee:
    """The person, if `user` may read their sensitive groups; a visible person otherwise answers 403."""
    if not can_read_sensitive(user, employee):
        raise Forbidden(SENSITIVE_HIDDEN, code="sensitive_group")
    return employee


def access_sensitive_list(user: User) -> User:
    """`user`, if they may list people's sensitive groups (an export); a manager answers 403.

    A manager sees their room's people but reads none of their sensitive groups: a list would silently leave
    them out, so it is refused as the dossier refuses each of them (the scope of the others is
    `sensitive_scope_q`: the officer's agency, the whole province, the staff member alone).
    """
    if user.role == Role.MANAGER:
        raise Forbidden(SENSITIVE_HIDDEN, code="sensitive_group")
    return user


def access_own_dossier(actor: User, employee: Employee) -> Employee:
    """The person, if `actor` is that person: self-updates are proposed by the person alone."""
    if actor.employee_id is None or actor.employee_id != employee.pk:
        raise Forbidden(OWN_ONLY, code="proposal_own_only")
    return employee
