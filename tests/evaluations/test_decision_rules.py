"""Rules applied at the decision: not above the score, quota (20%, 25%, small groups, duty groups),
head not above the unit, absence cap, yearly result, annual score from the periods."""

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.urls import reverse

from evaluations.models import Evaluation, PolicyKind, ProvincePolicy, QuotaGroup, RuleSet, TaskLine
from evaluations.services.cycles import cycle_generate
from evaluations.services.forms import form_from_snapshot, render_pdf
from hr.models import AnnualRating, RatingSource, UnitRating
from tests.evaluations.factories import (
    decide,
    evaluation_of,
    generated,
    people,
    ready_for_decision,
)
from tests.factories import EmployeeFactory, position
from tests.reform.factories import published_at, submitted
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


def _decide_api(client, evaluation, **data):
    url = reverse("evaluation-transition", args=[evaluation.pk, "decide"])
    return client.post(url, {"decision_number": "QĐ 99", **data}, format="json")


def _refused_decision(client, evaluation, code, *, field=None, **data) -> str:
    """The decision is refused by the rule `code`; the evaluation and the yearly results are untouched."""
    with unchanged(evaluation, AnnualRating.objects.all()):
        response = _decide_api(client, evaluation, **data)
    return refused(response, code, field=field)


def _quota_groups(response) -> list[dict]:
    return next(r for r in response.data["forced_reasons"] if r["rule"] == "quota")["groups"]


class DecisionTests:
    def test_decision_locks_and_writes_the_yearly_result(
        self, org, cycle, staff_eval, django_capture_on_commit_callbacks
    ):
        ready_for_decision(staff_eval, total="85")
        with django_capture_on_commit_callbacks() as after_commit:
            evaluation = decide(staff_eval, actor=org.a.officer, number="QĐ 12/QĐ-SNV")
        assert evaluation.status == "DECIDED"
        assert evaluation.final_rating == "HTTNV"
        assert evaluation.decided_by == org.a.officer and evaluation.decided_on is not None
        # The form is being issued: its PDF is rendered after commit, outside the quota lock.
        assert evaluation.pdf_sha256 == "" and evaluation.pdf_version is None
        for callback in after_commit:
            callback()
        evaluation.refresh_from_db()
        assert len(evaluation.pdf_sha256) == 64 and evaluation.pdf_version == 1
        assert evaluation.pdf_sha256 == hashlib.sha256(render_pdf(form_from_snapshot(evaluation.snapshot))).hexdigest()
        assert evaluation.snapshot["total_score"] == "85.00"
        assert evaluation.snapshot["rule_set_version"] == "ND335-CC 335/2025"
        record = AnnualRating.objects.get(employee=org.a.staff.employee, year=2026)
        assert (record.rating, record.source, record.decision_number) == (
            "HTTNV",
            RatingSource.EVALUATION,
            "QĐ 12/QĐ-SNV",
        )

    def test_the_proposal_is_the_default_rating(self, org, cycle, staff_eval):
        ready_for_decision(staff_eval, total="95", proposed="HTTNV")
        assert decide(staff_eval, actor=org.admin).final_rating == "HTTNV"

    def test_not_above_what_the_score_gives(self, org, as_user, cycle, staff_eval):
        ready_for_decision(staff_eval, total="89.99")
        client = as_user(org.a.officer)
        _refused_decision(client, staff_eval, "above_computed_rating", field="final_rating", final_rating="HTXSNV")
        assert Evaluation.objects.get(pk=staff_eval.pk).status == "PROPOSED"

    def test_lower_than_the_score_is_allowed(self, org, as_user, cycle, staff_eval):
        ready_for_decision(staff_eval, total="89.99")
        response = _decide_api(as_user(org.a.officer), staff_eval, final_rating="HTNV")
        assert response.status_code == 200, response.data
        assert response.data["final_rating"] == "HTNV"

    @pytest.mark.parametrize(
        ("total", "rating"),
        [("49.99", "KHTNV"), ("50", "HTNV"), ("69.99", "HTNV"), ("70", "HTTNV"), ("89.99", "HTTNV"), ("90", "HTXSNV")],
    )
    def test_thresholds_through_the_decision(self, org, cycle, staff_eval, total, rating):
        ready_for_decision(staff_eval, total=total)
        evaluation = decide(staff_eval, actor=org.admin)
        assert evaluation.total_score == Decimal(total)
        assert evaluation.final_rating == rating

    def test_incomplete_scores_cannot_be_decided(self, org, as_user, cycle, staff_eval):
        Evaluation.objects.filter(pk=staff_eval.pk).update(status="PROPOSED")
        _refused_decision(as_user(org.a.officer), staff_eval, "scores_incomplete", field="final_rating")

    def test_decision_number_is_required(self, org, as_user, cycle, staff_eval):
        ready_for_decision(staff_eval, total="80")
        client = as_user(org.a.officer)
        _refused_decision(client, staff_eval, "required", field="decision_number", decision_number="")

    def test_monthly_decision_does_not_touch_the_yearly_result(self, org, staff_eval):
        month = generated(org.admin, org.a.unit, kind="MONTHLY", number=1)
        evaluation = ready_for_decision(evaluation_of(month, org.a.staff.employee), total="95")
        assert decide(evaluation, actor=org.admin).final_rating == "HTXSNV"
        assert not AnnualRating.objects.filter(employee=org.a.staff.employee).exists()


class QuotaTests:
    def _group(self, org, count, *, total="95", agency=None, **fields):
        agency = agency or org.a
        people(agency.room, count - 3, **fields)  # the officer, the head of room and the staff are there already
        cycle = generated(org.admin, agency.unit)
        evaluations = list(Evaluation.objects.filter(cycle=cycle).order_by("pk"))
        for evaluation in evaluations:
            ready_for_decision(evaluation, total=total)
        return cycle, evaluations

    def test_twenty_percent_of_those_rated_well_or_better(self, org, as_user):
        _cycle, evaluations = self._group(org, 10)
        client = as_user(org.admin)
        first = _decide_api(client, evaluations[0])
        assert first.status_code == 200
        assert _quota_groups(first) == [{"size": 10, "basis": 10, "allowed": 2, "used": 1}]
        second = _decide_api(client, evaluations[1])
        assert second.status_code == 200
        assert _quota_groups(second) == [{"size": 10, "basis": 10, "allowed": 2, "used": 2}]
        _refused_decision(client, evaluations[2], "quota_exceeded")
        # Rated one level lower it passes.
        assert _decide_api(client, evaluations[2], final_rating="HTTNV").status_code == 200

    def test_basis_counts_only_those_rated_well_or_better(self, org, as_user):
        _cycle, evaluations = self._group(org, 10)
        for evaluation in evaluations[5:]:
            ready_for_decision(evaluation, total="60")
        client = as_user(org.admin)
        first = _decide_api(client, evaluations[0])
        assert first.status_code == 200
        assert _quota_groups(first) == [{"size": 10, "basis": 5, "allowed": 1, "used": 1}]
        _refused_decision(client, evaluations[1], "quota_exceeded")

    def test_twenty_five_percent_for_an_outstanding_unit(self, org, as_user):
        cycle, evaluations = self._group(org, 8)
        client = as_user(org.admin)
        assert _decide_api(client, evaluations[0]).status_code == 200
        _refused_decision(client, evaluations[1], "quota_exceeded")  # 20% of 8 = 1
        url = reverse("evaluation-cycle-outstanding-units", args=[cycle.pk])
        response = client.post(url, {"unit": org.a.unit.pk, "outstanding": True}, format="json")
        assert response.status_code == 200 and response.data["outstanding"] is True
        second = _decide_api(client, evaluations[1])  # 25% of 8 = 2
        assert second.status_code == 200
        assert _quota_groups(second) == [{"size": 8, "basis": 8, "allowed": 2, "used": 2}]
        _refused_decision(client, evaluations[2], "quota_exceeded")

    def test_small_group_allows_one(self, org, as_user):
        _cycle, evaluations = self._group(org, 3)  # 20% of 3 rounds to 0, but a group under 5 has 1
        client = as_user(org.admin)
        first = _decide_api(client, evaluations[0])
        assert first.status_code == 200
        assert _quota_groups(first) == [{"size": 3, "basis": 3, "allowed": 1, "used": 1}]
        _refused_decision(client, evaluations[1], "quota_exceeded")

    def test_small_group_size_is_data(self, org, as_user):
        RuleSet.objects.filter(code="ND335-CC").update(quota_small_group_size=3)
        _cycle, evaluations = self._group(org, 3)
        _refused_decision(as_user(org.admin), evaluations[0], "quota_exceeded")

    def test_each_duty_group_has_its_own_quota(self, org, as_user):
        _cycle, evaluations = self._group(org, 10)
        for evaluation in evaluations[:5]:
            ready_for_decision(evaluation, total="95", duty_group="Lãnh đạo")
        for evaluation in evaluations[5:]:
            ready_for_decision(evaluation, total="95", duty_group="Chuyên viên")
        client = as_user(org.admin)
        assert _decide_api(client, evaluations[0]).status_code == 200
        message = _refused_decision(client, evaluations[1], "quota_exceeded")
        assert "Lãnh đạo" in message
        assert _decide_api(client, evaluations[5]).status_code == 200
        # The agency as a whole (20% of 10 = 2) is now full too.
        message = _refused_decision(client, evaluations[6], "quota_exceeded")
        assert "Chuyên viên" not in message

    def test_superseded_and_not_rated_do_not_count(self, org, as_user):
        _cycle, evaluations = self._group(org, 5)
        client = as_user(org.admin)
        assert _decide_api(client, evaluations[0]).status_code == 200
        amend = reverse("evaluation-amend", args=[evaluations[0].pk])
        assert client.post(amend, {"reason": "Sai điểm"}, format="json").status_code == 201
        assert _decide_api(client, evaluations[1]).status_code == 200

    def test_only_the_admin_flags_outstanding_units(self, org, as_user):
        cycle = generated(org.admin, org.a.unit)
        url = reverse("evaluation-cycle-outstanding-units", args=[cycle.pk])
        data = {"unit": org.a.unit.pk, "outstanding": True}
        groups = QuotaGroup.objects.all()
        with unchanged(groups):
            for user in (org.a.officer, org.a.manager, org.a.staff):
                refused(as_user(user).post(url, data, format="json"), "permission_denied", status=403)
            assert as_user(org.b.officer).post(url, data, format="json").status_code == 404
            bad = as_user(org.admin).post(url, {"unit": org.a.room.pk, "outstanding": True}, format="json")
            refused(bad, "agency_outside_cycle", field="unit")
            missing = as_user(org.admin).post(url, {"unit": org.a.unit.pk}, format="json")
            refused(missing, "required", field="outstanding")
        assert not groups.filter(outstanding=True).exists()


class HeadNotAboveUnitTests:
    @pytest.fixture
    def director(self, org):
        employee = EmployeeFactory(unit=org.a.unit, position=position("GD_SO"), full_name="Giám đốc Sở")
        cycle = generated(org.admin, org.a.unit)
        return ready_for_decision(evaluation_of(cycle, employee), total="85")

    def test_missing_unit_rating_is_refused(self, org, as_user, director):
        message = _refused_decision(as_user(org.admin), director, "unit_rating_missing")
        assert "Sở Nội vụ" in message and "2026" in message

    def test_missing_unit_rating_allowed_by_rule_data(self, org, as_user, director):
        RuleSet.objects.filter(code="ND335-CC").update(missing_unit_rating="ALLOW")
        assert _decide_api(as_user(org.admin), director).status_code == 200

    def test_head_not_above_the_unit(self, org, as_user, director):
        UnitRating.objects.create(unit=org.a.unit, year=2026, rating="HTNV")
        client = as_user(org.admin)
        _refused_decision(client, director, "head_above_unit", field="final_rating")
        response = _decide_api(client, director, final_rating="HTNV")
        assert response.status_code == 200
        assert response.data["forced_reasons"] == [{"rule": "head_not_above_unit", "unit_rating": "HTNV"}]

    def test_equal_to_the_unit_is_fine(self, org, as_user, director):
        UnitRating.objects.create(unit=org.a.unit, year=2026, rating="HTTNV")
        assert _decide_api(as_user(org.admin), director).status_code == 200

    def test_only_the_admin_decides_for_a_head_of_agency(self, org, as_user, director):
        UnitRating.objects.create(unit=org.a.unit, year=2026, rating="HTTNV")
        _refused_decision(as_user(org.a.officer), director, "transition_forbidden")

    def test_room_heads_are_not_concerned_by_default(self, org, cycle):
        head = ready_for_decision(evaluation_of(cycle, org.a.manager.employee), total="85")
        assert decide(head, actor=org.admin).final_rating == "HTTNV"


class OldRegimeTests:
    """2025: NĐ 90/2020 — rated by shares, absent 3 to under 6 months caps at HTNV."""

    @pytest.fixture
    def old(self, org):
        cycle = generated(org.admin, org.a.unit, year=2025)
        evaluation = evaluation_of(cycle, org.a.staff.employee)
        Evaluation.objects.filter(pk=evaluation.pk).update(
            status="PROPOSED", completed_pct=Decimal(100), exceeded_pct=Decimal(10), not_assured_pct=Decimal(0)
        )
        return Evaluation.objects.get(pk=evaluation.pk)

    def test_rated_by_shares(self, org, old):
        evaluation = decide(old, actor=org.admin)
        assert evaluation.rule_set.code == "ND90-CBCC"
        assert evaluation.final_rating == "HTTNV" and evaluation.total_score is None
        assert evaluation.snapshot["regime"] == "ND90"

    @pytest.mark.parametrize(("absent", "allowed"), [("2.99", True), ("3", False), ("5.99", False), ("6", True)])
    def test_absence_cap(self, org, as_user, old, absent, allowed):
        Evaluation.objects.filter(pk=old.pk).update(months_absent=Decimal(absent))
        if allowed:
            assert _decide_api(as_user(org.admin), old).status_code == 200
        else:
            _refused_decision(as_user(org.admin), old, "absence_cap", field="final_rating")
            assert _decide_api(as_user(org.admin), old, final_rating="HTNV").status_code == 200

    def test_no_points_on_the_old_regime(self, org, as_user, old):
        Evaluation.objects.filter(pk=old.pk).update(status="DRAFT")
        data = {
            "self_rating": "HTTNV",
            "task_lines": [{"product": "X", "assigned": 1, "done": 1, "done_to_quality": 1, "done_on_time": 1}],
        }
        url = reverse("evaluation-transition", args=[old.pk, "submit_self_assessment"])
        with unchanged(old, TaskLine.objects.all()):
            response = as_user(org.a.staff).post(url, data, format="json")
        refused(response, "task_lines_not_scored", field="task_lines")


class AnnualFromPeriodsTests:
    def test_annual_score_is_the_average_of_decided_months(self, org, as_user, cycle, staff_eval):
        for number, total in ((1, "80"), (2, "90")):
            month = generated(org.admin, org.a.unit, kind="MONTHLY", number=number)
            decide(ready_for_decision(evaluation_of(month, org.a.staff.employee), total=total), actor=org.admin)
        open_month = generated(org.admin, org.a.unit, kind="MONTHLY", number=3)
        ready_for_decision(evaluation_of(open_month, org.a.staff.employee), total="10")  # not decided: ignored
        response = as_user(org.a.staff).patch(
            reverse("evaluation-detail", args=[staff_eval.pk]), {"self_comment": "Cả năm"}, format="json"
        )
        assert response.status_code == 200
        assert response.data["score_source"] == "PERIODS"
        assert response.data["total_score"] == "85.00"
        assert response.data["computed_rating"] == "HTTNV"
        lines = {"task_lines": [{"product": "X", "assigned": 1, "done": 1, "done_to_quality": 1, "done_on_time": 1}]}
        with unchanged(staff_eval, TaskLine.objects.all()):
            response = as_user(org.a.staff).patch(
                reverse("evaluation-detail", args=[staff_eval.pk]), lines, format="json"
            )
        refused(response, "score_from_periods", field="task_lines")

    def test_without_periods_the_annual_score_is_entered(self, org, cycle, staff_eval):
        evaluation = ready_for_decision(staff_eval, total="75")
        assert evaluation.score_source == "DIRECT" and evaluation.total_score == Decimal("75")


class NotRatedTests:
    def test_no_transition_for_someone_not_rated(self, org, as_user):
        newcomer = EmployeeFactory(unit=org.a.room, recruitment_date=datetime.date(2026, 9, 1))
        user = type(org.admin).objects.create(username="moi", role="STAFF", employee=newcomer)
        cycle = generated(org.admin, org.a.unit)
        evaluation = evaluation_of(cycle, newcomer)
        url = reverse("evaluation-transition", args=[evaluation.pk, "submit_self_assessment"])
        with unchanged(evaluation):
            refused(as_user(user).post(url, {"self_rating": "HTTNV"}, format="json"), "not_rated")
            patched = as_user(user).patch(reverse("evaluation-detail", args=[evaluation.pk]), {"self_comment": "x"})
            refused(patched, "not_rated")
        refused(as_user(org.admin).get(reverse("evaluation-pdf", args=[evaluation.pk])), "not_rated")

    def test_rerun_after_a_newcomer_reaches_six_months_keeps_the_row(self, org):
        newcomer = EmployeeFactory(unit=org.a.room, recruitment_date=datetime.date(2026, 9, 1))
        cycle = generated(org.admin, org.a.unit)
        result = cycle_generate(actor=org.admin, cycle=cycle)
        assert result["created"] == 0
        assert [row["employee"] for row in result["not_rated"]] == [newcomer.pk]


SON_LA = "Quyết định 2407/QĐ-UBND (2021) của UBND tỉnh Sơn La"


class HeadReformBandTests:
    """Sơn La's plan: a head of agency answers for the agency's published reform (PAR) result."""

    @pytest.fixture
    def director(self, org):
        employee = EmployeeFactory(unit=org.a.unit, position=position("GD_SO"), full_name="Giám đốc Sở")
        UnitRating.objects.create(unit=org.a.unit, year=2026, rating="HTXSNV")
        cycle = generated(org.admin, org.a.unit)
        return ready_for_decision(evaluation_of(cycle, employee), total="85")

    def test_band_c_caps_the_head_at_completed(self, org, as_user, director):
        published_at(org.a.unit, "79.99")
        client = as_user(org.admin)
        message = _refused_decision(client, director, "head_cap", field="final_rating")
        assert "Sở Nội vụ" in message and "C" in message
        response = _decide_api(client, director, final_rating="HTNV")
        assert response.status_code == 200, response.data
        assert {"rule": "head_reform_band", "band": "C", "cap": "HTNV", "legal_basis": SON_LA} in response.data[
            "forced_reasons"
        ]

    def test_band_a_and_b_leave_the_rating_alone(self, org, as_user, director):
        published_at(org.a.unit, "80")
        response = _decide_api(as_user(org.admin), director)
        assert response.status_code == 200, response.data
        assert response.data["final_rating"] == "HTTNV"
        assert {"rule": "head_reform_band", "band": "B", "cap": None, "legal_basis": SON_LA} in response.data[
            "forced_reasons"
        ]

    def test_an_unpublished_result_does_not_count(self, org, as_user, director):
        # Submitted with no points (band D if it were published), still being appraised: only publication
        # writes the result down to hr, where the decision reads it.
        submitted(org.a.unit, officer=org.a.officer, points=lambda criterion: 0)
        assert _decide_api(as_user(org.admin), director).status_code == 200

    def test_the_rule_is_the_provinces_policy_not_the_decrees(self, org, as_user, director):
        # Ended on the last day of 2025: the 2026 evaluation, whatever its decree, is not capped.
        ProvincePolicy.objects.filter(kind=PolicyKind.HEAD_REFORM_CAP).update(valid_to=datetime.date(2025, 12, 31))
        published_at(org.a.unit, "50")
        response = _decide_api(as_user(org.admin), director)
        assert response.status_code == 200
        assert all(reason["rule"] != "head_reform_band" for reason in response.data["forced_reasons"])

    def test_a_policy_may_cover_one_agency_only(self, org, as_user, director):
        ProvincePolicy.objects.filter(kind=PolicyKind.HEAD_REFORM_CAP).update(unit=org.b.unit)
        published_at(org.a.unit, "50")
        response = _decide_api(as_user(org.admin), director)
        assert response.status_code == 200
        assert all(reason["rule"] != "head_reform_band" for reason in response.data["forced_reasons"])

    def test_policy_in_force_on_the_last_day_of_the_year_applies(self, org, as_user, director):
        ProvincePolicy.objects.filter(kind=PolicyKind.HEAD_REFORM_CAP).update(
            valid_from=datetime.date(2026, 12, 31), valid_to=datetime.date(2026, 12, 31)
        )
        published_at(org.a.unit, "79.99")
        _refused_decision(as_user(org.admin), director, "head_cap", field="final_rating")

    def test_national_rule_sets_carry_no_provincial_flag(self):
        assert not any(f.name == "head_reform_cap" for f in RuleSet._meta.get_fields())

    def test_other_staff_are_not_concerned(self, org, cycle):
        published_at(org.a.unit, "50")
        head = ready_for_decision(evaluation_of(cycle, org.a.manager.employee), total="85")
        assert decide(head, actor=org.admin).final_rating == "HTTNV"
