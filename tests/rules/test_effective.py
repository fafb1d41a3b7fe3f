"""The effective-dated base: in_force_on at its boundaries, the range check, no overlapping rows on either database."""

import datetime

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from backend.effective import EffectiveDated, overlapping_pairs
from hr.models import BaseSalary, DisciplineFormRule

pytestmark = pytest.mark.django_db

D = datetime.date


def rule_models() -> list[type[EffectiveDated]]:
    return [model for model in apps.get_models() if issubclass(model, EffectiveDated)]


def test_every_rule_model_is_effective_dated():
    names = {model._meta.label for model in rule_models()}
    assert names >= {
        "hr.BaseSalary",
        "hr.DisciplineFormRule",
        "hr.AwardRule",
        "evaluations.RuleSet",
        "evaluations.ProvincePolicy",
        "training.PeriodMinimum",
    }


@pytest.mark.parametrize("model", rule_models(), ids=lambda m: m._meta.label)
def test_no_rule_key_has_overlapping_rows(model):
    assert overlapping_pairs(model.objects.all()) == []


class InForceOnTests:
    """NĐ 24/2023's 1,800,000 is in force from 01/07/2023 through 30/06/2024 (NĐ 73/2024 from 01/07/2024)."""

    @pytest.mark.parametrize(
        ("day", "amount"),
        [
            (D(2023, 6, 30), 1_490_000),
            (D(2023, 7, 1), 1_800_000),
            (D(2024, 6, 30), 1_800_000),
            (D(2024, 7, 1), 2_340_000),
            (D(2099, 1, 1), 2_340_000),
        ],
    )
    def test_boundaries(self, day, amount):
        assert [row.amount for row in BaseSalary.objects.in_force_on(day)] == [amount]

    def test_nothing_before_the_first_row(self):
        assert not BaseSalary.objects.in_force_on(D(2019, 6, 30)).exists()

    def test_instance_answer_matches_the_queryset(self):
        row = BaseSalary.objects.get(valid_from=D(2023, 7, 1))
        assert [row.is_in_force_on(d) for d in (D(2023, 6, 30), D(2023, 7, 1), D(2024, 6, 30), D(2024, 7, 1))] == [
            False,
            True,
            True,
            False,
        ]


def test_valid_to_before_valid_from_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        BaseSalary.objects.create(amount=1, valid_from=D(2030, 1, 2), valid_to=D(2030, 1, 1), legal_basis="x")


def test_the_overlap_walk_finds_an_overlap():
    rule = DisciplineFormRule.objects.get(category="CONG_CHUC", form="KHIEN_TRACH", valid_from=D(2025, 7, 1))
    clash = DisciplineFormRule(category="CONG_CHUC", form="KHIEN_TRACH", valid_from=D(2026, 1, 1), valid_to=None)
    assert overlapping_pairs([rule, clash]) == [(rule, clash)]


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("valid_from", "valid_to"), [(D(2025, 6, 30), D(2025, 7, 1)), (D(2030, 1, 1), None), (D(2025, 7, 1), D(2025, 7, 1))]
)
def test_postgresql_excludes_overlapping_rows(valid_from, valid_to):
    rule = DisciplineFormRule.objects.get(category="CONG_CHUC", form="KHIEN_TRACH", valid_from=D(2025, 7, 1))
    fields = {
        "category": rule.category,
        "form": rule.form,
        "holder": "LEADER",
        "limitation_years": 5,
        "effect_months": 12,
        "processing_days": 90,
        "complex_processing_days": 150,
        "legal_basis": "x",
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        DisciplineFormRule.objects.create(valid_from=valid_from, valid_to=valid_to, **fields)


@pytest.mark.postgres
def test_postgresql_accepts_the_row_starting_the_day_after():
    BaseSalary.objects.filter(valid_to=None).update(valid_to=D(2026, 6, 30))
    BaseSalary.objects.create(amount=2_530_000, valid_from=D(2026, 7, 1), legal_basis="x")
    assert BaseSalary.objects.in_force_on(D(2026, 7, 1)).get().amount == 2_530_000
