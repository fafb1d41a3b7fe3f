"""Django admin for personnel officers: units, reference data, employees, accounts.

Officers use it within their agency (querysets scoped like the API), administrators
everywhere. Writes to people go through the same services as the API, so the admin
cannot bypass the dated-decision rules or the history.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from hr.access import can_manage_unit, employee_manage_q, employee_scope_q, is_personnel_writer
from hr.models import (
    AnnualRating,
    Assignment,
    AwardRule,
    BaseSalary,
    Commendation,
    DisciplineFormRule,
    DisciplinePause,
    DisciplineRecord,
    DisciplineRestrictionRule,
    Employee,
    Initiative,
    OrgUnit,
    Position,
    Rank,
    SalaryRecord,
    SalaryScale,
    SalaryStep,
    User,
)
from hr.selectors.commendations import commendation_scope_q
from hr.services.employees import DECISION_FIELDS, employee_create, employee_update


class RoleScopedAdmin:
    """Personnel writers see the admin; nothing is hard-deleted from it."""

    def has_module_permission(self, request):
        return request.user.is_active and is_personnel_writer(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


class ProvinceReferenceAdmin(RoleScopedAdmin, admin.ModelAdmin):
    """Reference data: officers read it, only province administrators change it."""

    def has_add_permission(self, request, obj=None):
        return request.user.is_province_admin

    def has_change_permission(self, request, obj=None):
        return request.user.is_province_admin


@admin.register(OrgUnit)
class OrgUnitAdmin(RoleScopedAdmin, SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "level"]
    search_fields = ["code", "name"]
    readonly_fields = ["path", "depth"]
    autocomplete_fields = ["parent", "predecessors"]

    def has_change_permission(self, request, obj=None):
        if obj is None or request.user.is_province_admin:
            return super().has_change_permission(request, obj)
        return obj.parent is not None and can_manage_unit(request.user, obj.parent)

    def save_model(self, request, obj, form, change):
        from hr.services.units import unit_create, unit_update

        data = {f: form.cleaned_data[f] for f in form.cleaned_data if f != "predecessors"}
        if change:
            unit_update(unit=obj, actor=request.user, **data)
        else:
            form.instance = unit_create(actor=request.user, **data)
            obj.pk = form.instance.pk


@admin.register(SalaryScale)
class SalaryScaleAdmin(ProvinceReferenceAdmin):
    list_display = ["code", "name", "step_interval_years"]


@admin.register(SalaryStep)
class SalaryStepAdmin(ProvinceReferenceAdmin):
    list_display = ["scale", "step", "coefficient"]
    list_filter = ["scale"]


@admin.register(Rank)
class RankAdmin(ProvinceReferenceAdmin):
    list_display = ["code", "name", "scale", "is_active"]
    search_fields = ["code", "name"]


@admin.register(Position)
class PositionAdmin(ProvinceReferenceAdmin):
    list_display = ["code", "name", "is_leadership", "is_head", "allowance_coefficient"]
    search_fields = ["code", "name"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(ProvinceReferenceAdmin):
    list_display = ["amount", "valid_from", "legal_basis"]


class ReadOnlyHistoryInline(admin.TabularInline):
    """Dated decision rows: shown for reference, added through the API's decision actions."""

    extra = 0
    fk_name = "employee"
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AssignmentInline(ReadOnlyHistoryInline):
    model = Assignment
    fields = ["unit", "position", "start_date", "end_date", "decision_number", "note", "created_by"]


class SalaryRecordInline(ReadOnlyHistoryInline):
    model = SalaryRecord
    fields = ["rank", "salary_step", "coefficient", "effective_date", "decision_number", "reason", "created_by"]


@admin.register(Employee)
class EmployeeAdmin(RoleScopedAdmin, SimpleHistoryAdmin):
    list_display = ["full_name", "national_id", "category", "unit", "position", "rank", "status"]
    list_filter = ["category", "status", "rank"]
    search_fields = ["full_name", "national_id"]
    list_select_related = ["unit", "position", "rank"]
    autocomplete_fields = ["unit"]
    inlines = [AssignmentInline, SalaryRecordInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(employee_scope_q(request.user))

    def get_readonly_fields(self, request, obj=None):
        # Unit, post, rank and salary of an existing person change only by dated decisions.
        return sorted(DECISION_FIELDS) if obj is not None else ["salary_coefficient"]

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return Employee.objects.filter(employee_manage_q(request.user), pk=obj.pk).exists()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit" and not request.user.is_province_admin:
            scope = request.user.scope_unit
            kwargs["queryset"] = OrgUnit.objects.filter(path__startswith=scope.path if scope else "-")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}
        if change:
            employee_update(employee=obj, actor=request.user, **data)
        else:
            fields = {k: v for k, v in form.cleaned_data.items() if k not in {"salary_coefficient"}}
            form.instance = employee_create(actor=request.user, **fields)
            obj.pk = form.instance.pk


@admin.register(AnnualRating)
class AnnualRatingAdmin(RoleScopedAdmin, SimpleHistoryAdmin):
    list_display = ["employee", "year", "rating", "source"]
    list_filter = ["year", "rating", "source"]
    search_fields = ["employee__full_name", "employee__national_id"]
    raw_id_fields = ["employee"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(employee_manage_q(request.user, prefix="employee__"))


@admin.register(User)
class AccountAdmin(RoleScopedAdmin, SimpleHistoryAdmin, UserAdmin):
    list_display = ["username", "role", "employee", "scope_unit", "is_active"]
    list_filter = ["role", "is_active"]
    raw_id_fields = ["employee", "scope_unit"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (_("Role and scope"), {"fields": ["role", "employee", "scope_unit"]}),
    ]

    def has_module_permission(self, request):
        # Roles are granted through the API's account service, which checks who may grant what.
        return request.user.is_active and request.user.is_province_admin

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_province_admin else qs.filter(Q(pk=request.user.pk))


class DisciplineRestrictionInline(admin.TabularInline):
    model = DisciplineRestrictionRule
    extra = 0


@admin.register(DisciplineFormRule)
class DisciplineFormRuleAdmin(ProvinceReferenceAdmin):
    """Which forms apply to whom and when: a new decree is new rows here."""

    list_display = [
        "category",
        "form",
        "holder",
        "valid_from",
        "valid_to",
        "limitation_years",
        "effect_months",
        "processing_days",
        "complex_processing_days",
    ]
    list_filter = ["category", "form"]
    inlines = [DisciplineRestrictionInline]


@admin.register(AwardRule)
class AwardRuleAdmin(ProvinceReferenceAdmin):
    list_display = ["award", "recipient", "kind", "level", "coefficient", "valid_from", "valid_to"]
    list_filter = ["kind", "recipient", "level"]


class DecisionRecordAdmin(RoleScopedAdmin, SimpleHistoryAdmin):
    """Decisions are recorded and annulled through the API, whose services apply the rules; read-only here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(employee_scope_q(request.user, prefix="employee__"))


class DisciplinePauseInline(admin.TabularInline):
    """Periods not counted in the processing time; fixed with the decision, so read-only."""

    model = DisciplinePause
    extra = 0
    can_delete = False
    fields = readonly_fields = ["kind", "start", "end", "note"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DisciplineRecord)
class DisciplineRecordAdmin(DecisionRecordAdmin):
    list_display = [
        "employee",
        "form",
        "decision_number",
        "decision_date",
        "processing_deadline",
        "effect_start",
        "effect_end",
        "annulled_on",
    ]
    list_filter = ["form", "duty_related", "complex_case"]
    search_fields = ["employee__full_name", "decision_number"]
    list_select_related = ["employee"]
    inlines = [DisciplinePauseInline]


@admin.register(Commendation)
class CommendationAdmin(DecisionRecordAdmin):
    list_display = ["award", "employee", "unit", "year", "decision_number", "amount", "annulled_on"]
    list_filter = ["award", "year"]
    search_fields = ["employee__full_name", "unit__name", "decision_number"]
    list_select_related = ["employee", "unit"]

    def get_queryset(self, request):
        return super(DecisionRecordAdmin, self).get_queryset(request).filter(commendation_scope_q(request.user))


@admin.register(Initiative)
class InitiativeAdmin(DecisionRecordAdmin):
    list_display = ["title", "employee", "recognition_level", "year", "decision_number", "annulled_on"]
    list_filter = ["recognition_level", "year"]
    search_fields = ["title", "employee__full_name"]
    list_select_related = ["employee"]
