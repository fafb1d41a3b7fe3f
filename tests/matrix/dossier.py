"""Matrix cases for the dossier endpoints.

The person is agency A's staff member. Sensitive groups (family, health, assets) and Mẫu 2C: the person, A's
officer and the administration; A's manager sees the person but not these (403, or 404 for rows of the family
table, which their list does not hold). Proposals hold sensitive values: the person and the deciders see them.
"""

import datetime
from decimal import Decimal

from dossier.models import AdministrativeUnit
from dossier.services.positions import job_position_save
from dossier.services.proposals import proposal_submit
from dossier.services.records import group_record_update
from dossier.services.tables import allowance_save, family_member_save, position_holding_save, qualification_save
from tests.matrix import (
    A_INPUT_WRITE,
    A_ROOM_READ_OWN,
    A_ROOM_WRITE_OWN_VISIBLE,
    EVERYONE,
    OK,
    Case,
    roles,
)

SENSITIVE_READ = roles(404, admin=OK, officer_a=OK, staff_a=OK, manager_a=403)
SENSITIVE_ROW_READ = roles(404, admin=OK, officer_a=OK, staff_a=OK)
SENSITIVE_ROW_WRITE = roles(404, admin=OK, officer_a=OK, staff_a=403)
PROPOSAL_READ = roles(404, admin=OK, officer_a=OK, staff_a=OK)
PROPOSAL_DECIDE = roles(404, admin=OK, officer_a=OK, staff_a=403)
CATALOGUE_WRITE = roles(403, admin=OK, officer_a=OK)


def person(org):
    return org.a.staff.employee


def _identity(org):
    return {
        "birth_place": AdministrativeUnit.objects.get(code="SL-TPSL-CHIENGCOI").pk,
        "hometown": AdministrativeUnit.objects.get(code="TB").pk,
        "permanent_residence": "Tổ 3, phường Chiềng Cơi",
    }


def identity_entered(org):
    group_record_update(actor=None, employee=person(org), group="IDENTITY", values=_identity(org))
    return {"id": person(org).pk, "group": "IDENTITY"}


def a_qualification(org):
    row = qualification_save(
        actor=None,
        employee=person(org),
        kind="DEGREE",
        level="Đại học",
        institution="Trường Đại học Tây Bắc",
        start_year=2008,
        end_year=2012,
        mode="CHINH_QUY",
    )
    return {"id": row.pk}


def qualification_body(org):
    return {
        "employee": person(org).pk,
        "kind": "DEGREE",
        "level": "Thạc sĩ",
        "institution": "Học viện Hành chính Quốc gia",
        "start_year": 2015,
        "end_year": 2017,
        "mode": "VUA_LAM_VUA_HOC",
    }


def a_family_member(org):
    row = family_member_save(
        actor=None, employee=person(org), side="SELF", relation="MOTHER", full_name="Lò Thị Hương", birth_year=1962
    )
    return {"id": row.pk}


def family_body(org):
    return {
        "employee": person(org).pk,
        "side": "SELF",
        "relation": "FATHER",
        "full_name": "Lò Văn Ún",
        "birth_year": 1960,
    }


def _position(org, code="CV-TH"):
    return job_position_save(
        actor=None,
        agency=org.a.unit,
        code=code,
        name="Chuyên viên tổng hợp",
        group="CHUYEN_MON_NGHIEP_VU",
        valid_from=datetime.date(2020, 1, 1),
    )


def a_job_position(org):
    return {"id": _position(org).pk}


def job_position_body(org):
    return {
        "agency": org.a.unit.pk,
        "code": "CV-NV",
        "name": "Chuyên viên quản lý nhân sự",
        "group": "CHUYEN_MON_NGHIEP_VU",
        "valid_from": "2024-01-01",
    }


def a_holding(org):
    row = position_holding_save(
        actor=None, employee=person(org), job_position=_position(org), start_date=datetime.date(2022, 1, 1)
    )
    return {"id": row.pk}


def holding_body(org):
    return {"employee": person(org).pk, "job_position": _position(org, "CV-X").pk, "start_date": "2023-01-01"}


def an_allowance(org):
    row = allowance_save(
        actor=None,
        employee=person(org),
        kind="REGIONAL",
        coefficient=Decimal("0.50"),
        start_date=datetime.date(2020, 1, 1),
    )
    return {"id": row.pk}


def allowance_body(org):
    return {"employee": person(org).pk, "kind": "SENIORITY_ABOVE_SCALE", "percent": 5, "start_date": "2024-01-01"}


def a_proposal(org):
    identity_entered(org)
    row = proposal_submit(
        actor=org.a.staff, employee=person(org), group="IDENTITY", values={"current_residence": "Bản Hụm"}
    )
    return {"id": row.pk}


def _table_cases(path, row, body, *, read, write):
    return {
        ("GET", f"/api/v1/dossier/{path}/"): Case(EVERYONE),
        ("POST", f"/api/v1/dossier/{path}/"): Case(A_INPUT_WRITE, body=body),
        ("GET", f"/api/v1/dossier/{path}/{{id}}/"): Case(read, params=row),
        ("PUT", f"/api/v1/dossier/{path}/{{id}}/"): Case(write, params=row, body=body),
        ("GET", f"/api/v1/dossier/{path}/{{id}}/history/"): Case(read, params=row),
    }


CASES = {
    ("GET", "/api/v1/dossier/{id}/"): Case(A_ROOM_READ_OWN, params=lambda org: {"id": person(org).pk}),
    ("GET", "/api/v1/dossier/{id}/form-2c.pdf/"): Case(SENSITIVE_READ, params=lambda org: {"id": person(org).pk}),
    ("GET", "/api/v1/dossier/{id}/groups/{group}/"): Case(
        SENSITIVE_READ, params=lambda org: {"id": person(org).pk, "group": "HEALTH"}
    ),
    ("PUT", "/api/v1/dossier/{id}/groups/{group}/"): Case(
        A_ROOM_WRITE_OWN_VISIBLE,
        params=lambda org: {"id": person(org).pk, "group": "IDENTITY"},
        body=lambda org: {"values": _identity(org)},
    ),
    ("GET", "/api/v1/dossier/{id}/groups/{group}/history/"): Case(A_ROOM_READ_OWN, params=identity_entered),
    ("GET", "/api/v1/dossier/administrative-units/"): Case(EVERYONE),
    ("GET", "/api/v1/dossier/administrative-units/{id}/"): Case(
        EVERYONE, params=lambda org: {"id": AdministrativeUnit.objects.get(code="SL-TC-MUONGBAM").pk}
    ),
    ("GET", "/api/v1/dossier/fields/"): Case(EVERYONE),
    **_table_cases(
        "qualifications", a_qualification, qualification_body, read=A_ROOM_READ_OWN, write=A_ROOM_WRITE_OWN_VISIBLE
    ),
    **_table_cases("family-members", a_family_member, family_body, read=SENSITIVE_ROW_READ, write=SENSITIVE_ROW_WRITE),
    **_table_cases("position-holdings", a_holding, holding_body, read=A_ROOM_READ_OWN, write=A_ROOM_WRITE_OWN_VISIBLE),
    **_table_cases("allowances", an_allowance, allowance_body, read=A_ROOM_READ_OWN, write=A_ROOM_WRITE_OWN_VISIBLE),
    **_table_cases("job-positions", a_job_position, job_position_body, read=EVERYONE, write=CATALOGUE_WRITE),
    ("GET", "/api/v1/dossier/proposals/"): Case(EVERYONE),
    ("GET", "/api/v1/dossier/proposals/tasks/"): Case(EVERYONE),
    ("POST", "/api/v1/dossier/proposals/"): Case(
        EVERYONE, body=lambda org: {"group": "HEALTH", "values": {"blood_type": "O"}}
    ),
    ("POST", "/api/v1/dossier/proposals/rows/"): Case(
        EVERYONE,
        body=lambda org: {
            "table": "family_members",
            "operation": "ADD",
            "values": {"side": "SELF", "relation": "CHILD", "full_name": "Lò Văn An", "birth_year": 2015},
        },
    ),
    ("GET", "/api/v1/dossier/proposals/{id}/"): Case(PROPOSAL_READ, params=a_proposal),
    ("GET", "/api/v1/dossier/proposals/{id}/history/"): Case(PROPOSAL_READ, params=a_proposal),
    ("POST", "/api/v1/dossier/proposals/{id}/approve/"): Case(PROPOSAL_DECIDE, params=a_proposal, body=lambda org: {}),
    ("POST", "/api/v1/dossier/proposals/{id}/reject/"): Case(
        PROPOSAL_DECIDE, params=a_proposal, body=lambda org: {"reason": "Chưa có giấy xác nhận"}
    ),
}
