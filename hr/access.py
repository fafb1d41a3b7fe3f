"""Who may see and change what: the one door every service, view, importer and admin page asks.

Two forms of every rule sit side by side so they cannot drift: a `Q` for querysets (lists,
scoped lookups) and an `access_*` helper for one object, which returns it or refuses:

- hidden or missing: not found (404), the same answer for both, so nothing leaks;
- visible but not the caller's to change: `OutOfScope` or `Forbidden` (403);
- the caller's own record: `OwnRecord` (403). A personnel officer's own record, discipline,
  salary, rank and commendations are decided by the authority above them, never by themselves.

When the object is not the request's target but an input of it (the unit a person is placed in,
the person a decision names), the refusal names that input: `field=` puts the message on it.
`actor=None` is the system itself (demo builder, migrations, commands run by the operator).
"""

from django.db.models import Q, Subquery
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound

from backend.api.exceptions import Forbidden, OutOfScope, OwnRecord
from hr.models import Employee, OrgUnit, Role, User

OUT_OF_SCOPE_UNIT = _("The unit is outside your area of responsibility.")
OUT_OF_SCOPE_PERSON = _("The person is outside your area of responsibility.")
OWN_RECORD = _("You cannot act on your own record; the competent authority above you does.")
NOT_A_WRITER = _("Only the personnel office may change personnel records.")
PROVINCE_ONLY = _("Only the province administration may do this.")
SYNC_FEED_ONLY = _(
    "Only the province administration and the national database connector read and acknowledge the feed."
)


# -- roles ---------------------------------------------------------------------------------------


def is_personnel_writer(user: User) -> bool:
    """Administrators and personnel officers write personnel records; managers and staff read."""
    return user.is_province_admin or user.role == Role.PERSONNEL_OFFICER


def _reads_subtree(user: User) -> bool:
    return user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and user.scope_unit_id is not None


def _writes_subtree(user: User) -> bool:
    return user.role == Role.PERSONNEL_OFFICER and user.scope_unit_id is not None


# -- querysets -----------------------------------------------------------------------------------


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
    if _reads_subtree(user):
        # The same rows either way; without the OR PostgreSQL estimates the subtree right (issue 15).
        inside = _own_record_inside_scope(user)  # first: it may load the scope unit in the same query
        subtree = subtree_q(user.scope_unit, prefix=f"{prefix}unit__")
        return subtree if inside else own | subtree
    return own


def employee_scope_forms(user: User, *, prefix: str = "") -> list[Q]:
    """Every `Q` `employee_scope_q(user, prefix=prefix)` may answer (with or without the own record besides the
    subtree)."""
    if not _reads_subtree(user):
        return [employee_scope_q(user, prefix=prefix)]
    own = Q(**{f"{prefix}pk": user.employee_id}) if user.employee_id else Q(pk__in=[])
    subtree = subtree_q(user.scope_unit, prefix=f"{prefix}unit__")
    return [subtree, own | subtree]


def _own_record_inside_scope(user: User) -> bool:
    """Whether the user's own record lies in their scope subtree, so the subtree alone already names it.

    Read from the loaded relations when the request has them, else in the query that loads the scope unit
    (one query either way, as before), else by one look-up.
    """
    if not user.employee_id:
        return False
    scope_loaded = User._meta.get_field("scope_unit").is_cached(user)
    if not scope_loaded:
        own_path = Employee.objects.filter(pk=user.employee_id).order_by().values("unit__path")[:1]
        unit = OrgUnit.objects.annotate(own_path=Subquery(own_path)).get(pk=user.scope_unit_id)
        user.scope_unit = unit
        return unit.own_path is not None and unit.own_path.startswith(unit.path)
    own = user.employee if User._meta.get_field("employee").is_cached(user) else None
    if own is not None and Employee._meta.get_field("unit").is_cached(own):
        return _covers(user, own.unit)
    return Employee.objects.filter(pk=user.employee_id, unit__path__startswith=user.scope_unit.path).exists()


def employee_manage_q(user: User, *, prefix: str = "") -> Q:
    """Employees whose records `user` may change: the officer's agency subtree, or everyone for admins.

    The caller's own record is excluded: nobody decides on themselves.
    """
    own = Q(**{f"{prefix}pk": user.employee_id}) if user.employee_id else Q(pk__in=[])
    if user.is_province_admin:
        return ~own
    if _writes_subtree(user):
        return subtree_q(user.scope_unit, prefix=f"{prefix}unit__") & ~own
    return Q(pk__in=[])


def unit_manage_q(user: User, *, prefix: str = "") -> Q:
    """Units `user` may place people in or change: the province for administrators, an officer's agency subtree."""
    if user.is_province_admin:
        return Q()
    if _writes_subtree(user):
        return subtree_q(user.scope_unit, prefix=prefix)
    return Q(pk__in=[])


def account_scope_q(user: User) -> Q:
    """Logins `user` may read: all for administrators, those of the officer's agency subtree (theirs included)."""
    if user.is_province_admin:
        return Q()
    if _writes_subtree(user):
        return subtree_q(user.scope_unit, prefix="employee__unit__")
    return Q(pk__in=[])


# -- predicates on one object --------------------------------------------------------------------


def _covers(user: User, unit: OrgUnit) -> bool:
    return user.scope_unit_id is not None and unit.path.startswith(user.scope_unit.path)


def can_manage_unit(user: User, unit: OrgUnit) -> bool:
    """Whether `user` may place people in, or change, `unit`."""
    return user.is_province_admin or (_writes_subtree(user) and _covers(user, unit))


def can_read_unit_subtree(user: User, unit: OrgUnit) -> bool:
    """Whether `user` may read the people of `unit`'s whole subtree (reports, summaries)."""
    return user.is_province_admin or (_reads_subtree(user) and _covers(user, unit))


def employee_visible_to(user: User, employee: Employee) -> bool:
    """The object form of `employee_scope_q`."""
    if user.is_province_admin or (user.employee_id is not None and user.employee_id == employee.pk):
        return True
    return _reads_subtree(user) and _covers(user, employee.unit)


def is_own_record(user: User, employee: Employee | None) -> bool:
    return employee is not None and user.employee_id is not None and user.employee_id == employee.pk


# -- access helpers: the object, or a refusal ----------------------------------------------------


def access_personnel_writer(actor: User | None) -> None:
    """Refuse a role that never writes personnel records (managers, staff)."""
    if actor is not None and not is_personnel_writer(actor):
        raise Forbidden(NOT_A_WRITER, code="permission_denied")


def access_province_admin(actor: User | None) -> None:
    """Reference data, rule data and unit ratings are the province administration's."""
    if actor is not None and not actor.is_province_admin:
        raise Forbidden(PROVINCE_ONLY, code="permission_denied")


def can_read_sync_feed(user: User) -> bool:
    """The feed to the national database holds every person's data: the province administration's, and the
    connector's account (`Role.NATIONAL_SYNC`), which reads nothing else."""
    return user.is_province_admin or user.role == Role.NATIONAL_SYNC


def access_sync_feed(actor: User | None) -> None:
    """Refuse a role that may not read or acknowledge the national database feed (NĐ 27/2026)."""
    if actor is not None and not can_read_sync_feed(actor):
        raise Forbidden(SYNC_FEED_ONLY, code="permission_denied")


def access_unit_for_write(actor: User | None, unit: OrgUnit, *, field: str | None = "unit") -> OrgUnit:
    """The unit, if `actor` may place people in or change it."""
    if actor is None:
        return unit
    access_personnel_writer(actor)
    if not can_manage_unit(actor, unit):
        raise OutOfScope(OUT_OF_SCOPE_UNIT, field=field, code="out_of_scope")
    return unit


def access_unit_for_read(actor: User | None, unit: OrgUnit, *, field: str | None = "unit") -> OrgUnit:
    """The unit, if `actor` may read the people of its whole subtree (reports, summaries)."""
    if actor is not None and not can_read_unit_subtree(actor, unit):
        raise OutOfScope(OUT_OF_SCOPE_UNIT, field=field, code="out_of_scope")
    return unit


def access_unit_parent_for_write(actor: User | None, parent: OrgUnit | None, *, field: str | None = "parent") -> None:
    """Officers create, change and move units only inside their agency, never the agency itself or a root."""
    if actor is None or actor.is_province_admin:
        return
    access_personnel_writer(actor)
    if parent is None or not can_manage_unit(actor, parent):
        raise OutOfScope(OUT_OF_SCOPE_UNIT, field=field, code="out_of_scope")


def access_report_unit(actor: User | None, unit: OrgUnit | None) -> OrgUnit | None:
    """The unit a report covers (statistics, exports): the one asked for, else the caller's own scope.

    None is the whole province, for administrators (and the system). Managers and officers read their subtree.
    """
    if actor is None:
        return unit
    if not (actor.is_province_admin or _reads_subtree(actor)):
        raise Forbidden(_("Reports are for the personnel office and managers."), code="permission_denied")
    if unit is None and not actor.is_province_admin:
        unit = actor.scope_unit
    if unit is not None:
        access_unit_for_read(actor, unit, field=None)
    return unit


def access_employee_for_write(actor: User | None, employee: Employee, *, field: str | None = None) -> Employee:
    """The person, if `actor` may change their record or record a decision about them.

    As the request's target (`field=None`) a person the actor cannot see is not found; named as an
    input (`field="employee"`) the refusal is put on that input instead, since the id came from the body.
    """
    if actor is None:
        return employee
    access_personnel_writer(actor)
    if is_own_record(actor, employee):
        raise OwnRecord(OWN_RECORD, field=field, code="own_record")
    if actor.is_province_admin or (_writes_subtree(actor) and _covers(actor, employee.unit)):
        return employee
    if field is None and not employee_visible_to(actor, employee):
        raise NotFound()
    raise OutOfScope(OUT_OF_SCOPE_PERSON, field=field, code="out_of_scope")


def access_recipient_for_write(
    actor: User | None, *, employee: Employee | None = None, unit: OrgUnit | None = None, as_input: bool = True
) -> None:
    """A decision names a person or a unit (titles, commendations): the actor must manage that recipient.

    `as_input=False` when the decision itself is the request's target (its annulment), so no input is blamed.
    """
    if employee is not None:
        access_employee_for_write(actor, employee, field="employee" if as_input else None)
    elif unit is not None:
        access_unit_for_write(actor, unit, field="unit" if as_input else None)
