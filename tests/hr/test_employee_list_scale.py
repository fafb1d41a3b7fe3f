"""The employee list at national scale: lean rows equal to the full serializer's, a bounded count, the same scope."""

import datetime

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from backend.api import pagination
from hr.access import employee_scope_q
from hr.models import Employee, Position, Rank, SalaryStep
from hr.selectors.employees import employee_list_rows, employee_visible
from hr.serializers.employees import EmployeeListSerializer, EmployeeOutputSerializer
from tests.factories import EmployeeFactory
from tests.training.factories import TrainingClassFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/employees/"


def _people(org) -> None:
    EmployeeFactory(unit=org.a.room, ranked=True, email="a@snv.gov.vn", legacy_id_number="050123456")
    EmployeeFactory(unit=org.a.room, position=Position.objects.get(code="TP_SO"), salary_date=datetime.date(2020, 1, 1))
    EmployeeFactory(
        unit=org.b.room,
        rank=Rank.objects.get(code="01.003"),
        salary_step=SalaryStep.objects.get(scale__code="A1", step=1),
        salary_coefficient="2.34",
        education_level="THAC_SI",
        status="RETIRED",
    )


def test_list_rows_are_the_full_serializers_rows(org):
    _people(org)
    full = EmployeeOutputSerializer(employee_visible(user=org.admin).order_by("id"), many=True).data
    lean = EmployeeListSerializer(employee_list_rows(user=org.admin).order_by("id"), many=True).data
    assert len(lean) == Employee.objects.count() > 5
    assert lean == full


def test_list_answers_as_before_for_each_role(org, as_user):
    _people(org)
    for user in (org.admin, org.a.officer, org.a.manager, org.a.staff):
        body = as_user(user).get(LIST, {"page_size": 500}).json()
        expected = EmployeeOutputSerializer(employee_visible(user=user).order_by("full_name", "id"), many=True).data
        assert body["results"] == expected
        assert body["count"] == len(expected)
        assert body["count_estimated"] is False


def test_officer_scope_drops_the_or_only_when_the_own_record_is_inside(org):
    officer = org.a.officer
    assert employee_scope_q(officer) == Q(unit__path__startswith=officer.scope_unit.path)
    officer.employee.unit = org.b.room  # own record elsewhere: named besides the subtree
    scope = employee_scope_q(officer)
    assert scope == Q(pk=officer.employee_id) | Q(unit__path__startswith=officer.scope_unit.path)


def test_count_past_the_limit_is_bounded_and_flagged(org, as_user, monkeypatch):
    EmployeeFactory.create_batch(12, unit=org.a.room)
    monkeypatch.setattr(pagination, "EXACT_COUNT_LIMIT", 5)
    body = as_user(org.admin).get(LIST, {"page_size": 3}).json()
    total = Employee.objects.count()
    assert len(body["results"]) == 3
    if connection.vendor == "postgresql":
        assert body["count_estimated"] is True
        assert body["count"] > 5
    else:
        assert body == {**body, "count": total, "count_estimated": False}


def test_schema_documents_the_bounded_count(as_user, org):
    schema = as_user(org.admin).get("/api/schema/", {"format": "json"}).json()
    page = schema["components"]["schemas"]["PaginatedEmployeeListList"]
    assert page["properties"]["count_estimated"]["type"] == "boolean"
    assert "estimate" in page["properties"]["count"]["description"]


def test_unit_filter_inside_the_scope_keeps_the_same_rows(org, as_user):
    """Filtered to a unit the caller reads whole, the scope condition is dropped: the rows stay the same."""
    _people(org)
    for user, unit, expected_units in (
        (org.a.officer, org.a.room, {org.a.room.pk}),
        (org.a.officer, org.a.unit, {org.a.unit.pk, org.a.room.pk}),
        (org.a.officer, org.b.room, set()),  # outside the scope: still scoped, nobody
        (org.a.manager, org.a.room, {org.a.room.pk}),
        (org.a.staff, org.a.room, {org.a.room.pk} & {org.a.staff.employee.unit_id}),
        (org.admin, org.b.unit, {org.b.unit.pk, org.b.room.pk}),
    ):
        body = as_user(user).get(LIST, {"unit": unit.pk, "page_size": 500}).json()
        visible = employee_visible(user=user).filter(unit__path__startswith=unit.path).order_by("full_name", "id")
        assert [row["id"] for row in body["results"]] == [e.pk for e in visible]
        assert {row["unit"]["id"] for row in body["results"]} == expected_units


@pytest.mark.parametrize("query", [{"unit": "agency"}, {}])
def test_the_subtree_is_read_by_unit_ids_with_or_without_the_unit_filter(org, as_user, query):
    """No path condition in the page: the subtree's ids, as constants (the planner counts them; issue 15)."""
    _people(org)
    params = {"status": "ACTIVE", **({"unit": org.a.unit.pk} if query else {})}
    with CaptureQueriesContext(connection) as queries:
        body = as_user(org.a.officer).get(LIST, params).json()
    page = [q["sql"] for q in queries.captured_queries if "ORDER BY" in q["sql"] and "hr_employee" in q["sql"]]
    assert page and "LIKE" not in page[-1] and str(org.a.room.pk) in page[-1]
    expected = employee_visible(user=org.a.officer).filter(status="ACTIVE", unit__path__startswith=org.a.unit.path)
    assert {row["id"] for row in body["results"]} == set(expected.values_list("id", flat=True))


def test_an_officer_whose_own_record_lies_outside_keeps_it_in_the_list(org, as_user):
    officer = org.a.officer
    officer.employee.unit = org.b.room
    officer.employee.save()
    ids = {row["id"] for row in as_user(officer).get(LIST, {"page_size": 500}).json()["results"]}
    assert officer.employee_id in ids
    assert ids == set(employee_visible(user=officer).values_list("id", flat=True))


# Every list that grows with the province's people, and the schema path naming it.
BOUNDED_LISTS = [
    ("/api/v1/employees/", "/api/v1/employees/"),
    ("/api/v1/accounts/", "/api/v1/accounts/"),
    ("/api/v1/discipline-records/", "/api/v1/discipline-records/"),
    ("/api/v1/commendations/", "/api/v1/commendations/"),
    ("/api/v1/evaluations/", "/api/v1/evaluations/"),
    ("/api/v1/me/evaluations/", "/api/v1/me/evaluations/"),
    ("/api/v1/training/compliance/", "/api/v1/training/compliance/"),
    ("/api/v1/training/enrolments/", "/api/v1/training/enrolments/"),
    ("/api/v1/training/certificates/", "/api/v1/training/certificates/"),
    ("class roster", "/api/v1/training/classes/{id}/enrolments/"),
]


@pytest.mark.parametrize(("url", "path"), BOUNDED_LISTS)
def test_every_list_of_people_has_a_bounded_count_and_says_so(as_user, org, url, path):
    client = as_user(org.admin)
    if url == "class roster":
        url = f"/api/v1/training/classes/{TrainingClassFactory(organiser=org.a.unit).pk}/enrolments/"
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response.json()["count_estimated"] is False
    schema = client.get("/api/schema/", {"format": "json"}).json()
    ref = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    page = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert "count_estimated" in page["required"]
    assert "estimate" in page["properties"]["count"]["description"]
