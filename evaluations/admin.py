"""Django admin for evaluations: rule sets, workflows, cycles and evaluations, read-only and scoped.

Evaluations move only through their workflow's transitions (the API's services); rule sets and
workflows are rule data decided evaluations were taken under, loaded by migrations. So every
page here only shows, within the reader's scope (`hr.admin.ScopedAdmin`), except the province's
policies, which a province administrator adds and ends through `hr.services.rules`.
"""

from django.contrib import admin
from django.db.models import Q

from evaluations.access import cycle_scope_q, evaluation_scope_q
from evaluations.models import (
    Criterion,
    Evaluation,
    EvaluationCycle,
    LeaderUnitRule,
    ProvincePolicy,
    RatingThreshold,
    RuleSet,
    Transition,
    UnitRatingRule,
    UnitRulesChoice,
    Workflow,
    WorkflowState,
)
from hr.access import subtree_q
from hr.admin import ReadOnlyInline, RuleAdmin, ScopedAdmin


class WorkflowStateInline(ReadOnlyInline):
    model = WorkflowState
    fields = ["code", "label", "is_initial", "is_locked", "order"]


class TransitionInline(ReadOnlyInline):
    model = Transition
    fields = ["name", "label", "source", "target", "actors", "effect", "order"]


@admin.register(Workflow)
class WorkflowAdmin(ScopedAdmin):
    list_display = ["code", "name"]
    inlines = [WorkflowStateInline, TransitionInline]


class CriterionInline(ReadOnlyInline):
    model = Criterion
    fields = ["code", "label", "group", "max_points", "leaders_only", "source", "order"]


class RatingThresholdInline(ReadOnlyInline):
    model = RatingThreshold


class LeaderUnitRuleInline(ReadOnlyInline):
    model = LeaderUnitRule
    fields = ["leader_rating", "min_unit_rating", "min_good_pct", "unrated_units", "legal_basis"]


@admin.register(RuleSet)
class RuleSetAdmin(ScopedAdmin):
    list_display = ["code", "name", "version", "valid_from", "valid_to", "scoring_method", "workflow"]
    list_filter = ["scoring_method", "workflow"]
    search_fields = ["code", "name"]
    inlines = [CriterionInline, RatingThresholdInline, LeaderUnitRuleInline]


@admin.register(UnitRatingRule)
class UnitRatingRuleAdmin(ScopedAdmin):
    list_display = ["code", "legal_basis", "valid_from", "valid_to", "quota_pct", "excellent_needs_components"]


@admin.register(ProvincePolicy)
class ProvincePolicyAdmin(RuleAdmin):
    """The province's own rules (QĐ of UBND tỉnh), apart from the national rule sets; added and ended here."""

    list_display = ["kind", "unit", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["kind"]


@admin.register(EvaluationCycle)
class EvaluationCycleAdmin(ScopedAdmin):
    list_display = ["name", "year", "period_kind", "period_number", "scope_unit", "generated_at"]
    list_filter = ["year", "period_kind"]
    list_select_related = ["scope_unit"]

    def scope_q(self, user):
        return cycle_scope_q(user)


@admin.register(Evaluation)
class EvaluationAdmin(ScopedAdmin):
    list_display = ["employee", "cycle", "unit", "status", "self_rating", "proposed_rating"]
    list_filter = ["status", "cycle__year"]
    search_fields = ["employee__full_name"]
    list_select_related = ["employee", "cycle", "unit"]

    def scope_q(self, user):
        return evaluation_scope_q(user)


@admin.register(UnitRulesChoice)
class UnitRulesChoiceAdmin(ScopedAdmin):
    """Read-only: choices are recorded through the API's service, which checks the clause, the unit and the year."""

    list_display = ["unit", "year", "transitional", "decision_number", "recorded_by", "recorded_at"]
    list_filter = ["year"]
    list_select_related = ["unit", "transitional", "recorded_by"]
    search_fields = ["unit__name"]

    def scope_q(self, user):
        if user.is_province_admin or user.scope_unit_id is None:
            return Q() if user.is_province_admin else Q(pk__in=[])
        return subtree_q(user.scope_unit, prefix="unit__")
