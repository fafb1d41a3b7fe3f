"""The people whose dossier a caller may open, with what the dossier and Mẫu 2C read of hr's record."""

from django.db.models import QuerySet

from dossier.models import AdministrativeUnit
from hr.access import employee_scope_q
from hr.models import Employee, User


def dossier_people(*, user: User) -> QuerySet[Employee]:
    return Employee.objects.filter(employee_scope_q(user)).select_related(
        "unit__parent", "position", "rank", "salary_step"
    )


def administrative_unit_list() -> QuerySet[AdministrativeUnit]:
    return AdministrativeUnit.objects.select_related("parent", "merged_into__merged_into")
