"""Reference data: the salary table from DOMAIN.md §6.2, ranks, posts; only admins change it."""

from decimal import Decimal

import pytest

from hr.models import BaseSalary, Rank, SalaryScale

pytestmark = pytest.mark.django_db


def test_salary_table_matches_the_decree_figures():
    a1 = SalaryScale.objects.get(code="A1")
    assert [s.coefficient for s in a1.steps.all()][:2] == [Decimal("2.34"), Decimal("2.67")]
    assert a1.steps.count() == 9 and a1.steps.last().coefficient == Decimal("4.98")
    assert SalaryScale.objects.get(code="B").step_interval_years == 2
    assert SalaryScale.objects.get(code="A0").steps.count() == 10
    assert Rank.objects.get(code="01.002").scale.code == "A2.1"
    assert BaseSalary.objects.order_by("-valid_from").first().amount == 2_340_000


@pytest.mark.parametrize("role", ["staff", "manager", "officer"])
def test_everyone_reads_reference_data(as_user, org, role):
    client = as_user(getattr(org.a, role))
    scales = client.get("/api/v1/salary-scales/", {"search": "A1"}).json()["results"]
    assert scales[0]["steps"][0]["coefficient"] == "2.34"
    assert client.get("/api/v1/ranks/", {"search": "01.003"}).json()["results"][0]["name"] == "Chuyên viên"
    assert client.get("/api/v1/positions/", {"is_leadership": "true"}).json()["count"] >= 10


@pytest.mark.parametrize("role", ["staff", "manager", "officer"])
def test_only_admins_change_reference_data(as_user, org, role):
    payload = {"code": "03.299", "name": "Chấp hành viên", "scale": SalaryScale.objects.get(code="A1").pk}
    assert as_user(getattr(org.a, role)).post("/api/v1/ranks/", payload, format="json").status_code == 403
    assert as_user(org.admin).post("/api/v1/ranks/", payload, format="json").status_code == 201


def test_admin_records_a_new_base_salary(as_user, org):
    payload = {"amount": 2_527_200, "valid_from": "2026-07-01", "legal_basis": "Nghị định (dự kiến tăng 8%)"}
    assert as_user(org.admin).post("/api/v1/base-salaries/", payload, format="json").status_code == 201
    duplicate = as_user(org.admin).post("/api/v1/base-salaries/", payload, format="json")
    assert duplicate.status_code == 400 and "valid_from" in duplicate.json()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"code": "", "name": "X", "scale": 1}, "code"),
        ({"code": "01.003", "name": "X", "scale": 1}, "code"),
        ({"code": "9", "name": "X", "scale": 0}, "scale"),
    ],
)
def test_bad_reference_input_is_400(as_user, org, payload, field):
    response = as_user(org.admin).post("/api/v1/ranks/", payload, format="json")
    assert response.status_code == 400 and field in response.json()


def test_reference_rows_are_not_deleted(as_user, org):
    rank = Rank.objects.get(code="01.003")
    assert as_user(org.admin).delete(f"/api/v1/ranks/{rank.pk}/").status_code == 405
