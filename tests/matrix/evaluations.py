"""Matrix cases for the evaluation endpoints: cycles, evaluations and their workflow, unit ratings, rule sets."""

from evaluations.models import EvaluationCycle, RuleSet
from hr.models import UnitKind, UnitRating
from tests.evaluations.factories import evaluation_of, generated
from tests.factories import OrgUnitFactory
from tests.matrix import (
    A_INPUT_WRITE,
    A_ROOM_READ_OWN,
    A_ROOM_WRITE_OWN_VISIBLE,
    ADMIN_ONLY,
    EVERYONE,
    OK,
    Case,
    roles,
)


def _cycle(org) -> EvaluationCycle:
    """The 2026 annual cycle of agency A, generated once per test."""
    cycle = EvaluationCycle.objects.filter(scope_unit=org.a.unit, year=2026).first()
    return cycle or generated(org.admin, org.a.unit)


def cycle_a(org):
    return {"id": _cycle(org).pk}


def staff_a_evaluation(org):
    return {"id": evaluation_of(_cycle(org), org.a.staff.employee).pk}


def new_centre_choice(org) -> dict:
    """A choice of the older rules for a public service unit of agency A, new at each call (one per unit)."""
    centre = OrgUnitFactory(kind=UnitKind.PUBLIC_SERVICE_UNIT, parent=org.a.unit)
    return {"unit": centre.pk, "year": 2026, "basis": "Đơn vị chưa ban hành quy chế đánh giá viên chức."}


def room_rating(org):
    rating, _ = UnitRating.objects.get_or_create(unit=org.a.room, year=2025, defaults={"rating": "HTTNV"})
    return {"id": rating.pk}


# Only the person concerned takes the first step; their superiors see the evaluation but may not.
SELF_ONLY_VISIBLE = roles(404, admin=403, officer_a=403, manager_a=403, staff_a=OK)
ZIP_READERS = roles(404, admin=OK, officer_a=OK, manager_a=OK, staff_a=403)
ADMIN_ONLY_VISIBLE = roles(404, admin=OK, officer_a=403, manager_a=403, staff_a=403)
SUPERVISORS = roles(403, admin=OK, officer_a=OK, manager_a=OK, officer_b=OK, manager_b=OK)

CASES = {
    ("GET", "/api/v1/evaluation-cycles/"): Case(EVERYONE),
    # officer_b is refused with out_of_scope (403) on the unit, outside their area.
    ("POST", "/api/v1/evaluation-cycles/"): Case(
        roles(403, admin=OK, officer_a=OK),
        body=lambda org: {"year": 2027, "period_kind": "ANNUAL", "period_number": 1, "scope_unit": org.a.unit.pk},
    ),
    ("GET", "/api/v1/evaluation-cycles/{id}/"): Case(A_ROOM_READ_OWN, params=cycle_a),
    ("PATCH", "/api/v1/evaluation-cycles/{id}/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE, params=cycle_a, body=lambda org: {"decision_deadline": "2026-12-20"}
    ),
    ("POST", "/api/v1/evaluation-cycles/{id}/forms.zip/"): Case(
        ZIP_READERS, params=cycle_a, body=lambda org: {"unit": org.a.room.pk}
    ),
    ("POST", "/api/v1/evaluation-cycles/{id}/generate/"): Case(A_ROOM_WRITE_OWN_VISIBLE, params=cycle_a),
    ("GET", "/api/v1/evaluation-cycles/{id}/history/"): Case(A_ROOM_READ_OWN, params=cycle_a),
    ("POST", "/api/v1/evaluation-cycles/{id}/outstanding-units/"): Case(
        ADMIN_ONLY_VISIBLE, params=cycle_a, body=lambda org: {"unit": org.a.unit.pk, "outstanding": True}
    ),
    ("GET", "/api/v1/evaluation-rule-sets/"): Case(EVERYONE),
    ("GET", "/api/v1/evaluation-rule-sets/{id}/"): Case(
        EVERYONE, params=lambda org: {"id": RuleSet.objects.get(code="ND335-CC").pk}
    ),
    ("GET", "/api/v1/evaluations/"): Case(EVERYONE),
    ("GET", "/api/v1/evaluations/{id}/"): Case(A_ROOM_READ_OWN, params=staff_a_evaluation),
    ("PATCH", "/api/v1/evaluations/{id}/"): Case(
        SELF_ONLY_VISIBLE, params=staff_a_evaluation, body=lambda org: {"self_comment": "Hoàn thành đúng hạn."}
    ),
    ("GET", "/api/v1/evaluations/{id}/allowed-actions/"): Case(A_ROOM_READ_OWN, params=staff_a_evaluation),
    # Amending needs a decided evaluation: those who may decide get 409 for a draft, others 403.
    ("POST", "/api/v1/evaluations/{id}/amend/"): Case(
        roles(404, admin=OK, officer_a=OK, manager_a=403, staff_a=403),
        params=staff_a_evaluation,
        body=lambda org: {"reason": "Sai sót khi tổng hợp điểm."},
    ),
    ("GET", "/api/v1/evaluations/{id}/history/"): Case(A_ROOM_READ_OWN, params=staff_a_evaluation),
    ("GET", "/api/v1/evaluations/{id}/pdf/"): Case(A_ROOM_READ_OWN, params=staff_a_evaluation),
    ("POST", "/api/v1/evaluations/{id}/transitions/{name}/"): Case(
        SELF_ONLY_VISIBLE,
        params=lambda org: {**staff_a_evaluation(org), "name": "submit_self_assessment"},
        body=lambda org: {"self_rating": "HTTNV"},
    ),
    ("GET", "/api/v1/evaluations/statistics/"): Case(SUPERVISORS, query=lambda org: {"year": 2026}),
    ("GET", "/api/v1/me/evaluations/"): Case(EVERYONE),
    ("GET", "/api/v1/me/tasks/"): Case(EVERYONE),
    ("GET", "/api/v1/unit-ratings/"): Case(EVERYONE),
    ("POST", "/api/v1/unit-ratings/"): Case(
        ADMIN_ONLY, body=lambda org: {"unit": org.a.unit.pk, "year": 2026, "rating": "HTTNV"}
    ),
    ("GET", "/api/v1/unit-rules-choices/"): Case(EVERYONE),
    # officer_b is refused with out_of_scope (403) on the unit, outside their area.
    ("POST", "/api/v1/unit-rules-choices/"): Case(A_INPUT_WRITE, body=new_centre_choice),
    ("GET", "/api/v1/unit-ratings/{id}/"): Case(A_ROOM_READ_OWN, params=room_rating),
    ("GET", "/api/v1/unit-ratings/{id}/history/"): Case(A_ROOM_READ_OWN, params=room_rating),
}
