"""Rule rows in the admin: a province administrator adds a row through the service; a row in use is read-only."""

import datetime

import pytest
from django.urls import reverse

from hr.models import BaseSalary

D = datetime.date
ADD = reverse("admin:hr_basesalary_add")


def test_admin_adds_a_base_salary_which_ends_the_one_in_force(world, login):
    client = login("admin")
    payload = {"amount": "2530000", "valid_from": "2026-07-01", "legal_basis": "Nghị định mới"}
    response = client.post(ADD, payload)
    assert response.status_code == 302
    assert BaseSalary.objects.in_force_on(D(2026, 7, 1)).get().amount == 2_530_000
    assert BaseSalary.objects.get(valid_from=D(2024, 7, 1)).valid_to == D(2026, 6, 30)
    assert BaseSalary.objects.get(valid_from=D(2026, 7, 1)).history.latest().history_user == world.user("admin")


def test_an_overlapping_row_is_refused_on_the_page(world, login):
    client = login("admin")
    before = list(BaseSalary.objects.order_by("pk").values())
    response = client.post(ADD, {"amount": "1", "valid_from": "2024-07-01", "legal_basis": "x"}, follow=True)
    assert response.status_code == 200
    assert list(BaseSalary.objects.order_by("pk").values()) == before


@pytest.mark.parametrize("role", ["officer_a", "manager_a"])
def test_only_province_administrators_add_rule_rows(world, login, role):
    assert login(role).get(ADD).status_code == 403
