"""Who may read a unit's reform appraisal and who may act on it."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import Forbidden, OutOfScope
from hr.access import OUT_OF_SCOPE_UNIT, can_manage_unit, subtree_q
from hr.models import Role, User
from reform.models import Appraisal, AppraisalStatus


def ancestor_paths(path: str) -> list[str]:
    """The materialised paths of a unit and all its ancestors ("000001." then "000001.000007." ...)."""
    return [path[: i + 7] for i in range(0, len(path), 7)]


def appraisal_scope_q(user: User) -> Q:
    """Appraisals `user` may read.

    Administrators: all. Officers and managers: units in their scope subtree and the agency
    their scope lies in (a room's manager reads their agency's result). Staff: their own
    agency's, once published.
    """
    if user.is_province_admin:
        return Q()
    q = Q(pk__in=[])
    if user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and user.scope_unit_id:
        q |= subtree_q(user.scope_unit, prefix="unit__") | Q(unit__path__in=ancestor_paths(user.scope_unit.path))
    if user.employee_id:
        q |= Q(unit__path__in=ancestor_paths(user.employee.unit.path), status=AppraisalStatus.PUBLISHED)
    return q


def may_self_assess(user: User, appraisal: Appraisal) -> bool:
    """The unit's personnel officer enters self-scores, evidence and submits; nobody else does."""
    return user.role == Role.PERSONNEL_OFFICER and can_manage_unit(user, appraisal.unit)


def may_open(user: User, unit) -> bool:
    """The province administration opens any unit's appraisal; an officer their own agency's."""
    return user.is_province_admin or (user.role == Role.PERSONNEL_OFFICER and can_manage_unit(user, unit))


def may_appraise(user: User) -> bool:
    """The province administrator acts for the Department of Home Affairs: appraisal, survey, publication."""
    return user.is_province_admin


APPRAISER_ONLY = _("Only the province administration appraises and publishes reform results.")
SELF_ASSESSOR_ONLY = _("Only the unit's personnel officer enters its self-assessment.")


def access_appraisal_open(actor: User | None, unit) -> None:
    if actor is not None and not may_open(actor, unit):
        if not (actor.is_province_admin or actor.role == Role.PERSONNEL_OFFICER):
            raise Forbidden(SELF_ASSESSOR_ONLY)
        raise OutOfScope(OUT_OF_SCOPE_UNIT, field="unit")


def access_self_assessment(actor: User | None, appraisal: Appraisal) -> Appraisal:
    """The unit's officer works on its self-assessment (scores, evidence, submission)."""
    if actor is not None and not may_self_assess(actor, appraisal):
        raise Forbidden(SELF_ASSESSOR_ONLY)
    return appraisal


def access_appraiser(actor: User | None, appraisal: Appraisal) -> Appraisal:
    """The Department of Home Affairs, as the province administration, appraises, returns and publishes."""
    if actor is not None and not may_appraise(actor):
        raise Forbidden(APPRAISER_ONLY)
    return appraisal


def access_appraisal_refresh(actor: User | None, appraisal: Appraisal) -> Appraisal:
    if actor is not None and not (may_appraise(actor) or may_self_assess(actor, appraisal)):
        raise Forbidden(SELF_ASSESSOR_ONLY)
    return appraisal
