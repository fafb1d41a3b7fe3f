"""Matrix cases for discipline decisions, commendations, initiatives and eligibility; shared record builders."""

import datetime

from hr.models import Award
from hr.services.commendations import commendation_create, initiative_create
from hr.services.discipline import discipline_record_create
from tests.matrix import A_INPUT_WRITE, A_ROOM_READ_OWN, A_ROOM_WRITE_OWN_VISIBLE, EVERYONE, Case


def discipline(employee, **overrides):
    """A reprimand about `employee` decided on 10/03/2025 (NĐ 172 regime) unless overridden."""
    fields = {
        "form": "KHIEN_TRACH",
        "decision_number": "15/QĐ-SNV",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": datetime.date(2025, 9, 10),
        "effective_date": datetime.date(2025, 9, 10),
        "violation_date": datetime.date(2025, 5, 2),
        "reason": "Vi phạm quy chế làm việc",
        "severity": "IT_NGHIEM_TRONG",
        "duty_related": True,
    }
    fields.update(overrides)
    return discipline_record_create(actor=None, employee=employee, **fields)


def commendation(*, employee=None, unit=None, **overrides):
    fields = {
        "award": Award.ADVANCED_WORKER,
        "year": 2025,
        "decision_number": "20/QĐ-SNV",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": datetime.date(2026, 1, 15),
    }
    fields.update(overrides)
    return commendation_create(actor=None, employee=employee, unit=unit, **fields)


def initiative(employee, **overrides):
    fields = {
        "title": "Số hoá hồ sơ một cửa",
        "recognition_level": "CO_SO",
        "year": 2025,
        "decision_number": "30/QĐ-SNV",
        "recognised_on": datetime.date(2025, 11, 20),
    }
    fields.update(overrides)
    return initiative_create(actor=None, employee=employee, **fields)


def _discipline_of_staff_a(org):
    return {"id": discipline(org.a.staff.employee).pk}


def _commendation_of_staff_a(org):
    return {"id": commendation(employee=org.a.staff.employee).pk}


def _initiative_of_staff_a(org):
    return {"id": initiative(org.a.staff.employee).pk}


def _new_discipline(org):
    return {
        "employee": org.a.staff.employee_id,
        "form": "KHIEN_TRACH",
        "decision_number": "99/QĐ-SNV",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": "2025-09-10",
        "effective_date": "2025-09-10",
        "violation_date": "2025-05-02",
        "reason": "Vi phạm",
        "severity": "IT_NGHIEM_TRONG",
    }


def _new_commendation(org):
    return {
        "employee": org.a.staff.employee_id,
        "award": "GIAY_KHEN",
        "year": 2025,
        "decision_number": "21/QĐ-SNV",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": "2026-01-15",
    }


def _new_initiative(org):
    return {
        "employee": org.a.staff.employee_id,
        "title": "Sáng kiến",
        "recognition_level": "CO_SO",
        "year": 2025,
        "decision_number": "31/QĐ-SNV",
        "recognised_on": "2025-11-20",
    }


ANNUL = {"annulled_on": "2026-02-01", "annulling_decision_number": "40/QĐ-SNV", "reason": "Sai thẩm quyền"}

CASES = {
    ("GET", "/api/v1/discipline-records/"): Case(EVERYONE),
    ("POST", "/api/v1/discipline-records/"): Case(A_INPUT_WRITE, body=_new_discipline),
    ("GET", "/api/v1/discipline-records/{id}/"): Case(A_ROOM_READ_OWN, params=_discipline_of_staff_a),
    ("PATCH", "/api/v1/discipline-records/{id}/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE, params=_discipline_of_staff_a, body=lambda org: {"reason": "Sửa lý do"}
    ),
    ("POST", "/api/v1/discipline-records/{id}/annul/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE, params=_discipline_of_staff_a, body=lambda org: ANNUL
    ),
    ("GET", "/api/v1/discipline-records/{id}/history/"): Case(A_ROOM_READ_OWN, params=_discipline_of_staff_a),
    ("GET", "/api/v1/commendations/"): Case(EVERYONE),
    ("POST", "/api/v1/commendations/"): Case(A_INPUT_WRITE, body=_new_commendation),
    ("GET", "/api/v1/commendations/{id}/"): Case(A_ROOM_READ_OWN, params=_commendation_of_staff_a),
    ("POST", "/api/v1/commendations/{id}/annul/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE, params=_commendation_of_staff_a, body=lambda org: ANNUL
    ),
    ("GET", "/api/v1/commendations/{id}/history/"): Case(A_ROOM_READ_OWN, params=_commendation_of_staff_a),
    ("GET", "/api/v1/commendations/eligibility/"): Case(
        A_ROOM_READ_OWN, query=lambda org: {"employee": org.a.staff.employee_id, "year": 2025}
    ),
    ("GET", "/api/v1/initiatives/"): Case(EVERYONE),
    ("POST", "/api/v1/initiatives/"): Case(A_INPUT_WRITE, body=_new_initiative),
    ("GET", "/api/v1/initiatives/{id}/"): Case(A_ROOM_READ_OWN, params=_initiative_of_staff_a),
    ("POST", "/api/v1/initiatives/{id}/annul/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE, params=_initiative_of_staff_a, body=lambda org: ANNUL
    ),
    ("GET", "/api/v1/initiatives/{id}/history/"): Case(A_ROOM_READ_OWN, params=_initiative_of_staff_a),
}
