"""Evaluation statistics per unit, aggregated in the database: rating distribution and timeliness."""

import calendar
import datetime
from decimal import Decimal

from django.db.models import Case, Count, DateField, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from evaluations.models import NOT_RATED, SUPERSEDED, Evaluation, PeriodKind, RuleSet, WorkflowState
from hr.models import OrgUnit, RatingLevel


def rating_distribution(*, year: int, unit: OrgUnit | None, period_kind: str = PeriodKind.ANNUAL) -> QuerySet:
    """One row per unit: decided evaluations per rating, people not rated, evaluations still open.

    The locked (decided) states are read first, in one small query, and written into the aggregate as
    literals: as a subquery, PostgreSQL evaluated it again in each of the six counts of every row
    (a third of the time at 100,000 evaluations; benchmarks/rating_distribution.py).
    """
    locked = sorted(set(WorkflowState.objects.filter(is_locked=True).values_list("code", flat=True)))
    queryset = Evaluation.objects.filter(cycle__year=year, cycle__period_kind=period_kind).exclude(status=SUPERSEDED)
    if unit is not None:
        queryset = queryset.filter(unit__path__startswith=unit.path)
    decided = Q(status__in=locked)
    counts = {level.value: Count("id", filter=decided & Q(final_rating=level.value)) for level in RatingLevel}
    return (
        queryset.values("unit_id", "unit__name", "unit__path")
        .annotate(
            **counts,
            not_rated=Count("id", filter=Q(status=NOT_RATED)),
            pending=Count("id", filter=~decided & ~Q(status=NOT_RATED)),
            total=Count("id"),
        )
        .order_by("unit__path")
    )


def evaluation_timeliness(*, unit: OrgUnit, year: int) -> dict:
    """People of the unit subtree due an annual evaluation in `year`, and those decided by the deadline.

    The deadline is the cycle's decision deadline, else the rule set's annual deadline in `year`. An
    evaluation later amended still counts as decided on time by its first decision.
    """
    rule_sets = RuleSet.objects.filter(
        pk__in=Evaluation.objects.filter(cycle__year=year, cycle__period_kind=PeriodKind.ANNUAL).values("rule_set_id")
    ).values_list("pk", "annual_deadline_month", "annual_deadline_day")
    by_rules = [
        When(rule_set_id=pk, then=Value(_deadline(year, month, day))) for pk, month, day in rule_sets if pk is not None
    ]
    by_rule_set = Case(*by_rules, default=Value(datetime.date(year, 12, 31)), output_field=DateField())
    deadline = Coalesce("cycle__decision_deadline", by_rule_set)
    figures = (
        Evaluation.objects.filter(
            cycle__year=year, cycle__period_kind=PeriodKind.ANNUAL, unit__path__startswith=unit.path
        )
        .exclude(status=NOT_RATED)
        .annotate(deadline=deadline)
        .aggregate(
            due=Count("employee_id", distinct=True),
            on_time=Count(
                "employee_id", distinct=True, filter=Q(decided_on__isnull=False, decided_on__lte=F("deadline"))
            ),
        )
    )
    due, on_time = figures["due"], figures["on_time"]
    pct = (Decimal(on_time * 100) / due).quantize(Decimal("0.01")) if due else Decimal("0.00")
    return {"due": due, "on_time": on_time, "on_time_pct": pct}


def _deadline(year: int, month: int, day: int) -> datetime.date:
    # 31 in a 30-day month means its last day.
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day, last))
