"""The inbox lists the dossier self-updates a personnel officer may decide, beside the evaluations."""

import pytest
from django.urls import reverse

from dossier.services.proposals import proposal_row_submit, proposal_submit

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


@pytest.fixture
def relative_proposal(org):
    values = {"side": "SELF", "relation": "CHILD", "full_name": "Lò Văn An", "birth_year": 2015}
    return proposal_row_submit(
        actor=org.a.staff, employee=org.a.staff.employee, table="family_members", operation="ADD", values=values
    )


def test_a_family_row_reads_as_a_line_for_the_officer(org, login, relative_proposal):
    body = login(org.a.officer).get(reverse("portal:tasks")).content.decode()
    assert "Thêm dòng: Con – Lò Văn An – 2015" in body


@pytest.mark.parametrize("who", ["manager", "officer_b"])
def test_a_family_row_is_shown_to_no_one_else(org, login, relative_proposal, who):
    user = {"manager": org.a.manager, "officer_b": org.b.officer}[who]
    assert "Lò Văn An" not in login(user).get(reverse("portal:tasks")).content.decode()
