"""The dossier's table rows a caller may read, with their joins; sensitive tables by the sensitive rule."""

import django_filters
from django.db.models import QuerySet

from backend.api.filters import IdFilter
from dossier.access import sensitive_scope_q
from dossier.models import Allowance, FamilyMember, JobPosition, PositionHolding, Qualification
from hr.access import employee_scope_q
from hr.models import User


class EmployeeRowFilter(django_filters.FilterSet):
    """The rows of one person."""

    employee = IdFilter(field_name="employee_id")

    class Meta:
        fields = ["employee"]


def _filter(model):
    return type(
        f"{model.__name__}Filter",
        (EmployeeRowFilter,),
        {"Meta": type("Meta", (), {"model": model, "fields": ["employee"]})},
    )


QualificationFilter = _filter(Qualification)
FamilyMemberFilter = _filter(FamilyMember)
PositionHoldingFilter = _filter(PositionHolding)
AllowanceFilter = _filter(Allowance)


def qualification_list(*, user: User) -> QuerySet[Qualification]:
    return Qualification.objects.filter(employee_scope_q(user, prefix="employee__")).select_related("employee")


def family_member_list(*, user: User) -> QuerySet[FamilyMember]:
    """Family is sensitive: only the person, their agency's personnel office and the administration read it."""
    return FamilyMember.objects.filter(sensitive_scope_q(user, prefix="employee__")).select_related("employee")


def position_holding_list(*, user: User) -> QuerySet[PositionHolding]:
    return PositionHolding.objects.filter(employee_scope_q(user, prefix="employee__")).select_related(
        "employee", "job_position__agency"
    )


def allowance_list(*, user: User) -> QuerySet[Allowance]:
    return Allowance.objects.filter(employee_scope_q(user, prefix="employee__")).select_related("employee")


class JobPositionFilter(django_filters.FilterSet):
    agency = IdFilter(field_name="agency_id")

    class Meta:
        model = JobPosition
        fields = ["agency", "group"]


def job_position_list() -> QuerySet[JobPosition]:
    """Agencies' job-position lists are public inside the province, like the organisation chart."""
    return JobPosition.objects.select_related("agency")
