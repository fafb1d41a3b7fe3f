"""Helpers for evaluation tests: open and generate cycles, and walk an evaluation through the workflow."""

import datetime
from decimal import Decimal

from evaluations.models import Criterion, CriterionGroup, Evaluation, EvaluationCycle, PeriodKind
from evaluations.services.cycles import cycle_create, cycle_generate
from evaluations.services.workflow import evaluation_transition
from hr.models import OrgUnit, User

# One product line scored 100% on every component.
FULL_LINE = {
    "product": "Báo cáo tổng hợp",
    "coefficient": Decimal("1"),
    "assigned": Decimal("10"),
    "done": Decimal("10"),
    "done_to_quality": Decimal("10"),
    "done_on_time": Decimal("10"),
    "major_errors": 0,
    "delays": 0,
}


def open_cycle(
    actor: User, unit: OrgUnit, *, year: int = 2026, kind: str = PeriodKind.ANNUAL, number: int = 1
) -> EvaluationCycle:
    return cycle_create(actor=actor, year=year, period_kind=kind, period_number=number, scope_unit=unit)


def generated(actor: User, unit: OrgUnit, **kwargs) -> EvaluationCycle:
    cycle = open_cycle(actor, unit, **kwargs)
    cycle_generate(actor=actor, cycle=cycle)
    return cycle


def evaluation_of(cycle: EvaluationCycle, employee) -> Evaluation:
    return Evaluation.objects.exclude(status="SUPERSEDED").get(cycle=cycle, employee=employee)


def general_scores(evaluation: Evaluation, points: list, column: str = "self_points") -> list[dict]:
    criteria = Criterion.objects.filter(rule_set=evaluation.rule_set, group=CriterionGroup.GENERAL).order_by("order")
    return [{"criterion": c.pk, column: Decimal(str(p))} for c, p in zip(criteria, points, strict=True)]


def line(**changes) -> dict:
    return {**FULL_LINE, **changes}


def points_for_total(evaluation: Evaluation, total: str) -> tuple[list, list[dict]]:
    """General points and one task line that give exactly `total` points (task kept at 70 when possible)."""
    total = Decimal(total)
    if total >= 70:
        general = total - 70
        share = [general / 3] * 3
        share = [round(s, 2) for s in share]
        share[2] = general - share[0] - share[1]
        return share, [line()]
    # Below 70: no general points, task = total, i.e. every component at total / 70.
    pct = total / 70
    amount = (Decimal(10000) * pct).quantize(Decimal("0.01"))
    return [0, 0, 0], [line(assigned=Decimal(10000), done=amount, done_to_quality=amount, done_on_time=amount)]


def submit(evaluation: Evaluation, *, self_user: User, points=(10, 10, 10), lines=None, rating="HTTNV", **extra):
    data = {"self_rating": rating, **extra}
    if evaluation.rule_set.scoring_method == "POINTS":
        data["scores"] = general_scores(evaluation, list(points))
        data["task_lines"] = lines if lines is not None else [line()]
    return evaluation_transition(actor=self_user, evaluation=evaluation, name="submit_self_assessment", data=data)


def to_proposed(
    evaluation: Evaluation,
    *,
    self_user: User,
    reviewer: User,
    officer: User,
    proposed: str = "HTTNV",
    points=(10, 10, 10),
    lines=None,
    review_data=None,
    propose_data=None,
) -> Evaluation:
    """Self-assessment, minutes, review and proposal, each by the right person."""
    submit(evaluation, self_user=self_user, points=points, lines=lines)
    evaluation_transition(
        actor=officer,
        evaluation=evaluation,
        name="record_minutes",
        data={"collective_minutes": "Tập thể thống nhất.", "minutes_date": datetime.date(2026, 12, 1)},
    )
    evaluation_transition(
        actor=reviewer,
        evaluation=evaluation,
        name="review",
        data={"manager_comment": "Hoàn thành tốt.", **(review_data or {})},
    )
    evaluation_transition(
        actor=officer,
        evaluation=evaluation,
        name="propose",
        data={"proposed_rating": proposed, **(propose_data or {})},
    )
    return Evaluation.objects.get(pk=evaluation.pk)


def decide(evaluation: Evaluation, *, actor: User, number: str = "QĐ 01/2026", **data) -> Evaluation:
    evaluation_transition(actor=actor, evaluation=evaluation, name="decide", data={"decision_number": number, **data})
    return Evaluation.objects.get(pk=evaluation.pk)


def ready_for_decision(evaluation: Evaluation, *, total: str = "100", proposed: str = "", duty_group: str = ""):
    """Test set-up only: give the evaluation points worth `total` and put it where a decision is taken."""
    from evaluations.models import CriterionScore, TaskLine
    from evaluations.services.scoring import evaluation_recompute

    general, lines = points_for_total(evaluation, total)
    criteria = Criterion.objects.filter(rule_set=evaluation.rule_set, group=CriterionGroup.GENERAL).order_by("order")
    for criterion, points in zip(criteria, general, strict=True):
        CriterionScore.objects.update_or_create(
            evaluation=evaluation, criterion=criterion, defaults={"manager_points": Decimal(str(points))}
        )
    TaskLine.objects.filter(evaluation=evaluation).delete()
    for item in lines:
        TaskLine.objects.create(evaluation=evaluation, **item)
    if evaluation.is_leader:
        share = min(Decimal(100), Decimal(total) / 70 * 100).quantize(Decimal("0.01"))
        evaluation.unit_result_pct = evaluation.organising_pct = evaluation.uniting_pct = share
    evaluation.status = "PROPOSED"
    evaluation.proposed_rating = proposed
    evaluation.duty_group = duty_group
    evaluation_recompute(evaluation)
    evaluation.save()
    return evaluation


def people(unit: OrgUnit, count: int, **fields) -> list:
    from tests.factories import EmployeeFactory

    return [EmployeeFactory(unit=unit, **fields) for _ in range(count)]
