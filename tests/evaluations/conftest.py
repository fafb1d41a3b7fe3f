"""Fixtures of the evaluation tests: an annual 2026 cycle over agency A, and a way to walk an evaluation."""

import pytest

from evaluations.models import Evaluation
from evaluations.services.workflow import evaluation_transition
from tests.evaluations.factories import FULL_LINE, evaluation_of, general_scores, generated

STEPS = ["DRAFT", "SELF_ASSESSED", "COMMENTED", "REVIEWED", "PROPOSED", "DECIDED", "NOTIFIED"]


def body(name: str, evaluation: Evaluation) -> dict:
    """A valid request body for each transition of the standard workflow (JSON-ready)."""
    if name == "submit_self_assessment":
        scores = [{"criterion": s["criterion"], "self_points": "10"} for s in general_scores(evaluation, [10, 10, 10])]
        line = {k: (str(v) if not isinstance(v, int | str) else v) for k, v in FULL_LINE.items()}
        return {"self_rating": "HTTNV", "scores": scores, "task_lines": [line]}
    return {
        "record_minutes": {"collective_minutes": "Biên bản họp ngày 01/12/2026.", "minutes_date": "2026-12-01"},
        "return_to_employee": {"return_reason": "Bổ sung minh chứng."},
        "return_for_review": {"return_reason": "Xem lại điểm."},
        "review": {"manager_comment": "Hoàn thành tốt nhiệm vụ."},
        "propose": {"proposed_rating": "HTTNV"},
        "decide": {"decision_number": "QĐ 15/QĐ-SNV"},
        "notify": {},
    }[name]


FORWARD = {
    "SELF_ASSESSED": ("submit_self_assessment", "self"),
    "COMMENTED": ("record_minutes", "officer"),
    "REVIEWED": ("review", "manager"),
    "PROPOSED": ("propose", "proposer"),
    # The province administration enters the decision on the competent person's behalf: not the proposer.
    "DECIDED": ("decide", "decider"),
    "NOTIFIED": ("notify", "officer"),
}


def _service_data(name, evaluation):
    from evaluations.serializers.evaluations import EvaluationInputSerializer

    serializer = EvaluationInputSerializer(data=body(name, evaluation))
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


@pytest.fixture
def cycle(org):
    return generated(org.admin, org.a.unit)


@pytest.fixture
def walk(org):
    """walk(evaluation, state, self_user=..., reviewer=..., decider=...) → the evaluation in that state."""

    def _walk(evaluation, state, *, self_user=None, reviewer=None, officer=None, proposer=None, decider=None):
        actors = {
            "self": self_user or org.a.staff,
            "manager": reviewer or org.a.manager,
            "officer": officer or org.a.officer,
            "proposer": proposer or officer or org.a.officer,
            "decider": decider or org.admin,
        }
        for step in STEPS[1 : STEPS.index(state) + 1]:
            name, who = FORWARD[step]
            evaluation_transition(
                actor=actors[who], evaluation=evaluation, name=name, data=_service_data(name, evaluation)
            )
        return Evaluation.objects.get(pk=evaluation.pk)

    return _walk


@pytest.fixture
def staff_eval(org, cycle):
    return evaluation_of(cycle, org.a.staff.employee)
