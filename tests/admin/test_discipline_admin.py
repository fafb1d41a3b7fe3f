"""The admin shows discipline, commendation and rule data within the officer's agency, read-only for decisions."""

import pytest

from hr.services.accounts import account_update
from tests.matrix.discipline import commendation, discipline, initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, org):
    account_update(user=org.a.officer, actor=org.admin, is_active=True)  # grants the admin site
    client.force_login(org.a.officer)
    return client


def test_decisions_are_listed_within_the_agency(officer_client, org):
    discipline(org.a.staff.employee, decision_number="A-1/QĐ")
    discipline(org.b.staff.employee, decision_number="B-1/QĐ")
    page = officer_client.get("/admin/hr/disciplinerecord/").content.decode()
    assert "A-1/QĐ" in page and "B-1/QĐ" not in page


def test_commendations_and_initiatives_within_the_agency(officer_client, org):
    commendation(employee=org.a.staff.employee, decision_number="A-2/QĐ")
    commendation(unit=org.b.room, award="TT_LDTT", decision_number="B-2/QĐ")
    initiative(org.a.staff.employee, decision_number="A-3/QĐ")
    initiative(org.b.staff.employee, decision_number="B-3/QĐ")
    commendations = officer_client.get("/admin/hr/commendation/").content.decode()
    assert "A-2/QĐ" in commendations and "B-2/QĐ" not in commendations
    initiatives = officer_client.get("/admin/hr/initiative/").content.decode()
    assert "A-3/QĐ" in initiatives and "B-3/QĐ" not in initiatives


def test_decisions_cannot_be_added_or_deleted_in_the_admin(officer_client, org):
    record = discipline(org.a.staff.employee)
    assert officer_client.get("/admin/hr/disciplinerecord/add/").status_code == 403
    assert officer_client.get(f"/admin/hr/disciplinerecord/{record.pk}/delete/").status_code == 403
    assert officer_client.get(f"/admin/hr/disciplinerecord/{record.pk}/change/").status_code == 200  # view only


def test_rules_are_readable_by_officers_and_changed_by_administrators(officer_client, org):
    assert officer_client.get("/admin/hr/disciplineformrule/").status_code == 200
    assert officer_client.get("/admin/hr/disciplineformrule/add/").status_code == 403
    assert officer_client.get("/admin/hr/awardrule/").status_code == 200
