"""Django admin for personnel officers: units, reference data, employees, accounts."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from hr.models import (
    AnnualRating,
    Assignment,
    BaseSalary,
    Employee,
    OrgUnit,
    Position,
    Rank,
    SalaryRecord,
    SalaryScale,
    SalaryStep,
    User,
)


class NoDeleteMixin:
    """Records of people and units are never hard-deleted, not even from the admin."""

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OrgUnit)
class OrgUnitAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "level"]
    search_fields = ["code", "name"]
    readonly_fields = ["path", "depth"]
    autocomplete_fields = ["parent", "predecessors"]


class SalaryStepInline(admin.TabularInline):
    model = SalaryStep
    extra = 0


@admin.register(SalaryScale)
class SalaryScaleAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "step_interval_years"]
    inlines = [SalaryStepInline]


@admin.register(Rank)
class RankAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "scale", "is_active"]
    search_fields = ["code", "name"]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_leadership", "is_head", "allowance_coefficient"]
    search_fields = ["code", "name"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["amount", "valid_from", "legal_basis"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    fk_name = "employee"
    readonly_fields = ["created_by", "created_at"]
    autocomplete_fields = ["unit"]

    def has_delete_permission(self, request, obj=None):
        return False


class SalaryRecordInline(admin.TabularInline):
    model = SalaryRecord
    extra = 0
    fk_name = "employee"
    readonly_fields = ["created_by", "created_at"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Employee)
class EmployeeAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["full_name", "national_id", "category", "unit", "position", "rank", "status"]
    list_filter = ["category", "status", "rank"]
    search_fields = ["full_name", "national_id"]
    list_select_related = ["unit", "position", "rank"]
    autocomplete_fields = ["unit"]
    inlines = [AssignmentInline, SalaryRecordInline]


@admin.register(AnnualRating)
class AnnualRatingAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ["employee", "year", "rating", "source"]
    list_filter = ["year", "rating", "source"]
    search_fields = ["employee__full_name", "employee__national_id"]
    raw_id_fields = ["employee"]


@admin.register(User)
class AccountAdmin(NoDeleteMixin, SimpleHistoryAdmin, UserAdmin):
    list_display = ["username", "role", "employee", "scope_unit", "is_active"]
    list_filter = ["role", "is_active"]
    raw_id_fields = ["employee", "scope_unit"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (_("Role and scope"), {"fields": ["role", "employee", "scope_unit"]}),
    ]
