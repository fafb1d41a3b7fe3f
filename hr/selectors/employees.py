"""Reads of employee records, scoped to what the caller may see."""

import django_filters
from django.db.models import QuerySet
from django.db.models.sql.where import WhereNode
from django.utils.translation import gettext_lazy as _

from hr.access import can_read_unit_subtree, employee_scope_forms, employee_scope_q
from hr.models import Assignment, Category, Employee, EmploymentStatus, OrgUnit, Position, Rank, SalaryRecord, User
from hr.selectors.units import UnitSubtreeFilter

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


class EmployeeFilter(django_filters.FilterSet):
    # Only the path is needed to filter by the subtree, so the unit is read without its other columns.
    unit = UnitSubtreeFilter(
        path_field="unit__path", queryset=OrgUnit.objects.only("id", "path"), label=_("Unit (whole subtree)")
    )
    category = django_filters.MultipleChoiceFilter(choices=Category.choices, distinct=False)
    status = django_filters.MultipleChoiceFilter(choices=EmploymentStatus.choices, distinct=False)
    rank = django_filters.ModelChoiceFilter(queryset=Rank.objects.all(), field_name="rank")
    position = django_filters.ModelChoiceFilter(queryset=Position.objects.all(), field_name="position")
    is_leader = django_filters.BooleanFilter(field_name="position__is_leadership", label=_("Holds a leadership post"))

    class Meta:
        model = Employee
        fields = ["unit", "category", "status", "rank", "position", "is_leader"]

    def filter_queryset(self, queryset):
        unit = self.form.cleaned_data.get("unit")
        user = getattr(self.request, "user", None)
        if unit is not None and getattr(user, "is_authenticated", False) and can_read_unit_subtree(user, unit):
            queryset = _without_scope(queryset, user)
        return super().filter_queryset(queryset)


def _without_scope(queryset: QuerySet[Employee], user: User) -> QuerySet[Employee]:
    """`queryset` without its scope condition, when that condition is exactly `user`'s scope and nothing else.

    Filtered to a unit whose whole subtree the caller reads, the scope adds nothing (the subtree lies
    inside it), but a second path condition makes PostgreSQL multiply the two selectivities, expect
    a handful of rows instead of tens of thousands and sort the whole subtree (issue 15). Any other
    condition on `queryset` keeps it as it is.
    """
    scopes = [Employee.objects.filter(scope).query.where for scope in employee_scope_forms(user)]
    if queryset.query.where not in scopes:
        return queryset
    unscoped = queryset.all()
    unscoped.query.where = WhereNode()
    return unscoped


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
