"""Who may see an evaluation and how a user stands towards it (the actor kinds transitions name)."""

from django.db.models import Q

from evaluations.models import ActorKind, Evaluation, Transition
from hr.access import subtree_q
from hr.models import OrgUnit, Role, User


def evaluation_scope_q(user: User, *, prefix: str = "") -> Q:
    """Evaluations `user` may read: admins all; officers and managers their unit subtree; everyone their own."""
    if user.is_province_admin:
        return Q()
    own = Q(**{f"{prefix}employee_id": user.employee_id}) if user.employee_id else Q(pk__in=[])
    if user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and user.scope_unit_id:
        return own | subtree_q(user.scope_unit, prefix=f"{prefix}unit__")
    return own


def ancestor_paths(path: str) -> list[str]:
    """The materialised paths of a unit and all its ancestors ("000001." then "000001.000007." ...)."""
    return [path[: i + 7] for i in range(0, len(path), 7)]


def cycle_scope_q(user: User) -> Q:
    """Cycles `user` may read: those over their scope subtree, and those covering their own unit."""
    if user.is_province_admin:
        return Q()
    q = Q(pk__in=[])
    if user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and user.scope_unit_id:
        q |= subtree_q(user.scope_unit, prefix="scope_unit__")
        q |= Q(scope_unit__path__in=ancestor_paths(user.scope_unit.path))
    if user.employee_id:
        q |= Q(scope_unit__path__in=ancestor_paths(user.employee.unit.path))
    return q


def _covers(user: User, unit: OrgUnit) -> bool:
    return user.scope_unit_id is not None and unit.path.startswith(user.scope_unit.path)


def actor_kinds(user: User, evaluation: Evaluation) -> set[str]:
    """The capacities in which `user` may act on `evaluation`; nobody reviews or decides their own."""
    if user.employee_id is not None and user.employee_id == evaluation.employee_id:
        return {ActorKind.SELF}
    kinds: set[str] = set()
    if user.is_province_admin:
        kinds.add(ActorKind.PROVINCE_ADMIN)
    elif user.role == Role.MANAGER and _covers(user, evaluation.unit):
        kinds.add(ActorKind.UNIT_MANAGER)
    elif user.role == Role.PERSONNEL_OFFICER and _covers(user, evaluation.unit):
        kinds.add(ActorKind.AGENCY_OFFICER)
    return kinds


def may_take(kinds: set[str], transition: Transition, evaluation: Evaluation) -> bool:
    return bool(kinds.intersection(transition.actors_for(agency_head=evaluation.is_agency_head)))
