"""Reads of enrolments and certificates, scoped to the people the caller may read."""

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from backend.api.filters import IdFilter, YearFilter
from hr.access import employee_scope_forms, employee_scope_q
from hr.models import User
from hr.selectors.scoped_filters import ScopeImpliedByUnitMixin
from hr.selectors.units import UnitSubtreeFilter
from training.access import class_manage_q
from training.models import Certificate, Enrolment, EnrolmentStatus, Result, TrainingClass
from training.selectors.compliance import FIRST_YEAR, LAST_YEAR

ENROLMENT_JOINS = (
    "employee",
    "employee__unit",
    "training_class",
    "training_class__programme",
    "certificate",
)


class EnrolmentFilter(ScopeImpliedByUnitMixin, django_filters.FilterSet):
    training_class = django_filters.ModelChoiceFilter(queryset=TrainingClass.objects.all())
    unit = UnitSubtreeFilter(unit_field="employee__unit", label=_("Unit (whole subtree)"))
    employee = IdFilter(field_name="employee_id")
    status = django_filters.MultipleChoiceFilter(choices=EnrolmentStatus.choices)
    result = django_filters.MultipleChoiceFilter(choices=Result.choices)
    year = YearFilter(
        field_name="training_class__end_date__year",
        label=_("Year the class ends"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )

    class Meta:
        model = Enrolment
        fields = ["training_class", "unit", "employee", "status", "result", "year"]

    def scope_forms(self, user: User) -> list[Q]:
        classes = class_manage_q(user, prefix="training_class__")
        return [people | classes for people in employee_scope_forms(user, prefix="employee__")]


def enrolment_visible(*, user: User) -> QuerySet[Enrolment]:
    """Enrolments of people the caller may read, and every enrolment of the classes they run."""
    return Enrolment.objects.filter(
        employee_scope_q(user, prefix="employee__") | class_manage_q(user, prefix="training_class__")
    ).select_related(*ENROLMENT_JOINS)


def enrolment_list(*, user: User, filters=None) -> QuerySet[Enrolment]:
    visible = enrolment_visible(user=user)
    return EnrolmentFilter(filters, queryset=visible).qs if filters else visible


def class_enrolments(*, user: User, training_class: TrainingClass) -> QuerySet[Enrolment]:
    return enrolment_visible(user=user).filter(training_class=training_class)


def certificate_visible(*, user: User) -> QuerySet[Certificate]:
    return Certificate.objects.filter(
        employee_scope_q(user, prefix="enrolment__employee__")
        | class_manage_q(user, prefix="enrolment__training_class__")
    ).select_related("enrolment__employee", "enrolment__training_class__programme")


def certificate_by_code(*, code: str) -> Certificate | None:
    """The certificate a verification code belongs to, for the public check."""
    return (
        Certificate.objects.select_related("enrolment__employee", "enrolment__training_class__programme")
        .filter(verification_code=code.strip().upper())
        .first()
    )
