"""Reads of employee records, scoped to what the caller may see."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from hr.access import employee_scope_q
from hr.models import Assignment, Category, Employee, EmploymentStatus, Position, Rank, SalaryRecord, User
from hr.selectors.units import UnitSubtreeFilter


class EmployeeFilter(django_filters.FilterSet):
    unit = UnitSubtreeFilter(path_field="unit__path", label=_("Unit (whole subtree)"))
    category = django_filters.MultipleChoiceFilter(choices=Category.choices, distinct=False)
    status = django_filters.MultipleChoiceFilter(choices=EmploymentStatus.choices, distinct=False)
    rank = django_filters.ModelChoiceFilter(queryset=Rank.objects.all(), field_name="rank")
    position = django_filters.ModelChoiceFilter(queryset=Position.objects.all(), field_name="position")
    is_leader = django_filters.BooleanFilter(field_name="position__is_leadership", label=_("Holds a leadership post"))

    class Meta:
        model = Employee
        fields = ["unit", "category", "status", "rank", "position", "is_leader"]


def employee_visible(*, user: User) -> QuerySet[Employee]:
    """Every employee the caller may read, with the joins a record needs."""
    return Employee.objects.filter(employee_scope_q(user)).select_related(
        "unit", "position", "rank", "rank__scale", "salary_step"
    )


def employee_list(*, user: User, filters=None) -> QuerySet[Employee]:
    return EmployeeFilter(filters or {}, queryset=employee_visible(user=user)).qs


def employee_assignments(*, employee: Employee) -> QuerySet[Assignment]:
    return employee.assignments.select_related("unit", "position", "created_by")


def employee_salary_records(*, employee: Employee) -> QuerySet[SalaryRecord]:
    return employee.salary_records.select_related("rank", "salary_step__scale", "created_by")


def employee_history(*, employee: Employee):
    """Versions of the record, newest first, with who changed it."""
    return employee.history.select_related("history_user").order_by("-history_date", "-history_id")
