"""Reads of evaluation cycles, unit ratings and rule sets."""

import django_filters
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from backend.api.filters import YearFilter
from evaluations.access import cycle_scope_q
from evaluations.models import EvaluationCycle, PeriodKind, RuleSet, Transition
from hr.access import subtree_q
from hr.models import Role, UnitRating, User
from hr.selectors.units import UnitSubtreeFilter


class CycleFilter(django_filters.FilterSet):
    year = YearFilter()
    period_kind = django_filters.ChoiceFilter(choices=PeriodKind.choices)
    unit = UnitSubtreeFilter(path_field="scope_unit__path", label=_("Scope unit within the subtree of"))

    class Meta:
        model = EvaluationCycle
        fields = ["year", "period_kind", "unit"]


def cycle_list(*, user: User, filters=None) -> QuerySet[EvaluationCycle]:
    queryset = EvaluationCycle.objects.filter(cycle_scope_q(user)).select_related("scope_unit", "created_by")
    return CycleFilter(filters or {}, queryset=queryset).qs


class UnitRatingFilter(django_filters.FilterSet):
    year = YearFilter()
    unit = UnitSubtreeFilter(path_field="unit__path", label=_("Unit (whole subtree)"))

    class Meta:
        model = UnitRating
        fields = ["year", "unit"]


def unit_rating_list(*, user: User, filters=None) -> QuerySet[UnitRating]:
    """Unit ratings: admins all, officers and managers their subtree, staff their own unit's."""
    queryset = UnitRating.objects.select_related("unit", "recorded_by")
    if user.is_province_admin:
        pass
    elif user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and user.scope_unit_id:
        queryset = queryset.filter(subtree_q(user.scope_unit, prefix="unit__"))
    elif user.employee_id:
        queryset = queryset.filter(unit_id=user.employee.unit_id)
    else:
        queryset = queryset.none()
    return UnitRatingFilter(filters or {}, queryset=queryset).qs


def rule_set_list() -> QuerySet[RuleSet]:
    """Rule sets with their criteria, thresholds and workflow: public rules, readable by everyone signed in."""
    return RuleSet.objects.select_related("workflow").prefetch_related(
        "criteria",
        "thresholds",
        "leader_unit_rules",
        "workflow__states",
        Prefetch("workflow__transitions", queryset=Transition.objects.select_related("source", "target")),
    )
