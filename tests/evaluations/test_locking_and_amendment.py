"""A decided evaluation is read-only; a correction is a new version that is decided again."""

from decimal import Decimal

import pytest
from django.urls import reverse

from evaluations.models import CriterionScore, Evaluation, RatingThreshold
from hr.models import AnnualRating
from tests.evaluations.factories import decide, ready_for_decision
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


def _amend(client, evaluation, reason="Nhầm điểm tiêu chí chung"):
    return client.post(reverse("evaluation-amend", args=[evaluation.pk]), {"reason": reason}, format="json")


@pytest.fixture
def decided(org, cycle, staff_eval):
    return decide(ready_for_decision(staff_eval, total="85"), actor=org.a.officer, number="QĐ 01")


class LockingTests:
    def test_edits_are_409(self, org, as_user, decided):
        url = reverse("evaluation-detail", args=[decided.pk])
        for user, data in (
            (org.a.staff, {"self_comment": "sửa"}),
            (org.a.officer, {"final_rating": "HTXSNV"}),
            (org.admin, {"scores": [{"criterion": decided.scores.first().criterion_id, "final_points": "1"}]}),
        ):
            with unchanged(decided, CriterionScore.objects.filter(evaluation=decided)):
                response = as_user(user).patch(url, data, format="json")
            refused(response, "locked")
        assert CriterionScore.objects.filter(evaluation=decided, final_points__isnull=False).count() == 0

    def test_transitions_other_than_notice_are_409(self, org, as_user, decided):
        url = reverse("evaluation-transition", args=[decided.pk, "decide"])
        with unchanged(decided, AnnualRating.objects.all()):
            response = as_user(org.a.officer).post(url, {"decision_number": "QĐ 2"}, format="json")
        refused(response, "wrong_state")
        url = reverse("evaluation-transition", args=[decided.pk, "notify"])
        response = as_user(org.a.officer).post(url, {}, format="json")
        assert response.status_code == 200 and response.data["status"] == "NOTIFIED"
        assert response.data["notified_on"] is not None

    def test_nothing_recomputes_a_decided_score(self, org, as_user, decided):
        RatingThreshold.objects.filter(rule_set=decided.rule_set, rating="HTTNV").update(min_score=Decimal(95))
        CriterionScore.objects.filter(evaluation=decided).update(manager_points=Decimal(0))
        response = as_user(org.a.staff).get(reverse("evaluation-detail", args=[decided.pk]))
        assert response.data["total_score"] == "85.00"
        assert response.data["final_rating"] == "HTTNV" and response.data["computed_rating"] == "HTTNV"
        assert response.data["rule_set_version"] == "ND335-CC 335/2025"
        assert response.data["status"] == "DECIDED"
        assert as_user(org.a.staff).get(reverse("evaluation-allowed-actions", args=[decided.pk])).data["locked"] is True


class AmendmentTests:
    def test_roles(self, org, as_user, decided):
        with unchanged(Evaluation.objects.all()):
            for user in (org.a.staff, org.a.manager):
                refused(_amend(as_user(user), decided), "not_decider")
            assert _amend(as_user(org.b.officer), decided).status_code == 404

    def test_bad_input(self, org, as_user, decided):
        with unchanged(Evaluation.objects.all()):
            response = as_user(org.a.officer).post(reverse("evaluation-amend", args=[decided.pk]), {}, format="json")
            refused(response, "required", field="reason")
            refused(_amend(as_user(org.a.officer), decided, reason="   "), "blank", field="reason", status=400)

    def test_open_evaluation_is_not_amended(self, org, as_user, staff_eval):
        with unchanged(Evaluation.objects.all()):
            refused(_amend(as_user(org.a.officer), staff_eval), "not_decided")

    def test_amend_and_decide_again(self, org, as_user, decided, django_capture_on_commit_callbacks):
        client = as_user(org.a.officer)
        response = _amend(client, decided)
        assert response.status_code == 201, response.data
        amended = response.data
        assert amended["version"] == 2 and amended["status"] == "PROPOSED"
        assert amended["amended_from"] == decided.pk and amended["amended_from_version"] == 1
        assert amended["amendment_reason"] == "Nhầm điểm tiêu chí chung"
        assert amended["total_score"] == "85.00" and amended["final_rating"] is None
        assert len(amended["scores"]) == 3 and len(amended["task_lines"]) == 1
        new = Evaluation.objects.get(pk=amended["id"])
        assert new.amended_by == org.a.officer

        old = client.get(reverse("evaluation-detail", args=[decided.pk])).data
        assert old["status"] == "SUPERSEDED" and old["superseded_by"] == new.pk
        assert old["final_rating"] == "HTTNV" and old["pdf_sha256"] == decided.pdf_sha256
        with unchanged(Evaluation.objects.all()):
            refused(_amend(client, decided), "superseded")

        # The decider corrects the points, then decides again.
        criterion = new.scores.first().criterion_id
        url = reverse("evaluation-transition", args=[new.pk, "decide"])
        data = {
            "decision_number": "QĐ 02",
            "scores": [{"criterion": criterion, "final_points": "0"}],
            "final_rating": "HTNV",
        }
        with django_capture_on_commit_callbacks(execute=True):  # committed: the new version's form is issued
            response = client.post(url, data, format="json")
        assert response.status_code == 200, response.data
        assert response.data["total_score"] == "80.00" and response.data["final_rating"] == "HTNV"
        new.refresh_from_db()
        assert new.pdf_version == 2 and new.snapshot["amended_from_version"] == 1
        record = AnnualRating.objects.get(employee=org.a.staff.employee, year=2026)
        assert (record.rating, record.decision_number) == ("HTNV", "QĐ 02")
        assert record.history.count() == 2

        listed = client.get(reverse("evaluation-list"), {"employee": org.a.staff.employee_id})
        assert sorted((r["version"], r["status"]) for r in listed.data["results"]) == [
            (1, "SUPERSEDED"),
            (2, "DECIDED"),
        ]

    def test_amended_version_can_be_sent_back(self, org, as_user, decided):
        client = as_user(org.a.officer)
        new_id = _amend(client, decided).data["id"]
        url = reverse("evaluation-transition", args=[new_id, "return_for_review"])
        response = client.post(url, {"return_reason": "Họp lại"}, format="json")
        assert response.status_code == 200 and response.data["status"] == "COMMENTED"
