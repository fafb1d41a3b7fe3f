"""Every page runs the same number of SQL queries whatever the length of its lists (measured at two sizes)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.models import Evaluation
from evaluations.services.cycles import cycle_generate
from evaluations.services.workflow import evaluation_update
from hr.services.employees import employee_transfer
from tests.evaluations.factories import generated, line, open_cycle, people
from tests.matrix.discipline import commendation, discipline
from tests.training.factories import trained

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    client.get(url)  # warm caches (content types, the session) that do not depend on the page
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _constant(client, url, grow, django_assert_num_queries):
    few = _queries(client, url)
    grow()
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def _more_staff(org, cycle, count=5, state="SELF_ASSESSED"):
    people(org.a.room, count, ranked=True)
    cycle_generate(actor=org.admin, cycle=cycle)
    Evaluation.objects.filter(cycle=cycle, unit=org.a.room, status="DRAFT").exclude(
        employee=org.a.manager.employee
    ).update(status=state)
    for employee in org.a.room.employees.all():
        trained(org.admin, employee, end=datetime.date(2026, 3, 6), periods=16)


def test_record(org, login, django_assert_num_queries):
    employee = org.a.staff.employee

    def grow():
        for month in (2, 5, 9):
            employee_transfer(
                employee=employee, actor=org.admin, unit=org.a.room, start_date=datetime.date(2025, month, 1)
            )

    _constant(login(org.a.staff), reverse("portal:my-record"), grow, django_assert_num_queries)


def test_training(org, login, django_assert_num_queries):
    employee = org.a.staff.employee
    trained(org.admin, employee, end=datetime.date(2024, 5, 10), certify=True)

    def grow():
        for year in (2022, 2023, 2025):
            trained(org.admin, employee, end=datetime.date(year, 6, 12), periods=12, certify=True)

    _constant(login(org.a.staff), reverse("portal:my-training"), grow, django_assert_num_queries)


def test_evaluations(org, cycle, login, django_assert_num_queries):
    def grow():
        for month in (1, 2, 3):
            cycle_generate(actor=org.admin, cycle=open_cycle(org.admin, org.a.unit, kind="MONTHLY", number=month))

    _constant(login(org.a.staff), reverse("portal:my-evaluations"), grow, django_assert_num_queries)


def test_discipline_and_commendations(org, login, django_assert_num_queries):
    employee = org.a.staff.employee
    commendation(employee=employee, year=2023, decision_date=datetime.date(2024, 1, 15))
    discipline(
        employee,
        decision_date=datetime.date(2023, 4, 3),
        effective_date=datetime.date(2023, 4, 3),
        violation_date=datetime.date(2023, 2, 1),
        decision_number="03/QĐ-SNV",
    )

    def grow():
        commendation(employee=employee, year=2024, decision_date=datetime.date(2025, 1, 15))
        commendation(employee=employee, year=2025, decision_date=datetime.date(2026, 1, 15))
        discipline(employee)

    _constant(login(org.a.staff), reverse("portal:my-discipline"), grow, django_assert_num_queries)


def test_evaluation_page(org, staff_evaluation, login, django_assert_num_queries):
    staff = org.a.staff
    evaluation_update(actor=staff, evaluation=staff_evaluation, data={"task_lines": [line()]})

    def grow():
        lines = [line(product=f"Sản phẩm {n}") for n in range(6)]
        evaluation_update(actor=staff, evaluation=staff_evaluation, data={"task_lines": lines})

    url = reverse("portal:evaluation", args=[staff_evaluation.pk])
    _constant(login(staff), url, grow, django_assert_num_queries)


@pytest.mark.parametrize("name", ["portal:home", "portal:tasks", "portal:unit"])
def test_manager_pages(org, cycle, login, django_assert_num_queries, name):
    _more_staff(org, cycle, count=1)
    _constant(login(org.a.manager), reverse(name), lambda: _more_staff(org, cycle), django_assert_num_queries)


def test_cycles(org, cycle, login, django_assert_num_queries):
    def grow():
        for year in (2023, 2024):
            generated(org.admin, org.a.unit, year=year)

    _constant(login(org.a.officer), reverse("portal:cycles"), grow, django_assert_num_queries)


def test_cycle_page(org, cycle, login, django_assert_num_queries):
    _more_staff(org, cycle, count=1, state="REVIEWED")
    url = reverse("portal:cycle", args=[cycle.pk])
    _constant(login(org.a.officer), url, lambda: _more_staff(org, cycle, state="REVIEWED"), django_assert_num_queries)
