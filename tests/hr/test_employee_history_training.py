"""Completed training appears in the person's record history, merged by date, paginated, constant-query."""

import datetime

import pytest

from hr.services.employees import employee_update
from tests.training.factories import enrol, open_class, start, trained

pytestmark = pytest.mark.django_db


def history_url(employee) -> str:
    return f"/api/v1/employees/{employee.pk}/history/"


def test_completed_training_is_an_entry_in_date_order(as_user, org):
    person = org.a.staff.employee
    enrolment = trained(org.admin, person, end=datetime.date(2025, 3, 7), periods=40, certify=True)
    employee_update(employee=person, actor=org.a.officer, ethnicity="Thái")  # a version dated today
    rows = as_user(org.a.staff).get(history_url(person)).json()["results"]
    kinds = [row["history_type"] for row in rows]
    assert kinds == ["changed", "created", "training"]  # the record was created today, after the class
    entry = rows[2]
    assert entry["history_id"] is None
    assert entry["history_date"].startswith("2025-03-07")
    assert entry["training"]["programme"] == enrolment.training_class.programme.name
    assert entry["training"]["periods"] == 40
    assert entry["training"]["certificate"] == enrolment.certificate.number
    assert {"field": "periods", "old": None, "new": 40} in entry["changes"]
    assert rows[0]["training"] is None


def test_only_passed_results_of_completed_classes(as_user, org):
    person = org.a.staff.employee
    running = open_class(org)
    enrol(org.admin, running, person)
    start(org.admin, running)
    rows = as_user(org.admin).get(history_url(person)).json()["results"]
    assert "training" not in [row["history_type"] for row in rows]


def test_history_paginates_and_keeps_constant_queries(as_user, org, django_assert_num_queries):
    person = org.a.staff.employee
    client = as_user(org.admin)
    trained(org.admin, person, end=datetime.date(2020, 1, 10), periods=8, certify=True)
    with django_assert_num_queries(5) as few:  # savepoints, employee, versions (with users), trainings
        client.get(history_url(person))
    for year in range(2021, 2026):
        trained(org.admin, person, end=datetime.date(year, 1, 10), periods=8, certify=True)
    with django_assert_num_queries(len(few.captured_queries)):
        body = client.get(history_url(person), {"page_size": 3}).json()
    assert body["count"] == 7
    assert [row["history_type"] for row in body["results"]] == ["created", "training", "training"]
    assert [row["training"]["date"] for row in body["results"][1:]] == ["2025-01-10", "2024-01-10"]


def test_history_scope_unchanged(as_user, org):
    person = org.a.staff.employee
    assert as_user(org.b.manager).get(history_url(person)).status_code == 404
    assert as_user(org.a.manager).get(history_url(person)).status_code == 200
