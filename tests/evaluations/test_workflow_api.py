"""The workflow over HTTP: allowed actions, each transition for each role (allowed / 403 / 409), field edits."""

import pytest
from django.urls import reverse

from evaluations.models import CriterionScore, Evaluation, TaskLine, Transition
from hr.models import RatingLevel
from tests.evaluations.conftest import body
from tests.evaluations.factories import evaluation_of
from tests.factories import EmployeeFactory, position
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


def _url(evaluation, name=None):
    if name is None:
        return reverse("evaluation-detail", args=[evaluation.pk])
    return reverse("evaluation-transition", args=[evaluation.pk, name])


def _actions(evaluation):
    return reverse("evaluation-allowed-actions", args=[evaluation.pk])


def _user(org, who):
    return org.admin if who == "admin" else getattr(org.a, who)


# transition, state it leaves, who may take it, who may not (403)
MATRIX = [
    ("submit_self_assessment", "DRAFT", ["staff"], ["manager", "officer", "admin"]),
    ("record_minutes", "SELF_ASSESSED", ["manager", "officer"], ["staff", "admin"]),
    ("return_to_employee", "SELF_ASSESSED", ["manager"], ["officer", "staff", "admin"]),
    ("return_to_employee", "COMMENTED", ["manager"], ["officer", "staff", "admin"]),
    ("review", "COMMENTED", ["manager"], ["officer", "staff", "admin"]),
    ("propose", "REVIEWED", ["officer", "admin"], ["manager", "staff"]),
    ("return_for_review", "PROPOSED", ["officer", "admin"], ["manager", "staff"]),
    ("decide", "PROPOSED", ["officer", "admin"], ["manager", "staff"]),
    ("notify", "DECIDED", ["officer", "admin"], ["manager", "staff"]),
]
# a state each transition cannot leave from
WRONG_STATE = {
    "submit_self_assessment": "SELF_ASSESSED",
    "record_minutes": "DRAFT",
    "return_to_employee": "REVIEWED",
    "review": "SELF_ASSESSED",
    "propose": "COMMENTED",
    "return_for_review": "REVIEWED",
    "decide": "REVIEWED",
    "notify": "PROPOSED",
}


class TransitionMatrixTests:
    @pytest.mark.parametrize(
        ("name", "state", "who"), [(name, state, who) for name, state, allowed, _ in MATRIX for who in allowed]
    )
    def test_allowed(self, org, as_user, staff_eval, walk, name, state, who):
        # Whoever proposed does not decide: an officer decides what the administration proposed.
        evaluation = walk(staff_eval, state, proposer=org.admin if (name, who) == ("decide", "officer") else None)
        response = as_user(_user(org, who)).post(_url(evaluation, name), body(name, evaluation), format="json")
        assert response.status_code == 200, response.data
        assert response.data["status"] == Transition.objects.get(name=name, source__code=state).target.code

    @pytest.mark.parametrize(("name", "state", "allowed", "forbidden"), MATRIX)
    def test_forbidden_roles(self, org, as_user, staff_eval, walk, name, state, allowed, forbidden):
        evaluation = walk(staff_eval, state)
        for who in forbidden:
            with unchanged(evaluation):
                response = as_user(_user(org, who)).post(_url(evaluation, name), body(name, evaluation), format="json")
            refused(response, "transition_forbidden")
        assert Evaluation.objects.get(pk=evaluation.pk).status == state

    @pytest.mark.parametrize(("name", "state", "allowed", "forbidden"), MATRIX)
    def test_wrong_state(self, org, as_user, staff_eval, walk, name, state, allowed, forbidden):
        wrong = WRONG_STATE[name]
        evaluation = walk(staff_eval, wrong)
        with unchanged(evaluation):
            response = as_user(_user(org, allowed[0])).post(
                _url(evaluation, name), body(name, evaluation), format="json"
            )
        assert "không thực hiện được" in refused(response, "wrong_state")
        assert Evaluation.objects.get(pk=evaluation.pk).status == wrong

    def test_out_of_scope_is_404(self, org, as_user, staff_eval):
        for user in (org.b.officer, org.b.manager, org.b.staff):
            response = as_user(user).post(_url(staff_eval, "submit_self_assessment"), {}, format="json")
            assert response.status_code == 404

    def test_unknown_action_is_404(self, org, as_user, staff_eval):
        assert as_user(org.a.staff).post(_url(staff_eval, "approve_all"), {}, format="json").status_code == 404

    def test_messages_are_vietnamese(self, org, as_user, staff_eval, walk):
        response = as_user(org.a.manager).post(_url(staff_eval, "submit_self_assessment"), {}, format="json")
        assert "Vai trò của bạn" in refused(response, "transition_forbidden")
        evaluation = walk(staff_eval, "SELF_ASSESSED")
        response = as_user(org.a.staff).post(_url(evaluation, "submit_self_assessment"), {}, format="json")
        assert "Đã tự đánh giá" in refused(response, "wrong_state")


class TransitionInputTests:
    def _refused_submission(self, as_user, org, evaluation, data, code, field) -> str:
        """The self-assessment is refused by `code` on `field`; nothing of the evaluation was written."""
        rows = (evaluation, CriterionScore.objects.all(), TaskLine.objects.all())
        with unchanged(*rows):
            response = as_user(org.a.staff).post(_url(evaluation, "submit_self_assessment"), data, format="json")
        return refused(response, code, field=field, status=400)

    def test_required_field(self, org, as_user, staff_eval):
        self._refused_submission(as_user, org, staff_eval, {}, "required", "self_rating")

    def test_field_of_another_step(self, org, as_user, staff_eval):
        data = {"self_rating": "HTTNV", "manager_comment": "Tự khen"}
        self._refused_submission(as_user, org, staff_eval, data, "field_not_in_action", "manager_comment")
        assert Evaluation.objects.get(pk=staff_eval.pk).manager_comment == ""

    @pytest.mark.parametrize(
        ("data", "field", "code"),
        [
            ({"self_rating": "XUAT_SAC"}, "self_rating", "invalid_choice"),
            ({"self_rating": "HTTNV", "total_score": 100}, "total_score", "invalid"),
            ({"self_rating": "HTTNV", "scores": [{"criterion": 1, "self_points": "-1"}]}, "scores", "min_value"),
            ({"self_rating": "HTTNV", "scores": "nhiều"}, "scores", "not_a_list"),
            ({"self_rating": "HTTNV", "completed_pct": "101"}, "completed_pct", "max_value"),
            ({"self_rating": "HTTNV", "task_lines": [{"product": "X"}]}, "task_lines", "required"),
        ],
    )
    def test_bad_input(self, org, as_user, staff_eval, data, field, code):
        self._refused_submission(as_user, org, staff_eval, data, code, field)

    def test_points_above_the_criterion_maximum(self, org, as_user, staff_eval):
        data = body("submit_self_assessment", staff_eval)
        data["scores"][0]["self_points"] = "10.5"
        message = self._refused_submission(as_user, org, staff_eval, data, "points_out_of_range", "scores")
        assert "tối đa 10 điểm" in message

    def test_task_line_done_above_assigned(self, org, as_user, staff_eval):
        data = body("submit_self_assessment", staff_eval)
        data["task_lines"][0]["done"] = "11"
        self._refused_submission(as_user, org, staff_eval, data, "task_line_inconsistent", "task_lines")

    def test_unknown_criterion(self, org, as_user, staff_eval):
        data = {"self_rating": "HTTNV", "scores": [{"criterion": 999999, "self_points": "1"}]}
        self._refused_submission(as_user, org, staff_eval, data, "unknown_criterion", "scores")

    def test_submission_scores_the_evaluation(self, org, as_user, staff_eval):
        response = as_user(org.a.staff).post(
            _url(staff_eval, "submit_self_assessment"), body("submit_self_assessment", staff_eval), format="json"
        )
        assert response.status_code == 200
        data = response.data
        assert (data["general_score"], data["task_score"], data["total_score"]) == ("30.00", "70.00", "100.00")
        assert data["computed_rating"] == RatingLevel.EXCELLENT
        assert data["self_signed_on"] is not None
        assert data["task_components"] == {"SO_LUONG": "100.00", "CHAT_LUONG": "100.00", "TIEN_DO": "100.00"}


class AllowedActionsTests:
    def test_each_role_in_draft(self, org, as_user, staff_eval):
        staff = as_user(org.a.staff).get(_actions(staff_eval)).data
        assert [t["name"] for t in staff["transitions"]] == ["submit_self_assessment"]
        assert "self_rating" in staff["editable_fields"] and "scores.self_points" in staff["editable_fields"]
        assert staff["actor_kinds"] == ["SELF"] and staff["locked"] is False
        for user in (org.a.manager, org.a.officer, org.admin):
            data = as_user(user).get(_actions(staff_eval)).data
            assert data["transitions"] == [] and data["editable_fields"] == []

    def test_reviewed_stage(self, org, as_user, staff_eval, walk):
        evaluation = walk(staff_eval, "REVIEWED")
        officer = as_user(org.a.officer).get(_actions(evaluation)).data
        assert [t["name"] for t in officer["transitions"]] == ["propose"]
        assert set(officer["editable_fields"]) == {
            "proposed_rating",
            "handling_proposal",
            "duty_group",
            "months_absent",
        }
        assert as_user(org.a.manager).get(_actions(evaluation)).data["transitions"] == []

    def test_out_of_scope(self, org, as_user, staff_eval):
        assert as_user(org.b.officer).get(_actions(staff_eval)).status_code == 404
        assert as_user(org.b.staff).get(_actions(staff_eval)).status_code == 404


class HeadOfAgencyTests:
    """Heads of agencies are reviewed and decided by the province administration (the higher authority)."""

    @pytest.fixture
    def director_eval(self, org):
        director = EmployeeFactory(unit=org.a.unit, position=position("GD_SO"), full_name="Giám đốc Sở")
        from evaluations.models import EvaluationCycle
        from evaluations.services.cycles import cycle_generate

        cycle = EvaluationCycle.objects.get(scope_unit=org.a.unit)
        cycle_generate(actor=org.admin, cycle=cycle)
        return evaluation_of(cycle, director), director

    def test_review_and_proposal_belong_to_the_admin(self, org, as_user, cycle, director_eval, walk):
        evaluation, director = director_eval
        director_user = type(org.admin).objects.create(username="director", role="STAFF", employee=director)
        evaluation = walk(evaluation, "COMMENTED", self_user=director_user, reviewer=org.admin)
        # The room's manager does not even see the head of the agency.
        with unchanged(evaluation):
            assert as_user(org.a.manager).post(_url(evaluation, "review"), {"manager_comment": "x"}).status_code == 404
            refused(
                as_user(org.a.officer).post(_url(evaluation, "review"), {"manager_comment": "x"}),
                "transition_forbidden",
            )
        response = as_user(org.admin).post(_url(evaluation, "review"), {"manager_comment": "Tốt"}, format="json")
        assert response.status_code == 200
        with unchanged(evaluation):
            response = as_user(org.a.officer).post(_url(evaluation, "propose"), {"proposed_rating": "HTTNV"})
        refused(response, "transition_forbidden")


class FieldEditTests:
    def test_staff_edits_their_draft(self, org, as_user, staff_eval):
        response = as_user(org.a.staff).patch(_url(staff_eval), {"self_comment": "Đã hoàn thành"}, format="json")
        assert response.status_code == 200
        assert response.data["self_comment"] == "Đã hoàn thành"

    def test_scores_recompute_while_open(self, org, as_user, staff_eval):
        data = body("submit_self_assessment", staff_eval)
        data["scores"][0]["self_points"] = "5"
        data["task_lines"][0]["done_on_time"] = "7"
        data["task_lines"][0]["delays"] = 2
        response = as_user(org.a.staff).patch(_url(staff_eval), data, format="json")
        assert response.status_code == 200, response.data
        # Timeliness (7 − 2 × 25%) / 10 = 65%; task = (100 + 100 + 65) / 3 × 0,7 = 61,83
        assert response.data["task_score"] == "61.83"
        assert response.data["total_score"] == "86.83"
        assert response.data["computed_rating"] == "HTTNV"

    def test_another_role_field_is_403(self, org, as_user, staff_eval):
        with unchanged(staff_eval):
            response = as_user(org.a.staff).patch(_url(staff_eval), {"manager_comment": "x"}, format="json")
        refused(response, "field_not_editable", field="manager_comment")

    def test_nothing_to_edit_now_is_403(self, org, as_user, staff_eval):
        with unchanged(staff_eval):
            for user in (org.a.manager, org.a.officer, org.admin):
                response = as_user(user).patch(_url(staff_eval), {"self_comment": "x"}, format="json")
                refused(response, "stage_not_editable")

    def test_officer_sets_duty_group_when_proposing(self, org, as_user, staff_eval, walk):
        evaluation = walk(staff_eval, "REVIEWED")
        response = as_user(org.a.officer).patch(
            _url(evaluation), {"duty_group": "Chuyên viên", "months_absent": "1.5"}, format="json"
        )
        assert response.status_code == 200
        assert response.data["duty_group"] == "Chuyên viên"

    def test_out_of_scope_is_404(self, org, as_user, staff_eval):
        assert as_user(org.b.officer).patch(_url(staff_eval), {"self_comment": "x"}, format="json").status_code == 404

    def test_bad_input(self, org, as_user, staff_eval):
        with unchanged(staff_eval):
            response = as_user(org.a.staff).patch(_url(staff_eval), {"self_rating": "?"}, format="json")
        refused(response, "invalid_choice", field="self_rating", status=400)

    def test_history_records_who_edited(self, org, as_user, staff_eval):
        as_user(org.a.staff).patch(_url(staff_eval), {"self_comment": "Lần 1"}, format="json")
        response = as_user(org.a.staff).get(reverse("evaluation-history", args=[staff_eval.pk]))
        assert response.data["results"][0]["history_user"] == org.a.staff.username
        assert {"field": "self_comment", "old": "", "new": "Lần 1"} in response.data["results"][0]["changes"]

    def test_no_delete(self, org, as_user, staff_eval):
        assert as_user(org.admin).delete(_url(staff_eval)).status_code == 405
