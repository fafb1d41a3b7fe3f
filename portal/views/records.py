"""Home, a person's record, their training and their discipline and commendations (own, or in the caller's scope)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from evaluations.selectors.tasks import task_list
from hr.models import Employee
from hr.selectors.commendations import commendation_list, initiative_list
from hr.selectors.discipline import discipline_list
from hr.selectors.employees import employee_assignments, employee_salary_records, employee_visible
from portal.pages import portal_page
from training.selectors.records import training_record


def person_or_404(request, employee_id: int | None) -> Employee:
    """The caller's own record, or one they may read (a 404 otherwise, as in the API)."""
    if employee_id is None:
        employee_id = request.user.employee_id
        if employee_id is None:
            raise Http404(_("Your account is not linked to an employee record."))
    return get_object_or_404(employee_visible(user=request.user), pk=employee_id)


@portal_page
def home(request):
    user = request.user
    context = {
        "task_count": task_list(user=user).count(),
        "employee": user.employee if user.employee_id else None,
        "reads_units": bool(user.is_province_admin or user.scope_unit_id),
    }
    return render(request, "portal/home.html", context)


@portal_page
def record(request, employee_id: int | None = None):
    employee = person_or_404(request, employee_id)
    context = {
        "employee": employee,
        "own": employee.pk == request.user.employee_id,
        "assignments": list(employee_assignments(employee=employee)),
        "salary_records": list(employee_salary_records(employee=employee)),
    }
    return render(request, "portal/record.html", context)


@portal_page
def training(request, employee_id: int | None = None):
    employee = person_or_404(request, employee_id)
    record = training_record(employee=employee)
    context = {"employee": employee, "own": employee.pk == request.user.employee_id, **record}
    return render(request, "portal/training.html", context)


@portal_page
def discipline(request, employee_id: int | None = None):
    employee = person_or_404(request, employee_id)
    filters = {"employee": employee.pk}
    context = {
        "employee": employee,
        "own": employee.pk == request.user.employee_id,
        "discipline": list(discipline_list(user=request.user, filters=filters).order_by("-decision_date", "-id")),
        "commendations": list(commendation_list(user=request.user, filters=filters).order_by("-decision_date", "-id")),
        "initiatives": list(initiative_list(user=request.user, filters=filters).order_by("-recognised_on", "-id")),
    }
    return render(request, "portal/discipline.html", context)
