"""The Django admin is usable by personnel officers, within their agency, through the services."""

import pytest

from hr.models import Assignment, Employee, Rank, SalaryStep
from hr.services.accounts import account_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, org):
    account_update(user=org.a.officer, actor=org.admin, is_active=True)  # grants the admin site
    client.force_login(org.a.officer)
    return client


def test_officer_role_gets_the_admin_site_and_staff_does_not(org, client):
    account_update(user=org.a.officer, actor=org.admin, is_active=True)
    org.a.officer.refresh_from_db()
    assert org.a.officer.is_staff
    client.force_login(org.a.staff)
    assert client.get("/admin/").status_code == 302  # to the login page


def test_officer_lists_only_own_agency(officer_client, org):
    page = officer_client.get("/admin/hr/employee/").content.decode()
    assert org.a.staff.employee.full_name in page
    assert org.b.staff.employee.full_name not in page


def test_other_agency_record_is_not_reachable(officer_client, org):
    response = officer_client.get(f"/admin/hr/employee/{org.b.staff.employee_id}/change/")
    assert response.status_code == 302  # "does not exist" redirect to the admin index


def test_adding_a_person_through_the_admin_uses_the_service(officer_client, org):
    form = {
        "national_id": "014191004242",
        "full_name": "Quàng Thị Ỵ",
        "date_of_birth": "1991-04-12",
        "sex": "F",
        "ethnicity": "Thái",
        "category": "CONG_CHUC",
        "unit": org.a.room.pk,
        "rank": Rank.objects.get(code="01.003").pk,
        "salary_step": SalaryStep.objects.get(scale__code="A1", step=1).pk,
        "recruitment_date": "2020-01-02",
        "status": "ACTIVE",
        "assignments-TOTAL_FORMS": "0",
        "assignments-INITIAL_FORMS": "0",
        "salary_records-TOTAL_FORMS": "0",
        "salary_records-INITIAL_FORMS": "0",
    }
    response = officer_client.post("/admin/hr/employee/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    person = Employee.objects.get(national_id="014191004242")
    assert Assignment.objects.filter(employee=person, unit=org.a.room).exists()
    assert person.history.first().history_user == org.a.officer


def test_officer_cannot_change_reference_data_or_delete(officer_client, org):
    rank = Rank.objects.get(code="01.003")
    assert officer_client.get("/admin/hr/rank/").status_code == 200
    assert officer_client.post(f"/admin/hr/rank/{rank.pk}/change/", {"name": "X"}).status_code == 403
    response = officer_client.post(f"/admin/hr/employee/{org.a.staff.employee_id}/delete/", {"post": "yes"})
    assert response.status_code == 403
