"""Reads of the units' choices of the older evaluation rules, and of those choices for a cycle's year."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from backend.api.filters import YearFilter
from evaluations.access import ancestor_paths
from evaluations.models import RuleSet, UnitRulesChoice
from hr.access import subtree_q
from hr.models import Role, User
from hr.selectors.units import UnitSubtreeFilter


class UnitRulesChoiceFilter(django_filters.FilterSet):
    year = YearFilter()
    unit = UnitSubtreeFilter(path_field="unit__path", label=_("Unit (whole subtree)"))

    class Meta:
        model = UnitRulesChoice
        fields = ["year", "unit"]


def unit_rules_choice_list(*, user: User, filters=None) -> QuerySet[UnitRulesChoice]:
    """Admins all; officers and managers their subtree; everyone the choices of the units above their own."""
    queryset = UnitRulesChoice.objects.select_related(
        "unit", "recorded_by", "transitional__rule_set", "transitional__older_rule_set"
    )
    if user.is_province_admin:
        pass
    elif user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and user.scope_unit_id:
        queryset = queryset.filter(subtree_q(user.scope_unit, prefix="unit__"))
    elif user.employee_id:
        queryset = queryset.filter(unit__path__in=ancestor_paths(user.employee.unit.path))
    else:
        queryset = queryset.none()
    return UnitRulesChoiceFilter(filters or {}, queryset=queryset).qs


def older_rules_chosen(*, year: int) -> dict[tuple[int, int], RuleSet]:
    """(unit id, rule set id in force) → the older rule set the unit chose for `year`, in one query."""
    choices = UnitRulesChoice.objects.filter(year=year).select_related("transitional__older_rule_set")
    return {(c.unit_id, c.transitional.rule_set_id): c.transitional.older_rule_set for c in choices}
