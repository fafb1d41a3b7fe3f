"""The scoring rules as data: task formula with deductions, leaders' formula, thresholds, old-regime shares."""

import datetime
from decimal import Decimal

import pytest

from evaluations.models import RuleSet, TaskLine
from evaluations.services.cycles import months_worked, rule_set_for
from evaluations.services.scoring import rating_for_score, rating_for_shares, task_ratios, task_score
from hr.models import Assignment
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
D = Decimal


def _line(coefficient, assigned, done, quality, on_time, errors=0, delays=0):
    return TaskLine(
        product="Sản phẩm",
        coefficient=D(coefficient),
        assigned=D(assigned),
        done=D(done),
        done_to_quality=D(quality),
        done_on_time=D(on_time),
        major_errors=errors,
        delays=delays,
    )


@pytest.fixture
def nd335():
    return RuleSet.objects.get(code="ND335-CC")


@pytest.fixture
def nd90():
    return RuleSet.objects.get(code="ND90-CBCC")


class TaskFormulaTests:
    LINES = [_line(2, 5, 5, 5, 4, errors=1), _line(1, 10, 8, 8, 8, delays=2)]

    def test_ratios_weigh_the_conversion_coefficient_and_deduct_25_percent_per_error_and_delay(self, nd335):
        ratios = task_ratios(self.LINES, nd335)
        assert ratios == {"quantity": D(90), "quality": D("87.5"), "timeliness": D("77.5")}

    def test_non_leader_task_score_is_the_average_of_three_scaled_to_70(self, nd335):
        assert task_score(components=task_ratios(self.LINES, nd335), rule_set=nd335) == D("59.50")

    def test_leader_task_score_averages_six_components(self, nd335):
        components = {**task_ratios(self.LINES, nd335), "unit": D(100), "organising": D(90), "uniting": D(80)}
        assert task_score(components=components, rule_set=nd335) == D("61.25")

    def test_missing_leader_component_gives_no_score(self, nd335):
        assert task_score(components={"quantity": D(100), "unit": None}, rule_set=nd335) is None

    def test_deductions_never_go_below_zero(self, nd335):
        ratios = task_ratios([_line(1, 2, 2, 1, 1, errors=9, delays=9)], nd335)
        assert ratios["quality"] == 0 and ratios["timeliness"] == 0 and ratios["quantity"] == 100

    def test_nothing_assigned_gives_no_ratios(self, nd335):
        assert task_ratios([], nd335) is None
        assert task_ratios([_line(1, 0, 0, 0, 0)], nd335) is None

    def test_deduction_rate_is_data(self, nd335):
        nd335.error_deduction_pct = D(50)
        assert task_ratios([_line(1, 4, 4, 4, 4, errors=2)], nd335)["quality"] == D(75)


class ThresholdTests:
    @pytest.mark.parametrize(
        ("score", "rating"),
        [
            ("0", "KHTNV"),
            ("49.99", "KHTNV"),
            ("50", "HTNV"),
            ("69.99", "HTNV"),
            ("70", "HTTNV"),
            ("89.99", "HTTNV"),
            ("90", "HTXSNV"),
            ("100", "HTXSNV"),
        ],
    )
    def test_boundaries(self, nd335, score, rating):
        assert rating_for_score(nd335, D(score)) == rating

    def test_no_score_no_rating(self, nd335):
        assert rating_for_score(nd335, None) == ""

    @pytest.mark.parametrize(
        ("completed", "exceeded", "not_assured", "rating"),
        [
            ("100", "50", "0", "HTXSNV"),
            ("100", "49.99", "0", "HTTNV"),
            ("99", "60", "20", "HTNV"),
            ("80", "0", "20.01", "KHTNV"),
        ],
    )
    def test_old_regime_rates_by_shares(self, nd90, completed, exceeded, not_assured, rating):
        assert (
            rating_for_shares(
                nd90, completed_pct=D(completed), exceeded_pct=D(exceeded), not_assured_pct=D(not_assured)
            )
            == rating
        )


class RuleSetChoiceTests:
    @pytest.mark.parametrize(
        ("day", "category", "code"),
        [
            (datetime.date(2025, 12, 31), "CONG_CHUC", "ND90-CBCC"),
            (datetime.date(2026, 1, 31), "CONG_CHUC", "ND335-CC"),
            (datetime.date(2026, 3, 31), "CAN_BO", "ND335-CC"),
            (datetime.date(2026, 6, 30), "VIEN_CHUC", "ND90-VC"),
            (datetime.date(2026, 7, 31), "VIEN_CHUC", "ND233-VC"),
            (datetime.date(2026, 12, 31), "HOP_DONG", None),
        ],
    )
    def test_rules_are_chosen_by_date_and_category(self, day, category, code):
        rule_set = rule_set_for(category, list(RuleSet.objects.in_force_on(day)))
        assert (rule_set.code if rule_set else None) == code


class MonthsWorkedTests:
    @pytest.mark.parametrize(
        ("recruited", "months"),
        [
            (datetime.date(2015, 3, 1), D("12.00")),
            (datetime.date(2026, 7, 1), D("6.00")),
            (datetime.date(2026, 7, 2), D("5.97")),
            (datetime.date(2026, 12, 1), D("1.00")),
        ],
    )
    def test_from_the_recruitment_date(self, recruited, months):
        assert months_worked(EmployeeFactory(recruitment_date=recruited), 2026) == months

    def test_from_the_assignments_with_a_gap(self):
        employee = EmployeeFactory(recruitment_date=datetime.date(2020, 1, 1))
        for start, end in [
            (datetime.date(2020, 1, 1), datetime.date(2026, 3, 31)),
            (datetime.date(2026, 10, 1), None),
        ]:
            Assignment.objects.create(employee=employee, unit=employee.unit, start_date=start, end_date=end)
        assert months_worked(employee, 2026) == D("6.00")
