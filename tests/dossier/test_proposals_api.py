"""Self-updates: the person proposes, nothing changes until an officer of their agency approves or rejects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossier.models import ChangeProposal, GroupRecord, ProposalStatus
from dossier.services.proposals import proposal_submit
from dossier.services.records import group_record_update
from tests.dossier.helpers import IDENTITY_URL, identity_values
from tests.refusals import refusal, refused, unchanged

pytestmark = pytest.mark.django_db
URL = "/api/v1/dossier/proposals/"


@pytest.fixture
def entered(org):
    """The staff member's identity group as their officer entered it."""
    employee = org.a.staff.employee
    group_record_update(actor=org.a.officer, employee=employee, group="IDENTITY", values=identity_values())
    return employee


def _propose(client, values, group="IDENTITY"):
    return client.post(URL, {"group": group, "values": values, "note": "Chuyển nơi ở"}, format="json")


class TestSubmit:
    def test_staff_proposes_and_nothing_changes_until_approval(self, org, as_user, entered):
        with unchanged(GroupRecord.objects.all()):
            response = _propose(as_user(org.a.staff), {"current_residence": "Bản Hụm, xã Mường Bám"})
        assert response.status_code == 201, response.data
        assert response.data["status"] == ProposalStatus.PENDING
        assert response.data["employee"] == entered.pk

    @pytest.mark.parametrize(
        ("values", "code", "field"),
        [
            ({}, "nothing_proposed", "values"),
            ({"religion": "Không"}, "no_change", "values"),
            ({"main_duties": "x"}, "unknown_field", "main_duties"),
            ({"permanent_residence": ""}, "field_required", "permanent_residence"),
            ({"national_id": "014090000001"}, "field_read_only", "national_id"),
        ],
    )
    def test_refused_proposals_write_nothing(self, org, as_user, entered, values, code, field):
        with unchanged(ChangeProposal.objects.all(), GroupRecord.objects.all()):
            refused(_propose(as_user(org.a.staff), values), code, field=field)

    def test_officer_kept_field_cannot_be_proposed(self, org, as_user, entered):
        with unchanged(ChangeProposal.objects.all()):
            response = _propose(as_user(org.a.staff), {"dossier_number": "SNV-001"})
        refused(response, "field_not_self_service", field="dossier_number")

    def test_one_pending_proposal_per_group(self, org, as_user, entered):
        client = as_user(org.a.staff)
        assert _propose(client, {"religion": "Phật giáo"}).status_code == 201
        with unchanged(ChangeProposal.objects.all()):
            refused(_propose(client, {"religion": "Công giáo"}), "proposal_pending", field="group")
        assert _propose(client, {"blood_type": "A"}, group="HEALTH").status_code == 201

    def test_nobody_proposes_for_someone_else(self, org, entered):
        with refusal("proposal_own_only"), unchanged(ChangeProposal.objects.all()):
            proposal_submit(actor=org.a.officer, employee=entered, group="IDENTITY", values={"religion": "Phật giáo"})


class TestDecide:
    @pytest.fixture
    def proposal(self, org, entered):
        return proposal_submit(
            actor=org.a.staff, employee=entered, group="IDENTITY", values={"current_residence": "Bản Hụm"}
        )

    def test_officer_approves_and_history_names_proposer_and_approver(self, org, as_user, proposal, entered):
        response = as_user(org.a.officer).post(f"{URL}{proposal.pk}/approve/", {}, format="json")
        assert response.status_code == 200, response.data
        assert response.data["status"] == ProposalStatus.APPROVED
        assert response.data["decided_by_name"] == "officer_snv"
        record = GroupRecord.objects.get(employee=entered, group="IDENTITY")
        assert record.values["current_residence"] == "Bản Hụm"
        assert record.values["religion"] == "Không"
        history = as_user(org.a.staff).get(IDENTITY_URL.format(id=entered.pk) + "history/")
        latest = history.data[0]
        assert latest["history_user"] == "officer_snv"
        assert latest["proposed_by"] == "staff_snv"
        assert latest["proposal"] == proposal.pk

    def test_reject_needs_a_reason_and_changes_nothing(self, org, as_user, proposal):
        client = as_user(org.a.officer)
        with unchanged(ChangeProposal.objects.all(), GroupRecord.objects.all()):
            refused(client.post(f"{URL}{proposal.pk}/reject/", {"reason": "  "}, format="json"), "reason_required")
        with unchanged(GroupRecord.objects.all()):
            response = client.post(f"{URL}{proposal.pk}/reject/", {"reason": "Chưa có giấy xác nhận"}, format="json")
        assert response.status_code == 200
        assert response.data["status"] == ProposalStatus.REJECTED

    def test_a_decided_proposal_is_not_decided_again(self, org, as_user, proposal):
        client = as_user(org.a.officer)
        assert client.post(f"{URL}{proposal.pk}/approve/", {}, format="json").status_code == 200
        with unchanged(GroupRecord.objects.all()):
            refused(client.post(f"{URL}{proposal.pk}/reject/", {"reason": "x"}, format="json"), "proposal_decided")

    @pytest.mark.parametrize(("who", "status"), [("staff", 403), ("manager", 404), ("officer_b", 404)])
    def test_only_the_agency_office_decides(self, org, as_user, proposal, who, status):
        user = {"staff": org.a.staff, "manager": org.a.manager, "officer_b": org.b.officer}[who]
        with unchanged(ChangeProposal.objects.all(), GroupRecord.objects.all()):
            response = as_user(user).post(f"{URL}{proposal.pk}/approve/", {}, format="json")
        assert response.status_code == status

    def test_the_officers_task_list(self, org, as_user, proposal):
        tasks = as_user(org.a.officer).get(f"{URL}tasks/")
        assert [row["id"] for row in tasks.data["results"]] == [proposal.pk]
        assert as_user(org.b.officer).get(f"{URL}tasks/").data["results"] == []
        assert as_user(org.a.manager).get(f"{URL}tasks/").data["results"] == []

    def test_task_list_costs_the_same_whatever_its_length(self, org, as_user, proposal):
        client = as_user(org.a.officer)
        with CaptureQueriesContext(connection) as one:
            assert client.get(f"{URL}tasks/").data["count"] == 1
        for group, values in (("HEALTH", {"blood_type": "B"}), ("MILITARY", {"military_rank": "Trung úy"})):
            proposal_submit(actor=org.a.staff, employee=proposal.employee, group=group, values=values)
        with CaptureQueriesContext(connection) as three:
            assert client.get(f"{URL}tasks/").data["count"] == 3
        assert len(three) == len(one)
