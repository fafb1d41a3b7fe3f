"""Self-service: /me/training/ gives the person's own record; records of others follow the read scope."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.refusals import refused
from tests.training.factories import enrol, open_class, trained

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/training/"


def record_url(employee) -> str:
    return f"/api/v1/training/records/{employee.pk}/"


class MyTrainingTests:
    def test_full_record_current_enrolments_years_and_certificates(self, as_user, org):
        person = org.a.staff.employee
        trained(org.admin, person, end=datetime.date(2024, 6, 7), periods=40, certify=True)
        trained(org.admin, person, end=datetime.date(2025, 6, 6), periods=16)
        current = open_class(org, start_date=timezone.localdate(), end_date=timezone.localdate())
        enrol(org.admin, current, person)
        response = as_user(org.a.staff).get(ME)
        assert response.status_code == 200
        body = response.json()
        assert body["employee"]["id"] == person.pk
        assert len(body["enrolments"]) == 3
        assert [e["training_class"]["id"] for e in body["current"]] == [current.pk]
        years = {row["year"]: row for row in body["years"]}
        assert years[2024] == {"year": 2024, "periods": 40, "taught": 0, "minimum": 40, "compliant": True}
        assert years[2025] == {"year": 2025, "periods": 16, "taught": 0, "minimum": 40, "compliant": False}
        assert years[2023]["periods"] == 0  # a year with no training still shows, not compliant
        assert years[2023]["compliant"] is False
        assert min(years) == 2017  # the first year a minimum was in force
        assert len(body["certificates"]) == 1

    def test_constant_queries(self, as_user, org, django_assert_num_queries):
        person = org.a.staff.employee
        trained(org.admin, person, end=datetime.date(2024, 6, 7), periods=40, certify=True)
        client = as_user(org.a.staff)
        with django_assert_num_queries(7) as few:  # savepoints, enrolments, minima, credit rules, totals, teaching
            client.get(ME)
        for month in range(1, 6):
            trained(org.admin, person, end=datetime.date(2025, month, 20), periods=8, certify=True)
        with django_assert_num_queries(len(few.captured_queries)):
            assert len(client.get(ME).json()["enrolments"]) == 6

    def test_staff_get_no_team_and_managers_get_their_subtree(self, as_user, org):
        assert as_user(org.a.staff).get(ME).json()["team"] is None
        team = as_user(org.a.manager).get(ME).json()["team"]
        assert team["unit"] == org.a.room.pk
        assert team["year"] == timezone.localdate().year
        assert team["staff"] == 2
        assert as_user(org.a.officer).get(ME).json()["team"]["staff"] == 3

    def test_account_without_employee_gets_400(self, as_user, org):
        response = as_user(UserFactory(role="STAFF")).get(ME)
        refused(response, "no_employee_record", field="employee")

    def test_anonymous_refused(self, api, org):
        assert api.get(ME).status_code == 401


class PersonRecordTests:
    def test_scope(self, as_user, org):
        person = org.a.staff.employee
        assert as_user(org.a.manager).get(record_url(person)).status_code == 200
        assert as_user(org.a.officer).get(record_url(person)).status_code == 200
        assert as_user(org.admin).get(record_url(person)).status_code == 200
        assert as_user(org.a.staff).get(record_url(person)).status_code == 200
        assert as_user(org.a.staff).get(record_url(org.a.manager.employee)).status_code == 404
        assert as_user(org.b.manager).get(record_url(person)).status_code == 404
        assert as_user(org.b.officer).get(record_url(person)).status_code == 404
        assert as_user(org.admin).get("/api/v1/training/records/999999/").status_code == 404
