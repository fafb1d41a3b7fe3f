"""NĐ 90/2020: a head is rated by the units they lead too (DOMAIN.md §1.4), as rows of the rule set.

HTXSNV needs every unit led HTNV or better and at least 70 % of them HTTNV or better; HTTNV needs every unit
led HTNV or better. Rule sets without such rows (NĐ 335/2025) do not look at the units.
"""

import datetime

import pytest
from django.urls import reverse

from evaluations.models import Evaluation, LeaderUnitRule
from evaluations.services.scoring import evaluation_recompute
from hr.models import AnnualRating, UnitKind, UnitRating
from tests.evaluations.factories import generated, ready_for_decision
from tests.factories import EmployeeFactory, OrgUnitFactory, position
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


def _decide(client, evaluation, rating):
    url = reverse("evaluation-transition", args=[evaluation.pk, "decide"])
    return client.post(url, {"decision_number": "QĐ 7", "final_rating": rating}, format="json")


def _rooms(org, count: int, **fields) -> list:
    """`count` more rooms under agency A, besides its own room."""
    return [
        OrgUnitFactory(
            code=f"SNV-R{n}", name=f"Phòng {n}", kind=UnitKind.ROOM, level=org.a.unit.level, parent=org.a.unit, **fields
        )
        for n in range(count)
    ]


def _rate(units, ratings, year: int = 2025) -> None:
    for unit, rating in zip(units, ratings, strict=True):
        UnitRating.objects.create(unit=unit, year=year, rating=rating)


def _head_evaluation(org, year: int = 2025) -> Evaluation:
    """The director of agency A (head of an agency), proposed and worth HTXSNV by the rules of `year`."""
    director = EmployeeFactory(unit=org.a.unit, full_name="Giám đốc Sở", position=position("GD_SO"))
    cycle = generated(org.admin, org.a.unit, year=year)
    evaluation = Evaluation.objects.get(cycle=cycle, employee=director)
    assert evaluation.is_unit_head and evaluation.is_agency_head
    if evaluation.rule_set.scoring_method == "POINTS":
        return ready_for_decision(evaluation, total="95")
    evaluation.completed_pct, evaluation.exceeded_pct, evaluation.not_assured_pct = 100, 60, 0
    evaluation.unit_result_pct = evaluation.organising_pct = evaluation.uniting_pct = 100
    evaluation.status = "PROPOSED"
    evaluation_recompute(evaluation)
    evaluation.save()
    assert evaluation.computed_rating == "HTXSNV"
    return evaluation


def _refused(client, evaluation, rating, code):
    with unchanged(evaluation, AnnualRating.objects.all()):
        response = _decide(client, evaluation, rating)
    refused(response, code, field="final_rating" if code != "led_units_unrated" else None)
    assert Evaluation.objects.get(pk=evaluation.pk).status == "PROPOSED"


def test_the_rows_are_data_of_the_nd90_rule_sets():
    rows = LeaderUnitRule.objects.order_by("rule_set__code", "leader_rating")
    assert [(r.rule_set.code, r.leader_rating, r.min_unit_rating, r.min_good_pct) for r in rows] == [
        ("ND90-CBCC", "HTTNV", "HTNV", None),
        ("ND90-CBCC", "HTXSNV", "HTNV", 70),
        ("ND90-VC", "HTTNV", "HTNV", None),
        ("ND90-VC", "HTXSNV", "HTNV", 70),
    ]
    assert all(r.legal_basis.startswith("NĐ 90/2020") and r.history.count() == 1 for r in rows)


class WellCompletedTests:
    def test_refused_while_a_unit_led_did_not_complete(self, org, as_user):
        evaluation = _head_evaluation(org)
        (other,) = _rooms(org, 1)
        _rate([org.a.room, other], ["HTTNV", "KHTNV"])
        _refused(as_user(org.admin), evaluation, "HTTNV", "led_unit_below")

    def test_every_unit_completed_is_enough(self, org, as_user):
        evaluation = _head_evaluation(org)
        (other,) = _rooms(org, 1)
        _rate([org.a.room, other], ["HTNV", "HTNV"])
        response = _decide(as_user(org.admin), evaluation, "HTTNV")
        assert response.status_code == 200, response.data
        applied = next(r for r in response.data["forced_reasons"] if r["rule"] == "leader_units")
        assert applied == {"rule": "leader_units", "units": 2, "rated": 2, "good_or_better": 0}

    def test_completed_needs_nothing_of_the_units(self, org, as_user):
        evaluation = _head_evaluation(org)
        _rate([org.a.room], ["KHTNV"])
        assert _decide(as_user(org.admin), evaluation, "HTNV").status_code == 200


class ExcellentTests:
    def test_seventy_percent_well_completed_exactly(self, org, as_user):
        evaluation = _head_evaluation(org)
        units = [org.a.room, *_rooms(org, 9)]
        _rate(units, ["HTTNV"] * 6 + ["HTXSNV"] + ["HTNV"] * 3)
        assert _decide(as_user(org.admin), evaluation, "HTXSNV").status_code == 200

    def test_below_seventy_percent_is_refused(self, org, as_user):
        evaluation = _head_evaluation(org)
        units = [org.a.room, *_rooms(org, 9)]
        _rate(units, ["HTTNV"] * 6 + ["HTNV"] * 4)
        _refused(as_user(org.admin), evaluation, "HTXSNV", "led_units_share")

    def test_a_unit_below_completed_is_refused_even_with_the_share(self, org, as_user):
        evaluation = _head_evaluation(org)
        units = [org.a.room, *_rooms(org, 9)]
        _rate(units, ["HTXSNV"] * 9 + ["KHTNV"])
        _refused(as_user(org.admin), evaluation, "HTXSNV", "led_unit_below")


class UnitsOfTheYearTests:
    def test_an_unrated_unit_is_refused_until_it_is_rated(self, org, as_user):
        evaluation = _head_evaluation(org)
        _rooms(org, 1)
        _rate([org.a.room], ["HTTNV"])
        _refused(as_user(org.admin), evaluation, "HTTNV", "led_units_unrated")

    def test_units_not_in_existence_during_the_year_do_not_count(self, org, as_user):
        evaluation = _head_evaluation(org)
        _rooms(org, 1, valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2024, 12, 31))
        OrgUnitFactory(
            code="SNV-NEW",
            name="Phòng mới",
            kind=UnitKind.ROOM,
            level=org.a.unit.level,
            parent=org.a.unit,
            valid_from=datetime.date(2026, 1, 1),
        )
        _rate([org.a.room], ["HTTNV"])
        response = _decide(as_user(org.admin), evaluation, "HTTNV")
        assert response.status_code == 200, response.data

    def test_a_unit_closed_on_the_first_day_of_the_year_counts(self, org, as_user):
        evaluation = _head_evaluation(org)
        (closed,) = _rooms(org, 1, valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2025, 1, 1))
        _rate([org.a.room, closed], ["HTTNV", "KHTNV"])
        _refused(as_user(org.admin), evaluation, "HTTNV", "led_unit_below")


class OtherRulesTests:
    def test_the_new_decree_has_no_such_rows(self, org, as_user):
        evaluation = _head_evaluation(org, year=2026)
        assert evaluation.rule_set.code == "ND335-CC"
        _rate([org.a.unit, org.a.room], ["HTXSNV", "KHTNV"], year=2026)
        assert _decide(as_user(org.admin), evaluation, "HTXSNV").status_code == 200

    def test_a_deputy_is_not_checked(self, org, as_user):
        deputy = EmployeeFactory(unit=org.a.unit, position=position("PGD_SO"))
        cycle = generated(org.admin, org.a.unit, year=2025)
        evaluation = Evaluation.objects.get(cycle=cycle, employee=deputy)
        evaluation.completed_pct, evaluation.exceeded_pct, evaluation.not_assured_pct = 100, 60, 0
        evaluation.unit_result_pct = evaluation.organising_pct = evaluation.uniting_pct = 100
        evaluation.status = "PROPOSED"
        evaluation_recompute(evaluation)
        evaluation.save()
        _rate([org.a.room], ["KHTNV"])
        assert _decide(as_user(org.admin), evaluation, "HTTNV").status_code == 200
