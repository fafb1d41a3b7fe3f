"""The civil-service figures the system itself holds, read for the computed reform criteria."""

from collections.abc import Callable
from decimal import Decimal

from evaluations.selectors.statistics import evaluation_timeliness
from hr.models import OrgUnit
from hr.selectors.discipline import disciplined_count_in_year
from reform.models import ComputedMetric
from training.selectors.compliance import unit_compliance_figures


def _evaluated_on_time_pct(unit: OrgUnit, year: int, cache: dict) -> Decimal | None:
    figures = evaluation_timeliness(unit=unit, year=year)
    return Decimal(figures["on_time_pct"]) if figures["due"] else None


def _training(unit: OrgUnit, year: int, cache: dict) -> dict:
    if "training" not in cache:
        cache["training"] = unit_compliance_figures(unit=unit, year=year)
    return cache["training"]


def _training_compliant_pct(unit: OrgUnit, year: int, cache: dict) -> Decimal | None:
    figures = _training(unit, year, cache)
    return Decimal(figures["compliant_pct"]) if figures["staff"] else None


def _reform_trained_pct(unit: OrgUnit, year: int, cache: dict) -> Decimal | None:
    figures = _training(unit, year, cache)
    return Decimal(figures["reform_trained_pct"]) if figures["staff"] else None


def _disciplined_count(unit: OrgUnit, year: int, cache: dict) -> Decimal | None:
    return Decimal(disciplined_count_in_year(unit=unit, year=year))


# A share over nobody (no one due, no staff) is no figure at all: None, shown as "no data".
METRIC_SOURCES: dict[str, Callable[[OrgUnit, int, dict], Decimal | None]] = {
    ComputedMetric.EVAL_ON_TIME_PCT: _evaluated_on_time_pct,
    ComputedMetric.TRAINING_COMPLIANT_PCT: _training_compliant_pct,
    ComputedMetric.REFORM_TRAINED_PCT: _reform_trained_pct,
    ComputedMetric.DISCIPLINED_COUNT: _disciplined_count,
}


def metric_values(*, unit: OrgUnit, year: int, metrics: set[str]) -> dict[str, Decimal | None]:
    """The value of each named metric for `unit`'s subtree in `year`."""
    cache: dict = {}
    return {metric: METRIC_SOURCES[metric](unit, year, cache) for metric in sorted(metrics)}
