"""The quota's base counts people by the rating the rules allow them (DOMAIN.md §1.2, §1.4).

Someone disciplined for duty in the year is decided KHTNV whatever was proposed for them, so they are not among
those rated HTTNV or better on whom the 20 % is counted; nor is anyone the absence cap of NĐ 90 holds at HTNV.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from evaluations.models import Evaluation, RuleSet
from evaluations.services.scoring import evaluation_recompute
from hr.models import AnnualRating
from hr.services.discipline import discipline_record_create
from tests.evaluations.factories import generated, people, ready_for_decision
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


def _decide(client, evaluation):
    url = reverse("evaluation-transition", args=[evaluation.pk, "decide"])
    return client.post(url, {"decision_number": "QĐ 99", "final_rating": "HTXSNV"}, format="json")


def _groups(response) -> list[dict]:
    return next(r for r in response.data["forced_reasons"] if r["rule"] == "quota")["groups"]


def _discipline(employee, day: datetime.date, *, duty_related: bool = True):
    return discipline_record_create(
        actor=None,
        employee=employee,
        form="KHIEN_TRACH",
        decision_number=f"{employee.pk}/QĐ-SNV",
        issuing_authority="Giám đốc Sở Nội vụ",
        decision_date=day,
        effective_date=day,
        violation_date=day - datetime.timedelta(days=30),
        reason="Vi phạm quy chế làm việc",
        severity="IT_NGHIEM_TRONG",
        duty_related=duty_related,
    )


def _group(org, year: int) -> list[Evaluation]:
    """Ten people of agency A proposed HTTNV, each worth HTXSNV by the rules (basis 10, quota 2)."""
    people(org.a.room, 7)
    cycle = generated(org.admin, org.a.unit, year=year)
    evaluations = list(Evaluation.objects.filter(cycle=cycle).order_by("pk"))
    assert len(evaluations) == 10
    for evaluation in evaluations:
        if evaluation.rule_set.scoring_method == "POINTS":
            ready_for_decision(evaluation, total="95", proposed="HTTNV")
            continue
        # NĐ 90 rates by shares of tasks: all done, more than half exceeded.
        evaluation.completed_pct, evaluation.exceeded_pct, evaluation.not_assured_pct = 100, 60, 0
        if evaluation.is_leader:
            evaluation.unit_result_pct = evaluation.organising_pct = evaluation.uniting_pct = 100
        evaluation.status, evaluation.proposed_rating = "PROPOSED", "HTTNV"
        evaluation_recompute(evaluation)
        evaluation.save()
    return evaluations


class DisciplineTests:
    """A 2025 cycle (NĐ 90), so that both ends of the year and the next year's first day are in the past."""

    @pytest.fixture
    def ten(self, org):
        return _group(org, 2025)

    def test_people_disciplined_for_duty_in_the_year_leave_the_basis(self, org, as_user, ten):
        for evaluation in ten[5:]:
            _discipline(evaluation.employee, datetime.date(2025, 3, 3))
        client = as_user(org.admin)
        first = _decide(client, Evaluation.objects.get(pk=ten[0].pk))
        assert first.status_code == 200, first.data
        assert _groups(first) == [{"size": 10, "basis": 5, "allowed": 1, "used": 1}]
        with unchanged(Evaluation.objects.filter(pk=ten[1].pk), AnnualRating.objects.all()):
            refused(_decide(client, Evaluation.objects.get(pk=ten[1].pk)), "quota_exceeded")

    @pytest.mark.parametrize(
        ("day", "duty_related"),
        [(datetime.date(2024, 12, 31), True), (datetime.date(2026, 1, 1), True), (datetime.date(2025, 6, 2), False)],
        ids=["the-year-before", "the-year-after", "not-for-duty"],
    )
    def test_other_discipline_keeps_them_in_the_basis(self, org, as_user, ten, day, duty_related):
        for evaluation in ten[5:]:
            _discipline(evaluation.employee, day, duty_related=duty_related)
        response = _decide(as_user(org.admin), Evaluation.objects.get(pk=ten[0].pk))
        assert _groups(response) == [{"size": 10, "basis": 10, "allowed": 2, "used": 1}]

    def test_the_first_and_last_day_of_the_year_count(self, org, as_user, ten):
        _discipline(ten[5].employee, datetime.date(2025, 1, 1))
        _discipline(ten[6].employee, datetime.date(2025, 12, 31))
        response = _decide(as_user(org.admin), Evaluation.objects.get(pk=ten[0].pk))
        assert _groups(response) == [{"size": 10, "basis": 8, "allowed": 1, "used": 1}]

    def test_under_the_new_decree_too(self, org, as_user):
        ten = _group(org, 2026)
        for evaluation in ten[5:]:
            _discipline(evaluation.employee, datetime.date(2026, 3, 2))
        response = _decide(as_user(org.admin), Evaluation.objects.get(pk=ten[0].pk))
        assert _groups(response) == [{"size": 10, "basis": 5, "allowed": 1, "used": 1}]


class AbsenceCapTests:
    """NĐ 90: absent from 3 to under 6 months → not above HTNV, so outside a basis of HTTNV or better."""

    @pytest.fixture
    def nd90(self, org):
        return _group(org, 2025)

    def test_the_cap_boundaries(self, org, as_user, nd90):
        rule_set = RuleSet.objects.get(code="ND90-CBCC")
        low, high = rule_set.absence_cap_from_months, rule_set.absence_cap_to_months
        below, at_low, under_high, at_high = low - Decimal("0.01"), low, high - Decimal("0.01"), high
        for evaluation, months in zip(nd90[6:], (below, at_low, under_high, at_high), strict=True):
            Evaluation.objects.filter(pk=evaluation.pk).update(months_absent=months)
        response = _decide(as_user(org.admin), Evaluation.objects.get(pk=nd90[0].pk))
        assert response.status_code == 200, response.data
        # Only the two within [from, to) are held at HTNV: 10 − 2 = 8 in the basis.
        assert [g["basis"] for g in _groups(response)] == [8]
