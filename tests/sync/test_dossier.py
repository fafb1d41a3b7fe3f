"""GET /api/v1/sync/people/{id}/: the ten NĐ 27 groups in order, valid against the published JSON Schema."""

import datetime
import json
import pathlib

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator

from hr.models import SalaryStep
from hr.services.employees import employee_change_salary, employee_transfer, employee_update
from sync.groups import GROUP_KEYS
from tests.factories import EmployeeFactory
from tests.matrix.discipline import commendation, discipline, initiative
from tests.refusals import refused
from tests.sync.helpers import hire, rate

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (pathlib.Path(__file__).resolve().parents[2] / "sync" / "schema" / "dossier.schema.json").read_text("utf-8")
)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def url(pk):
    return reverse("sync-person", args=[pk])


def test_the_schema_is_valid_and_lists_the_groups_in_the_decrees_order():
    Draft202012Validator.check_schema(SCHEMA)
    keys = [item["properties"]["key"]["const"] for item in SCHEMA["properties"]["groups"]["prefixItems"]]
    assert keys == list(GROUP_KEYS)
    assert len(keys) == 10


def test_a_full_record_validates_against_the_schema(org, as_user):
    employee = hire(org.a.room, full_name="Lò Thị Hương")
    employee_transfer(
        employee=employee, actor=None, unit=org.a.unit, start_date=datetime.date(2024, 5, 2), decision_number="12/QĐ"
    )
    employee_change_salary(
        employee=employee,
        actor=None,
        rank=employee.rank,
        salary_step=SalaryStep.objects.get(scale=employee.rank.scale, step=3),
        effective_date=datetime.date(2024, 1, 1),
    )
    employee_update(employee=employee, actor=None, education_level="THAC_SI", email="huong@sonla.gov.vn")
    rate(employee, 2024, "HTXSNV")
    rate(employee, 2025, "HTTNV")
    commendation(employee=employee)
    initiative(employee)
    discipline(employee)
    response = as_user(org.admin).get(url(employee.pk))
    assert response.status_code == 200
    dossier = response.json()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(dossier)]
    assert errors == []
    groups = {group["key"]: group for group in dossier["groups"]}
    assert [group["key"] for group in dossier["groups"]] == list(GROUP_KEYS)
    # hr fills four groups, the dossier app a part of all ten.
    assert [key for key, group in groups.items() if group["available"]] == list(GROUP_KEYS)
    assert dossier["person"] == {"id": employee.pk, "national_id": employee.national_id}
    assert groups["identity"]["data"]["full_name"] == "Lò Thị Hương"
    assert groups["identity"]["label"] == "Thông tin cơ bản, nhân thân"
    assert [a["unit"]["code"] for a in groups["career"]["data"]["assignments"]] == [org.a.room.code, org.a.unit.code]
    assert groups["career"]["data"]["assignments"][0]["end_date"] == "2024-05-01"
    assert groups["education"]["data"]["education_level"] == "THAC_SI"
    work = groups["work"]["data"]
    assert [r["salary_step"] for r in work["salary_history"]] == [2, 3]
    assert work["salary_step"] == 3
    assert [(r["year"], r["rating"]) for r in work["ratings"]] == [(2024, "HTXSNV"), (2025, "HTTNV")]
    assert [(d["form"], d["annulled_on"]) for d in work["discipline"]] == [("KHIEN_TRACH", None)]
    assert [c["decision_number"] for c in work["commendations"]] == ["20/QĐ-SNV"]
    assert len(work["initiatives"]) == 1
    assert groups["family"] == {
        "number": 2,
        "key": "family",
        "label": groups["family"]["label"],
        "available": True,
        "data": {"family_members": []},
    }


def test_a_bare_record_validates_too(org, as_user):
    # Built without the services: no assignment, no salary, no rank.
    employee = EmployeeFactory(unit=org.b.room, legacy_id_number="012345678")
    dossier = as_user(org.admin).get(url(employee.pk)).json()
    assert [e.message for e in VALIDATOR.iter_errors(dossier)] == []
    work = next(group for group in dossier["groups"] if group["key"] == "work")["data"]
    assert (work["rank"], work["salary_step"], work["salary_history"]) == (None, None, [])


def test_an_invalid_dossier_is_caught_by_the_schema(org, as_user):
    employee = hire(org.a.room)
    dossier = as_user(org.admin).get(url(employee.pk)).json()
    dossier["groups"][0]["data"]["national_id"] = "12345"
    dossier["groups"][5]["data"]["ratings"] = [
        {"year": 2025, "rating": "GOOD", "source": "MANUAL", "decision_number": ""}
    ]
    assert len(list(VALIDATOR.iter_errors(dossier))) == 2


def test_a_missing_person_is_404(org, as_user):
    assert as_user(org.admin).get(url(10**8)).status_code == 404


@pytest.mark.parametrize("agency", ["a", "b"])
@pytest.mark.parametrize("role", ["officer", "manager", "staff"])
def test_only_the_province_administration_reads_dossiers(org, as_user, agency, role):
    # Even one's own record, or one in one's agency: the feed is the province's link to the national database.
    user = getattr(getattr(org, agency), role)
    refused(as_user(user).get(url(user.employee_id)), "permission_denied")
    refused(as_user(user).get(url(org.a.staff.employee_id)), "permission_denied")
