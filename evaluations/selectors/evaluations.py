"""Reads of evaluations, scoped to the caller, with their filters."""

import django_filters
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from backend.api.filters import IdFilter, YearFilter
from evaluations.access import evaluation_scope_q
from evaluations.models import (
    NOT_RATED,
    SUPERSEDED,
    CriterionScore,
    Evaluation,
    EvaluationCycle,
    PeriodKind,
    Transition,
    WorkflowState,
)
from hr.models import RatingLevel, User
from hr.selectors.brief import own_columns
from hr.selectors.scoped_filters import ScopeImpliedByUnitMixin
from hr.selectors.units import UnitSubtreeFilter


class EvaluationFilter(ScopeImpliedByUnitMixin, django_filters.FilterSet):
    cycle = django_filters.ModelChoiceFilter(queryset=EvaluationCycle.objects.all())
    # By the subtree's unit ids: a join on the path besides the scope's made PostgreSQL expect one row and
    # join every table to the whole subtree before sorting it (issue 15).
    unit = UnitSubtreeFilter(unit_field="unit", label=_("Unit (whole subtree)"))
    status = django_filters.MultipleChoiceFilter(choices=lambda: status_choices(), label=_("Status"))
    rating = django_filters.MultipleChoiceFilter(field_name="final_rating", choices=RatingLevel.choices)
    year = YearFilter(field_name="cycle__year")
    period_kind = django_filters.ChoiceFilter(field_name="cycle__period_kind", choices=PeriodKind.choices)
    employee = IdFilter(field_name="employee_id")

    class Meta:
        model = Evaluation
        fields = ["cycle", "unit", "status", "rating", "year", "period_kind", "employee"]

    def scope_forms(self, user: User) -> list[Q]:
        return [evaluation_scope_q(user)]


def status_choices() -> list[tuple[str, str]]:
    """The states of every workflow (they are data), then the two statuses outside workflows."""
    states = dict(WorkflowState.objects.order_by("order").values_list("code", "label"))
    return [*states.items(), (NOT_RATED, _("Not rated")), (SUPERSEDED, _("Superseded by an amendment"))]


def evaluation_visible(*, user: User) -> QuerySet[Evaluation]:
    """Every evaluation the caller may read, with the joins a list row needs."""
    return Evaluation.objects.filter(evaluation_scope_q(user)).select_related(
        "cycle", "employee", "unit", "agency", "position", "rule_set"
    )


def evaluation_list_rows(*, user: User) -> QuerySet[Evaluation]:
    """`evaluation_visible` with only the joins and columns a list row shows (`EvaluationListSerializer`).

    The row names its cycle, person, unit, agency and post; the rule set (its criteria and thresholds, the
    widest row of the join) is not shown, and of the others only what the row and the list's order read.
    """
    return (
        Evaluation.objects.filter(evaluation_scope_q(user))
        .select_related("cycle", "employee", "unit", "agency", "position")
        .only(
            *own_columns(Evaluation),
            *(f"cycle__{name}" for name in ("name", "year", "period_kind", "period_number")),
            "employee__full_name",
            "unit__name",
            "unit__path",
            "agency__name",
            "position__name",
        )
    )


def evaluation_list(*, user: User, filters=None) -> QuerySet[Evaluation]:
    return EvaluationFilter(filters or {}, queryset=evaluation_visible(user=user)).qs


def evaluation_detail_queryset(*, user: User) -> QuerySet[Evaluation]:
    """The visible evaluations with what a detail view shows: points, task lines, rules and workflow."""
    return (
        evaluation_visible(user=user)
        .select_related(
            "rule_set__workflow", "decided_by", "proposed_by", "amended_from", "amended_by_version", "employee__rank"
        )
        .prefetch_related(
            Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion")),
            "task_lines",
            "rule_set__criteria",
            "rule_set__workflow__states",
            Prefetch("rule_set__workflow__transitions", queryset=Transition.objects.select_related("source", "target")),
        )
    )
