"""Self-updates of rows: the person proposes a relative or a qualification, added or changed; an officer decides.

Nothing is written before approval; the proposal is checked by the officer's own table rules; approval runs the
officer's table service, so the row's history names the approver and the proposal names the proposer.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossier.models import ChangeProposal, FamilyMember, ProposalStatus, Qualification
from dossier.services.proposals import proposal_approve, proposal_row_submit, proposal_submit
from dossier.services.tables import family_member_save
from tests.refusals import refusal, refused, unchanged
from tests.training.factories import trained

pytestmark = pytest.mark.django_db
URL = "/api/v1/dossier/proposals/"
ROWS = f"{URL}rows/"


def relative(**changes) -> dict:
    values = {"side": "SELF", "relation": "MOTHER", "full_name": "Lò Thị Hương", "birth_year": 1962}
    return {**values, **changes}


def degree(**changes) -> dict:
    values = {
        "kind": "DEGREE",
        "level": "Đại học",
        "institution": "Trường Đại học Tây Bắc",
        "start_year": 2008,
        "end_year": 2012,
        "mode": "CHINH_QUY",
    }
    return {**values, **changes}


def _body(values, *, table="family_members", operation="ADD", row=None) -> dict:
    return {"table": table, "operation": operation, "row": row, "values": values, "note": "Bổ sung lý lịch"}


@pytest.fixture
def mother(org):
    """A relative of the staff member, entered by the officer."""
    return family_member_save(actor=org.a.officer, employee=org.a.staff.employee, **relative())


def _all():
    return ChangeProposal.objects.all(), FamilyMember.objects.all(), Qualification.objects.all()


class TestSubmit:
    def test_staff_proposes_a_relative_and_nothing_changes_until_approval(self, org, as_user):
        with unchanged(FamilyMember.objects.all()):
            response = as_user(org.a.staff).post(ROWS, _body(relative()), format="json")
        assert response.status_code == 201, response.data
        assert response.data["status"] == ProposalStatus.PENDING
        assert response.data["group"] == "FAMILY"
        assert response.data["row_id"] is None
        assert response.data["summary"] == "Thêm dòng: Mẹ – Lò Thị Hương – 1962"
        assert response.data["values"]["deceased"] is False

    def test_staff_proposes_a_change_of_their_relative(self, org, as_user, mother):
        with unchanged(FamilyMember.objects.all()):
            response = as_user(org.a.staff).post(
                ROWS, _body({"deceased": True}, operation="CHANGE", row=mother.pk), format="json"
            )
        assert response.status_code == 201, response.data
        assert response.data["row_id"] == mother.pk
        assert response.data["values"] == {"deceased": True}  # only what changes
        assert response.data["summary"] == f"Sửa dòng #{mother.pk} (Mẹ: Lò Thị Hương): đã mất: có"

    @pytest.mark.parametrize(
        ("values", "code", "field", "status"),
        [
            ({}, "nothing_proposed", "values", None),
            (relative(side="SPOUSE", relation="CHILD"), "relation_side_mismatch", "relation", None),
            (relative(birth_year=datetime.date.today().year + 1), "future_year", "birth_year", None),
            (relative(salary="x"), "unknown_field", "salary", None),
            (relative(relation="COUSIN"), "invalid_choice", "relation", 400),
            (relative(full_name=""), "blank", "full_name", 400),
        ],
    )
    def test_a_relative_is_checked_by_the_officers_rules(self, org, as_user, values, code, field, status):
        with unchanged(*_all()):
            response = as_user(org.a.staff).post(ROWS, _body(values), format="json")
        refused(response, code, field=field, status=status)

    def test_this_years_birth_is_accepted(self, org):
        values = relative(relation="CHILD", birth_year=datetime.date.today().year)
        proposal = proposal_row_submit(
            actor=org.a.staff, employee=org.a.staff.employee, table="family_members", operation="ADD", values=values
        )
        assert proposal.values["birth_year"] == datetime.date.today().year

    @pytest.mark.parametrize(
        ("values", "code", "field"),
        [
            (degree(end_year=2007), "years_reversed", "end_year"),
            (degree(start_year=2999, end_year=None), "future_year", "start_year"),
        ],
    )
    def test_a_qualification_is_checked_by_the_officers_rules(self, org, as_user, values, code, field):
        with unchanged(*_all()):
            refused(
                as_user(org.a.staff).post(ROWS, _body(values, table="qualifications"), format="json"), code, field=field
            )

    def test_a_training_certificate_must_be_the_persons(self, org, as_user):
        theirs = trained(org.admin, org.a.manager.employee, end=datetime.date(2025, 3, 7), certify=True).certificate
        values = degree(kind="POLITICAL_THEORY", level="Trung cấp", certificate=theirs.pk)
        with unchanged(*_all()):
            response = as_user(org.a.staff).post(ROWS, _body(values, table="qualifications"), format="json")
        refused(response, "certificate_not_own", field="certificate")

    def test_only_ones_own_row_is_changed(self, org, as_user, mother):
        theirs = family_member_save(actor=None, employee=org.a.manager.employee, **relative(full_name="Cầm Thị Ánh"))
        client = as_user(org.a.staff)
        with unchanged(*_all()):
            body = _body({"deceased": True}, operation="CHANGE", row=theirs.pk)
            refused(client.post(ROWS, body, format="json"), "unknown_row", field="row")
            refused(client.post(ROWS, _body({"deceased": True}, operation="CHANGE"), format="json"), "unknown_row")
            body = _body({"full_name": "Lò Thị Hương"}, operation="CHANGE", row=mother.pk)
            refused(client.post(ROWS, body, format="json"), "no_change", field="values")

    def test_one_pending_proposal_per_row_and_per_new_row(self, org, as_user, mother):
        client = as_user(org.a.staff)
        change = _body({"deceased": True}, operation="CHANGE", row=mother.pk)
        assert client.post(ROWS, change, format="json").status_code == 201
        assert (
            client.post(ROWS, _body(relative(relation="FATHER", full_name="Lò Văn Ún")), format="json").status_code
            == 201
        )
        with unchanged(ChangeProposal.objects.all()):
            refused(client.post(ROWS, change, format="json"), "proposal_pending", field="row")
            refused(client.post(ROWS, _body(relative(relation="SIBLING")), format="json"), "proposal_pending")
        # Another table, and the field proposals of a group, are not held up by them.
        assert client.post(ROWS, _body(degree(), table="qualifications"), format="json").status_code == 201
        health = {"group": "HEALTH", "values": {"blood_type": "A"}}
        assert client.post(URL, health, format="json").status_code == 201

    def test_nobody_proposes_for_someone_else(self, org):
        with refusal("proposal_own_only"), unchanged(*_all()):
            proposal_row_submit(
                actor=org.a.officer,
                employee=org.a.staff.employee,
                table="family_members",
                operation="ADD",
                values=relative(),
            )


class TestDecide:
    @pytest.fixture
    def addition(self, org):
        return proposal_row_submit(
            actor=org.a.staff,
            employee=org.a.staff.employee,
            table="qualifications",
            operation="ADD",
            values=degree(),
            note="Bằng đại học",
        )

    @pytest.fixture
    def change(self, org, mother):
        return proposal_row_submit(
            actor=org.a.staff,
            employee=org.a.staff.employee,
            table="family_members",
            operation="CHANGE",
            row=mother.pk,
            values={"deceased": True, "residence": "Bản Hụm"},
        )

    def test_approving_an_addition_runs_the_officers_service(self, org, as_user, addition):
        response = as_user(org.a.officer).post(f"{URL}{addition.pk}/approve/", {}, format="json")
        assert response.status_code == 200, response.data
        assert response.data["status"] == ProposalStatus.APPROVED
        row = Qualification.objects.get(employee=org.a.staff.employee)
        assert response.data["row_id"] == row.pk
        assert (row.level, row.institution, row.end_year) == ("Đại học", "Trường Đại học Tây Bắc", 2012)
        version = row.history.get()
        assert version.history_user == org.a.officer
        assert version.history_change_reason == f"#{addition.pk} staff_snv"
        addition.refresh_from_db()
        assert (addition.proposed_by, addition.decided_by) == (org.a.staff, org.a.officer)

    def test_approving_a_change_keeps_the_rows_history(self, org, as_user, change, mother):
        response = as_user(org.admin).post(f"{URL}{change.pk}/approve/", {"reason": "Đã xác minh"}, format="json")
        assert response.status_code == 200, response.data
        mother.refresh_from_db()
        assert (mother.deceased, mother.residence, mother.full_name) == (True, "Bản Hụm", "Lò Thị Hương")
        history = as_user(org.a.staff).get(f"/api/v1/dossier/family-members/{mother.pk}/history/").data["results"]
        assert [entry["history_user"] for entry in history] == [org.admin.username, "officer_snv"]
        assert {change["field"] for change in history[0]["changes"]} == {"deceased", "residence"}
        assert mother.history.latest().history_change_reason == f"#{change.pk} staff_snv"

    def test_the_officers_later_corrections_stand(self, org, change, mother):
        family_member_save(actor=org.a.officer, employee=mother.employee, member=mother, **relative(birth_year=1963))
        proposal_approve(actor=org.a.officer, proposal=change)
        mother.refresh_from_db()
        assert (mother.birth_year, mother.deceased, mother.residence) == (1963, True, "Bản Hụm")

    def test_approval_checks_the_row_again(self, org, mother):
        proposal = proposal_row_submit(
            actor=org.a.staff,
            employee=mother.employee,
            table="family_members",
            operation="CHANGE",
            row=mother.pk,
            values={"side": "SPOUSE"},
        )
        # The officer records her as a sister meanwhile: on the spouse's side that is still allowed, so use a
        # child, whom the spouse's side never lists; the approval refuses and writes nothing.
        family_member_save(actor=org.a.officer, employee=mother.employee, member=mother, **relative(relation="CHILD"))
        with refusal("relation_side_mismatch", field="relation"), unchanged(*_all()):
            proposal_approve(actor=org.a.officer, proposal=proposal)

    def test_reject_needs_a_reason_and_changes_nothing(self, org, as_user, change):
        client = as_user(org.a.officer)
        with unchanged(*_all()):
            refused(client.post(f"{URL}{change.pk}/reject/", {"reason": " "}, format="json"), "reason_required")
        with unchanged(FamilyMember.objects.all()):
            response = client.post(f"{URL}{change.pk}/reject/", {"reason": "Chưa có giấy chứng tử"}, format="json")
        assert response.status_code == 200
        assert response.data["status"] == ProposalStatus.REJECTED
        with unchanged(*_all()):
            refused(client.post(f"{URL}{change.pk}/approve/", {}, format="json"), "proposal_decided")

    @pytest.mark.parametrize(("who", "status"), [("staff", 403), ("manager", 404), ("officer_b", 404)])
    def test_only_the_agency_office_decides(self, org, as_user, change, who, status):
        user = {"staff": org.a.staff, "manager": org.a.manager, "officer_b": org.b.officer}[who]
        with unchanged(*_all()):
            response = as_user(user).post(f"{URL}{change.pk}/approve/", {}, format="json")
        assert response.status_code == status

    def test_managers_never_see_a_family_proposal(self, org, as_user, change):
        client = as_user(org.a.manager)
        assert client.get(f"{URL}{change.pk}/").status_code == 404
        assert client.get(URL).data["results"] == []
        assert client.get(f"{URL}tasks/").data["results"] == []
        assert as_user(org.b.officer).get(f"{URL}{change.pk}/").status_code == 404
        assert as_user(org.a.staff).get(f"{URL}{change.pk}/").data["values"]["residence"] == "Bản Hụm"

    def test_the_task_list_shows_row_changes_at_a_constant_cost(self, org, as_user, change):
        client = as_user(org.a.officer)
        with CaptureQueriesContext(connection) as one:
            tasks = client.get(f"{URL}tasks/").data
        summary = f"Sửa dòng #{change.row_id} (Mẹ: Lò Thị Hương): đã mất: có; nơi ở: Bản Hụm"
        assert [row["summary"] for row in tasks["results"]] == [summary]
        employee = org.a.staff.employee
        proposal_row_submit(
            actor=org.a.staff, employee=employee, table="qualifications", operation="ADD", values=degree()
        )
        proposal_submit(actor=org.a.staff, employee=employee, group="HEALTH", values={"blood_type": "B"})
        with CaptureQueriesContext(connection) as three:
            assert client.get(f"{URL}tasks/").data["count"] == 3
        assert len(three) == len(one)

    def test_an_officers_own_proposal_is_decided_by_someone_else(self, org):
        proposal = proposal_row_submit(
            actor=org.a.officer,
            employee=org.a.officer.employee,
            table="qualifications",
            operation="ADD",
            values=degree(),
        )
        with refusal("own_record"), unchanged(*_all()):
            proposal_approve(actor=org.a.officer, proposal=proposal)
        proposal_approve(actor=org.admin, proposal=proposal)
        assert Qualification.objects.filter(employee=org.a.officer.employee).count() == 1
