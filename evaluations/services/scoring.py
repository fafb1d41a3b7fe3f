"""Scores and ratings from the rule set: the task formula, the general points and the thresholds."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count
from django.utils.formats import number_format

from evaluations.models import (
    NOT_RATED,
    SUPERSEDED,
    CriterionGroup,
    CriterionScore,
    Evaluation,
    PeriodKind,
    RuleSet,
    ScoreSource,
    ScoringMethod,
    TaskLine,
    WorkflowState,
)
from hr.models import RATING_ORDER, RatingLevel

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
# Task components read from the task lines; the others are percentages on the evaluation.
LINE_COMPONENTS = ("quantity", "quality", "timeliness")


def quantize(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def plain(value: Decimal) -> str:
    """A number for a message, without trailing zeros, in the active language's format ("5,97", "10")."""
    return number_format(Decimal(format(value.normalize(), "f")))


def task_ratios(lines: Iterable[TaskLine], rule_set: RuleSet) -> dict[str, Decimal] | None:
    """Quantity, quality and timeliness in percent of the converted products assigned, or None if nothing was.

    Each product counts its conversion coefficient. A major error takes
    `error_deduction_pct` of one product's quality points, a delay
    `delay_deduction_pct` of its timeliness points (never below zero per line).
    """
    lines = list(lines)
    assigned = sum((line.coefficient * line.assigned for line in lines), Decimal(0))
    if assigned <= 0:
        return None
    error_cut = rule_set.error_deduction_pct / HUNDRED
    delay_cut = rule_set.delay_deduction_pct / HUNDRED
    done = quality = on_time = Decimal(0)
    for line in lines:
        done += line.coefficient * line.done
        quality += max(Decimal(0), line.coefficient * (line.done_to_quality - error_cut * line.major_errors))
        on_time += max(Decimal(0), line.coefficient * (line.done_on_time - delay_cut * line.delays))
    return {
        name: min(HUNDRED, value / assigned * HUNDRED)
        for name, value in (("quantity", done), ("quality", quality), ("timeliness", on_time))
    }


def task_score(*, components: dict[str, Decimal | None], rule_set: RuleSet) -> Decimal | None:
    """The average of the components in percent, scaled to the task maximum (70): None if one is missing."""
    values = list(components.values())
    if not values or any(v is None for v in values) or rule_set.task_max_points is None:
        return None
    return quantize(sum(values, Decimal(0)) / len(values) * rule_set.task_max_points / HUNDRED)


def rating_for_score(rule_set: RuleSet, score: Decimal | None, thresholds=None) -> str:
    """The best level whose minimum the score reaches (≥ 90, ≥ 70, ≥ 50, otherwise the lowest)."""
    if score is None:
        return ""
    for threshold in _best_first(thresholds if thresholds is not None else rule_set.thresholds.all()):
        if threshold.min_score is None or score >= threshold.min_score:
            return threshold.rating
    return ""


def rating_for_shares(
    rule_set: RuleSet,
    *,
    completed_pct: Decimal | None,
    exceeded_pct: Decimal | None,
    not_assured_pct: Decimal | None,
    thresholds=None,
) -> str:
    """The old regime: the best level all of whose conditions on the shares of tasks and criteria hold."""
    if completed_pct is None and exceeded_pct is None and not_assured_pct is None:
        return ""
    for threshold in _best_first(thresholds if thresholds is not None else rule_set.thresholds.all()):
        checks = [
            (threshold.min_completed_pct, completed_pct, lambda need, got: got >= need),
            (threshold.min_exceeded_pct, exceeded_pct, lambda need, got: got >= need),
            (threshold.max_not_assured_pct, not_assured_pct, lambda need, got: got <= need),
        ]
        if all(need is None or (got is not None and test(need, got)) for need, got, test in checks):
            return threshold.rating
    return ""


def _best_first(thresholds) -> list:
    return sorted(thresholds, key=lambda t: RATING_ORDER[RatingLevel(t.rating)], reverse=True)


def applicable_criteria(evaluation: Evaluation, group: str) -> list:
    return [
        c
        for c in evaluation.rule_set.criteria.all()
        if c.group == group and (evaluation.is_leader or not c.leaders_only)
    ]


def general_score(evaluation: Evaluation, scores: Iterable[CriterionScore]) -> Decimal | None:
    """The sum of the latest reviewer's points on each general criterion; None while one is unscored."""
    by_criterion = {s.criterion_id: s.effective_points for s in scores}
    criteria = applicable_criteria(evaluation, CriterionGroup.GENERAL)
    if not criteria or any(by_criterion.get(c.pk) is None for c in criteria):
        return None
    return quantize(sum((by_criterion[c.pk] for c in criteria), Decimal(0)))


def locked_state_codes(rule_set: RuleSet) -> list[str]:
    return list(
        WorkflowState.objects.filter(workflow_id=rule_set.workflow_id, is_locked=True).values_list("code", flat=True)
    )


def _period_averages(evaluation: Evaluation) -> dict | None:
    """Average general and task scores of the person's decided monthly (else quarterly) evaluations of the year."""
    periods = (
        Evaluation.objects.filter(
            employee_id=evaluation.employee_id,
            cycle__year=evaluation.cycle.year,
            status__in=locked_state_codes(evaluation.rule_set),
            total_score__isnull=False,
        )
        .exclude(status__in=[NOT_RATED, SUPERSEDED])
        .exclude(pk=evaluation.pk)
    )
    for kind in (PeriodKind.MONTHLY, PeriodKind.QUARTERLY):
        averages = periods.filter(cycle__period_kind=kind).aggregate(
            general=Avg("general_score"), task=Avg("task_score"), count=Count("id")
        )
        if averages["count"]:
            return {"general": Decimal(averages["general"]), "task": Decimal(averages["task"]), "kind": kind}
    return None


def evaluation_recompute(evaluation: Evaluation) -> Evaluation:
    """Set the scores and the rating by the rules from the current inputs (the caller saves).

    Never called on a decided evaluation: its scores are frozen.
    """
    rule_set = evaluation.rule_set
    thresholds = list(rule_set.thresholds.all())
    if rule_set.scoring_method == ScoringMethod.CRITERIA_PERCENT:
        evaluation.general_score = evaluation.task_score = evaluation.total_score = None
        evaluation.task_components = {}
        evaluation.score_source = ScoreSource.DIRECT
        evaluation.computed_rating = rating_for_shares(
            rule_set,
            completed_pct=evaluation.completed_pct,
            exceeded_pct=evaluation.exceeded_pct,
            not_assured_pct=evaluation.not_assured_pct,
            thresholds=thresholds,
        )
        return evaluation

    periods = _period_averages(evaluation) if evaluation.cycle.is_annual and rule_set.annual_from_periods else None
    if periods is not None:
        evaluation.score_source = ScoreSource.PERIODS
        evaluation.general_score = quantize(periods["general"])
        evaluation.task_score = quantize(periods["task"])
        evaluation.task_components = {"periods": periods["kind"]}
    else:
        evaluation.score_source = ScoreSource.DIRECT
        ratios = task_ratios(evaluation.task_lines.all(), rule_set) or {}
        components: dict[str, Decimal | None] = {}
        for criterion in applicable_criteria(evaluation, CriterionGroup.TASK):
            if criterion.source in LINE_COMPONENTS:
                components[criterion.code] = ratios.get(criterion.source)
            else:
                components[criterion.code] = getattr(evaluation, criterion.source, None)
        evaluation.task_components = {k: (None if v is None else str(quantize(v))) for k, v in components.items()}
        evaluation.general_score = general_score(evaluation, evaluation.scores.all())
        evaluation.task_score = task_score(components=components, rule_set=rule_set)
    if evaluation.general_score is None or evaluation.task_score is None:
        evaluation.total_score = None
    else:
        evaluation.total_score = quantize(evaluation.general_score + evaluation.task_score)
    evaluation.computed_rating = rating_for_score(rule_set, evaluation.total_score, thresholds=thresholds)
    return evaluation
