"""Reads of teaching records: the teachers the caller may read, and every teacher of the classes they run."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from backend.api.filters import IdFilter, YearFilter
from hr.access import employee_scope_q
from hr.models import User
from training.access import class_manage_q
from training.models import TeachingAssignment, TeachingStatus, TrainingClass
from training.selectors.compliance import FIRST_YEAR, LAST_YEAR


class TeachingFilter(django_filters.FilterSet):
    training_class = django_filters.ModelChoiceFilter(queryset=TrainingClass.objects.all())
    employee = IdFilter(field_name="employee_id")
    status = django_filters.MultipleChoiceFilter(choices=TeachingStatus.choices)
    year = YearFilter(
        field_name="training_class__end_date__year",
        label=_("Year the class ends"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )

    class Meta:
        model = TeachingAssignment
        fields = ["training_class", "employee", "status", "year"]


def teaching_visible(*, user: User) -> QuerySet[TeachingAssignment]:
    """Teaching of people the caller may read, and all teaching in the classes they run."""
    return TeachingAssignment.objects.filter(
        employee_scope_q(user, prefix="employee__") | class_manage_q(user, prefix="training_class__")
    ).select_related("employee", "training_class__programme", "recorded_by")


def teaching_list(*, user: User, filters=None) -> QuerySet[TeachingAssignment]:
    return TeachingFilter(filters or {}, queryset=teaching_visible(user=user)).qs
