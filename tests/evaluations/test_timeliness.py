"""Share of people evaluated on time per unit: the figure the reform appraisal reads."""

import datetime
from decimal import Decimal

import pytest

from evaluations.models import Evaluation
from evaluations.selectors.statistics import evaluation_timeliness
from tests.evaluations.factories import decide, evaluation_of, generated, ready_for_decision

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
