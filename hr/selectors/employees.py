"""Reads of employee records, scoped to what the caller may see."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hr.access import can_read_unit_subtree, employee_scope_forms, employee_scope_q
from hr.models import Assignment, Category, Employee, EmploymentStatus, Position, Rank, SalaryRecord, User
from hr.selectors.scoped_filters import ScopeImpliedByUnitMixin, without_scope
from hr.selectors.units import UnitSubtreeIdsFilter

# What a row of the list shows (`EmployeeListSerializer`), and the unit's path the access checks read.
LIST_FIELDS = [
    *(f.name for f in Employee._meta.concrete_fields),
    "unit__code",
    "unit__name",
    "unit__kind",
    "unit__path",
    "position__code",
    "position__name",
    "position__is_leadership",
    "rank__code",
    "rank__name",
    "salary_step__step",
]


class EmployeeFilter(ScopeImpliedByUnitMixin, django_filters.FilterSet):
    unit = UnitSubtreeIdsFilter(label=_("Unit (whole subtree)"))
    category = django_filters.MultipleChoiceFilter(choices=Category.choices, distinct=False)
    status = django_filters.MultipleChoiceFilter(choices=EmploymentStatus.choices, distinct=False)
    rank = django_filters.ModelChoiceFilter(queryset=Rank.objects.all(), field_name="rank")
    position = django_filters.ModelChoiceFilter(queryset=Position.objects.all(), field_name="position")
    is_leader = django_filters.BooleanFilter(field_name="position__is_leadership", label=_("Holds a leadership post"))

    class Meta:
        model = Employee
        fields = ["unit", "category", "status", "rank", "position", "is_leader"]

    def scope_forms(self, user: User) -> list[Q]:
        return employee_scope_forms(user)

    def filter_queryset(self, queryset):
        # Without a unit, an officer's or manager's list is their scope's subtree: read by its unit ids as the
        # unit filter reads it (`UnitSubtreeIdsFilter`), when the scope is that subtree and nothing else.
        user = getattr(self.request, "user", None)
        scope = getattr(user, "scope_unit", None) if getattr(user, "is_authenticated", False) else None
        if self.form.cleaned_data.get("unit") is None and scope is not None and can_read_unit_subtree(user, scope):
            subtree = without_scope(queryset, employee_scope_forms(user)[:1])
            if subtree is not queryset:
                queryset = self.filters["unit"].filter(subtree, scope)
        return super().filter_queryset(queryset)


def employee_visible(*, user: User) -> QuerySet[Employee]:
    """Every employee the caller may read, with the joins a record needs."""
    return Employee.objects.filter(employee_scope_q(user)).select_related(
        "unit", "position", "rank", "rank__scale", "salary_step"
    )


def employee_list(*, user: User, filters=None) -> QuerySet[Employee]:
    """The employees the caller may read, filtered by `filters` (an `EmployeeFilter` query) if given."""
    visible = employee_visible(user=user)
    return EmployeeFilter(filters, queryset=visible).qs if filters else visible


def employee_list_rows(*, user: User) -> QuerySet[Employee]:
    """`employee_list` with only the columns a list row shows: the joins of `employee_visible`, no wider."""
    return (
        Employee.objects.filter(employee_scope_q(user))
        .select_related("unit", "position", "rank", "salary_step")
        .only(*LIST_FIELDS)
    )


def employee_assignments(*, employee: Employee) -> QuerySet[Assignment]:
    return employee.assignments.select_related("unit", "position", "created_by")


def employee_salary_records(*, employee: Employee) -> QuerySet[SalaryRecord]:
    return employee.salary_records.select_related("rank", "salary_step__scale", "created_by")


def employee_history(*, employee: Employee):
    """Versions of the record, newest first, with who changed it."""
    return employee.history.select_related("history_user").order_by("-history_date", "-history_id")
