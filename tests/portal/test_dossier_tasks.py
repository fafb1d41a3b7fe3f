"""The inbox lists the dossier self-updates a personnel officer may decide, beside the evaluations."""

import pytest
from django.urls import reverse

from dossier.services.proposals import proposal_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(org):
    employee = org.a.staff.employee
    return proposal_submit(
        actor=org.a.staff, employee=employee, group="HEALTH", values={"blood_type": "O"}, note="Xét nghiệm mới"
    )


def test_the_officer_of_the_agency_sees_the_proposal(org, login, proposal):
    page = login(org.a.officer).get(reverse("portal:tasks"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Xét nghiệm mới" in body
    assert org.a.staff.employee.full_name in body


@pytest.mark.parametrize("who", ["manager", "staff", "officer_b"])
def test_nobody_else_sees_it(org, login, proposal, who):
    user = {"manager": org.a.manager, "staff": org.a.staff, "officer_b": org.b.officer}[who]
    page = login(user).get(reverse("portal:tasks"))
    assert page.status_code == 200
    assert "Xét nghiệm mới" not in page.content.decode()
