"""Share of people evaluated on time per unit: the figure the reform appraisal reads."""

import datetime
from decimal import Decimal

import pytest

from evaluations.models import Evaluation
from evaluations.selectors.statistics import evaluation_timeliness
from evaluations.services.workflow import evaluation_transition
from tests.evaluations.factories import decide, evaluation_of, general_scores, generated, line, ready_for_decision
from tests.refusals import refusal, unchanged

pytestmark = pytest.mark.django_db


def _decide_on(evaluation: Evaluation, actor, day: datetime.date) -> None:
    decide(ready_for_decision(evaluation, total="80"), actor=actor)
    Evaluation.objects.filter(pk=evaluation.pk).update(decided_on=day)


class TimelinessTests:
    def test_no_cycle_means_nobody_due(self, org):
        assert evaluation_timeliness(unit=org.a.unit, year=2026) == {
            "due": 0,
            "on_time": 0,
            "on_time_pct": Decimal("0.00"),
        }

    def test_rule_set_deadline_and_its_exact_day(self, org):
        cycle = generated(org.admin, org.a.unit)
        staff, manager = org.a.staff.employee, org.a.manager.employee
        # NĐ 335 rule data: the annual decision is due by 14 December.
        _decide_on(evaluation_of(cycle, staff), org.admin, datetime.date(2026, 12, 14))
        _decide_on(evaluation_of(cycle, manager), org.admin, datetime.date(2026, 12, 15))
        figures = evaluation_timeliness(unit=org.a.unit, year=2026)
        # The officer's own evaluation in the agency is due and still open.
        assert figures == {"due": 3, "on_time": 1, "on_time_pct": Decimal("33.33")}
        assert evaluation_timeliness(unit=org.a.room, year=2026)["due"] == 2

    def test_cycle_deadline_wins_and_other_units_do_not_count(self, org):
        cycle = generated(org.admin, org.a.unit)
        cycle.decision_deadline = datetime.date(2026, 11, 30)
        cycle.save()
        generated(org.admin, org.b.unit)
        _decide_on(evaluation_of(cycle, org.a.staff.employee), org.admin, datetime.date(2026, 12, 1))
        assert evaluation_timeliness(unit=org.a.unit, year=2026)["on_time"] == 0
        assert evaluation_timeliness(unit=org.b.unit, year=2026) == {
            "due": 3,
            "on_time": 0,
            "on_time_pct": Decimal("0.00"),
        }
        assert evaluation_timeliness(unit=org.a.unit, year=2025)["due"] == 0


class DatedStepTests:
    """Steps taken on paper and entered afterwards keep the day they were taken."""

    def test_a_dated_decision_counts_on_its_day(self, org):
        cycle = generated(org.admin, org.a.unit)
        evaluation = ready_for_decision(evaluation_of(cycle, org.a.staff.employee), total="80")
        evaluation_transition(
            actor=org.admin, evaluation=evaluation, name="decide", data={"decision_number": "QĐ 9"}, on=PAST
        )
        evaluation.refresh_from_db()
        assert evaluation.decided_on == PAST
        assert evaluation.snapshot["decided_on"] == PAST.isoformat()  # the printed form carries the paper's day
        assert evaluation_timeliness(unit=org.a.room, year=cycle.year)["on_time"] == 1

    def test_a_step_cannot_be_dated_in_the_future(self, org):
        cycle = generated(org.admin, org.a.unit)
        evaluation = evaluation_of(cycle, org.a.staff.employee)
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        with unchanged(evaluation), refusal("future_date", field="on"):
            submit_on(evaluation, org.a.staff, tomorrow)
        assert Evaluation.objects.get(pk=evaluation.pk).status == "DRAFT"

    def test_nor_before_the_self_assessment(self, org):
        cycle = generated(org.admin, org.a.unit)
        evaluation = evaluation_of(cycle, org.a.staff.employee)
        submit_on(evaluation, org.a.staff, PAST)
        assert Evaluation.objects.get(pk=evaluation.pk).self_signed_on == PAST
        with unchanged(evaluation), refusal("before_self_assessment", field="on"):
            evaluation_transition(
                actor=org.a.officer,
                evaluation=evaluation,
                name="record_minutes",
                data={"collective_minutes": "Tập thể thống nhất.", "minutes_date": PAST},
                on=PAST - datetime.timedelta(days=1),
            )
        assert Evaluation.objects.get(pk=evaluation.pk).status == "SELF_ASSESSED"


PAST = datetime.date(2025, 12, 10)


def submit_on(evaluation: Evaluation, user, day: datetime.date) -> None:
    data = {"self_rating": "HTTNV"}
    if evaluation.rule_set.scoring_method == "POINTS":
        data["scores"] = general_scores(evaluation, [10, 10, 10])
        data["task_lines"] = [line()]
    evaluation_transition(actor=user, evaluation=evaluation, name="submit_self_assessment", data=data, on=day)
