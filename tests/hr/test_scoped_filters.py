"""A unit filter drops the caller's scope only when the unit's whole subtree is theirs: the same rows, never more."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hr.access import employee_scope_forms, employee_scope_q
from hr.models import Award, Commendation, DisciplineRecord, Employee, EmploymentStatus
from hr.selectors.scoped_filters import without_scope
from tests.evaluations.factories import generated
from tests.factories import EmployeeFactory
from tests.matrix.discipline import commendation, discipline
from tests.training.factories import trained

pytestmark = pytest.mark.django_db
D = datetime.date
COMPLIANCE = "/api/v1/training/compliance/"
COMMENDATIONS = "/api/v1/commendations/"
EVALUATIONS = "/api/v1/evaluations/"
# Each list whose unit filter may drop the caller's scope, and the name of that filter.
LISTS = [
    ("/api/v1/employees/", "unit"),
    ("/api/v1/discipline-records/", "unit"),
    ("/api/v1/training/enrolments/", "unit"),
    (COMPLIANCE, "unit"),
    (EVALUATIONS, "unit"),
    (COMMENDATIONS, "within"),
]


@pytest.fixture
def records(org):
    people = [org.a.staff.employee, EmployeeFactory(unit=org.a.room), org.b.staff.employee]
    # Commended first: a discipline decision in force would bar the commendation.
    for person in people:
        commendation(employee=person)
    for unit in (org.a.unit, org.a.room, org.b.unit):
        commendation(unit=unit, award=Award.ADVANCED_COLLECTIVE)
    for person in people:
        discipline(person)
        trained(org.admin, person, end=D(2025, 6, 1))
    generated(org.admin, org.a.unit)
    generated(org.admin, org.b.unit)
    return people


def _ids(client, path, **params) -> set[int]:
    body = client.get(path, {"page_size": 500, **params}).json()
    return {row["id"] for row in body["results"]}


@pytest.mark.parametrize(("path", "param"), LISTS)
def test_each_role_sees_the_same_rows_with_or_without_the_unit_filter(org, as_user, records, path, param):
    units = (org.a.unit, org.a.room, org.b.unit)
    subtree = {unit: _ids(as_user(org.admin), path, **{param: unit.pk}) for unit in units}  # (admin first)
    assert all(subtree.values()), subtree
    for user in (org.admin, org.a.officer, org.a.manager, org.b.officer, org.a.staff):
        client = as_user(user)
        everything = _ids(client, path)
        for unit in units:
            assert _ids(client, path, **{param: unit.pk}) == subtree[unit] & everything, (user, unit)


def test_within_a_subtree_are_its_peoples_and_its_units_commendations(org, as_user, records):
    people = {c.pk for c in Commendation.objects.filter(employee__unit=org.a.room)}
    units = {c.pk for c in Commendation.objects.filter(unit=org.a.room)}
    assert people and units
    assert _ids(as_user(org.a.officer), COMMENDATIONS, within=org.a.room.pk) == people | units


def test_the_compliance_list_keeps_only_working_people_when_the_scope_goes(org, as_user, records):
    retired = EmployeeFactory(unit=org.a.room, status=EmploymentStatus.RETIRED)
    working = {p.pk for p in Employee.objects.filter(unit=org.a.room, status=EmploymentStatus.ACTIVE)}
    for user in (org.admin, org.a.officer, org.a.manager):
        listed = _ids(as_user(user), COMPLIANCE, unit=org.a.room.pk)
        assert retired.pk not in listed
        assert listed == working, user


def test_a_unit_outside_the_scope_keeps_the_scope(org, as_user, records):
    assert _ids(as_user(org.a.officer), "/api/v1/discipline-records/", unit=org.b.unit.pk) == set()
    # A manager of a room filtering by the whole agency still sees only the room.
    room = {r.pk for r in DisciplineRecord.objects.filter(employee__unit=org.a.room)}
    assert _ids(as_user(org.a.manager), "/api/v1/discipline-records/", unit=org.a.unit.pk) == room


@pytest.mark.parametrize(
    ("path", "param", "table", "implied", "outside"),
    [
        # The filter's subtree only (its unit ids); outside the scope, the scope's path besides.
        ("/api/v1/discipline-records/", "unit", "hr_disciplinerecord", 1, 2),
        (EVALUATIONS, "unit", "evaluations_evaluation", 1, 2),
        # The subtree's people and units (two path matches); outside the scope, the scope's two besides.
        (COMMENDATIONS, "within", "hr_commendation", 2, 4),
    ],
)
def test_the_scope_condition_goes_only_when_implied(org, as_user, records, path, param, table, implied, outside):
    def page(unit) -> str:
        """The first statement reading the list's table: the page, or its keys when read by keys first."""
        with CaptureQueriesContext(connection) as queries:
            as_user(org.a.officer).get(path, {param: unit.pk})
        return next(q["sql"] for q in queries.captured_queries if q["sql"].startswith(f'SELECT "{table}"'))

    assert page(org.a.unit).count("LIKE") == implied
    assert page(org.b.unit).count("LIKE") == outside


def test_without_scope_leaves_any_other_condition(org):
    officer = org.a.officer
    scoped = Employee.objects.filter(employee_scope_q(officer))
    assert without_scope(scoped, employee_scope_forms(officer)).query.where.children == []
    narrower = scoped.filter(status="ACTIVE")
    assert without_scope(narrower, employee_scope_forms(officer)) is narrower
    ordered = scoped.order_by("full_name")
    assert without_scope(ordered, employee_scope_forms(officer)) is ordered


def test_an_officer_whose_own_record_lies_outside(org, as_user, records):
    officer = org.a.officer
    officer.employee.unit = org.b.room
    officer.employee.save()
    discipline(officer.employee, decision_number="99/QĐ")
    everything = _ids(as_user(officer), "/api/v1/discipline-records/")
    filtered = _ids(as_user(officer), "/api/v1/discipline-records/", unit=org.a.unit.pk)
    assert filtered == {r.pk for r in DisciplineRecord.objects.filter(employee__unit__path__startswith=org.a.unit.path)}
    assert filtered < everything  # the own record stays visible unfiltered
