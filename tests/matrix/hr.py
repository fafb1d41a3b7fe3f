"""Matrix cases for the personnel endpoints."""

from rest_framework_simplejwt.tokens import RefreshToken

from hr.models import Rank, SalaryScale, SalaryStep
from tests.factories import EmployeeFactory
from tests.matrix import (
    A_INPUT_WRITE,
    A_ROOM_READ_OWN,
    A_ROOM_WRITE_OWN_VISIBLE,
    ADMIN_ONLY,
    EVERYONE,
    OK,
    WRITERS_ONLY,
    Case,
    roles,
)


def staff_a(org):
    return {"id": org.a.staff.employee_id}


def a_room(org):
    return {"id": org.a.room.pk}


def new_employee(org):
    return {
        "national_id": "014191004242",
        "full_name": "Quàng Thị Ỵ",
        "date_of_birth": "1991-04-12",
        "sex": "F",
        "category": "CONG_CHUC",
        "unit": org.a.room.pk,
        "recruitment_date": "2020-01-02",
    }


def rank(org):
    return {"id": Rank.objects.get(code="01.003").pk}


def salary_change(org):
    step = SalaryStep.objects.get(scale__code="A1", step=5)
    return {"rank": step.scale.ranks.get(code="01.003").pk, "salary_step": step.pk, "effective_date": "2025-01-01"}


UNIT_CHANGE = roles(403, admin=OK, officer_a=OK)
REFERENCE_CREATE = {
    "/api/v1/ranks/": lambda org: {"code": "03.299", "name": "Chấp hành viên", "scale": SalaryScale.objects.first().pk},
    "/api/v1/positions/": lambda org: {"code": "X1", "name": "Trưởng ban"},
    "/api/v1/salary-scales/": lambda org: {"code": "A9", "name": "Thử nghiệm"},
    "/api/v1/base-salaries/": lambda org: {"amount": 2527200, "valid_from": "2026-07-01", "legal_basis": "NĐ mới"},
}

CASES = {
    ("GET", "/api/v1/units/"): Case(EVERYONE),
    ("POST", "/api/v1/units/"): Case(
        roles(403, admin=OK, officer_a=OK),
        body=lambda org: {
            "code": "N1",
            "name": "Phòng mới",
            "kind": "PHONG",
            "level": "TINH",
            "parent": org.a.unit.pk,
            "valid_from": "2025-07-01",
        },
    ),
    ("GET", "/api/v1/units/{id}/"): Case(EVERYONE, params=a_room),
    ("PUT", "/api/v1/units/{id}/"): Case(
        UNIT_CHANGE,
        params=a_room,
        body=lambda org: {
            "code": org.a.room.code,
            "name": "Văn phòng",
            "kind": "PHONG",
            "level": "TINH",
            "parent": org.a.unit.pk,
            "valid_from": "2020-01-01",
        },
    ),
    ("PATCH", "/api/v1/units/{id}/"): Case(UNIT_CHANGE, params=a_room, body=lambda org: {"name": "Văn phòng"}),
    ("GET", "/api/v1/units/{id}/history/"): Case(EVERYONE, params=a_room),
    ("GET", "/api/v1/employees/"): Case(EVERYONE),
    ("POST", "/api/v1/employees/"): Case(A_INPUT_WRITE, body=new_employee),
    ("GET", "/api/v1/employees/{id}/"): Case(A_ROOM_READ_OWN, params=staff_a),
    ("PUT", "/api/v1/employees/{id}/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE,
        params=staff_a,
        body=lambda org: {
            **new_employee(org),
            "national_id": org.a.staff.employee.national_id,
            "date_of_birth": org.a.staff.employee.date_of_birth.isoformat(),
            "sex": org.a.staff.employee.sex,
            "unit": None,
        },
    ),
    ("PATCH", "/api/v1/employees/{id}/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE, params=staff_a, body=lambda org: {"ethnicity": "Thái"}
    ),
    ("GET", "/api/v1/employees/{id}/history/"): Case(A_ROOM_READ_OWN, params=staff_a),
    ("GET", "/api/v1/employees/{id}/assignments/"): Case(A_ROOM_READ_OWN, params=staff_a),
    ("GET", "/api/v1/employees/{id}/salary-history/"): Case(A_ROOM_READ_OWN, params=staff_a),
    ("POST", "/api/v1/employees/{id}/transfer/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE,
        params=staff_a,
        body=lambda org: {"unit": org.a.unit.pk, "start_date": "2025-07-01"},
    ),
    ("POST", "/api/v1/employees/{id}/salary-changes/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE, params=staff_a, body=salary_change
    ),
    ("GET", "/api/v1/accounts/"): Case(WRITERS_ONLY),
    ("POST", "/api/v1/accounts/"): Case(
        A_INPUT_WRITE,
        body=lambda org: {
            "username": "matrix.user",
            "password": "Sonla@2026-CCHC",
            "role": "STAFF",
            "employee": EmployeeFactory(unit=org.a.room).pk,
        },
    ),
    ("GET", "/api/v1/accounts/{id}/"): Case(
        roles(403, admin=OK, officer_a=OK, officer_b=404), params=lambda org: {"id": org.a.staff.pk}
    ),
    ("PATCH", "/api/v1/accounts/{id}/"): Case(
        roles(403, admin=OK, officer_a=OK, officer_b=404),
        params=lambda org: {"id": org.a.staff.pk},
        body=lambda org: {"email": "new@sonla.gov.vn"},
    ),
    ("GET", "/api/v1/accounts/{id}/history/"): Case(
        roles(403, admin=OK, officer_a=OK, officer_b=404), params=lambda org: {"id": org.a.staff.pk}
    ),
    ("POST", "/api/v1/auth/jwt/create/"): Case(
        EVERYONE, body=lambda org: {"username": "staff_snv", "password": "Matkhau@2026"}
    ),
    ("POST", "/api/v1/auth/jwt/refresh/"): Case(roles(401), body=lambda org: {"refresh": "not-a-token"}),
    ("POST", "/api/v1/auth/jwt/verify/"): Case(roles(401), body=lambda org: {"token": "not-a-token"}),
    # Logout needs no login, only the refresh token it blacklists; a live one is accepted from anyone.
    ("POST", "/api/v1/auth/jwt/logout/"): Case(
        EVERYONE, body=lambda org: {"refresh": str(RefreshToken.for_user(org.a.staff))}
    ),
    ("GET", "/api/v1/auth/users/me/"): Case(EVERYONE),
    ("POST", "/api/v1/auth/users/set_password/"): Case(
        EVERYONE, body=lambda org: {"current_password": "wrong", "new_password": "Sonla@2026-CCHC"}
    ),
    ("POST", "/api/v1/auth/users/reset_password/"): Case(EVERYONE, body=lambda org: {"email": "x@example.vn"}),
    ("POST", "/api/v1/auth/users/reset_password_confirm/"): Case(
        EVERYONE, body=lambda org: {"uid": "x", "token": "y", "new_password": "Sonla@2026-CCHC"}
    ),
}

for path, body in REFERENCE_CREATE.items():
    CASES[("GET", path)] = Case(EVERYONE)
    CASES[("POST", path)] = Case(ADMIN_ONLY, body=body)
    detail = path + "{id}/"
    first = path.split("/")[3]
    CASES[("GET", detail)] = Case(EVERYONE, params=lambda org, p=first: {"id": _first_id(p)})
    CASES[("PUT", detail)] = Case(ADMIN_ONLY, params=lambda org, p=first: {"id": _first_id(p)}, body=lambda org: {})
    CASES[("PATCH", detail)] = Case(ADMIN_ONLY, params=lambda org, p=first: {"id": _first_id(p)}, body=lambda org: {})


def _first_id(resource: str) -> int:
    from hr.models import BaseSalary, Position

    model = {"ranks": Rank, "positions": Position, "salary-scales": SalaryScale, "base-salaries": BaseSalary}
    return model[resource].objects.order_by("pk").first().pk
