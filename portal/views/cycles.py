"""Evaluation cycles for personnel officers: where each stands, what awaits them, and a unit's forms as a ZIP."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from evaluations.selectors.cycles import cycle_list
from evaluations.selectors.evaluations import evaluation_list, status_choices
from evaluations.selectors.tasks import task_list
from evaluations.services.workflow import available_transitions
from hr.access import can_read_unit_subtree
from hr.selectors.units import unit_subtree
from portal.pages import portal_page

PAGE_SIZE = 50


@portal_page
def cycles(request):
    page = Paginator(cycle_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "portal/cycles.html", {"page": page})


@portal_page
def cycle_detail(request, pk: int):
    cycle = get_object_or_404(cycle_list(user=request.user), pk=pk)
    user = request.user
    counts = (
        evaluation_list(user=user, filters={"cycle": cycle.pk})
        .order_by()
        .values_list("status")
        .annotate(count=Count("id"))
    )
    statuses = dict(status_choices())
    tasks = Paginator(task_list(user=user).filter(cycle=cycle), PAGE_SIZE).get_page(request.GET.get("page"))
    # The forms download answers officers, managers and administrators for a unit they read (as the API).
    zip_units = []
    if user.is_province_admin or user.scope_unit_id:
        root = user.scope_unit if user.scope_unit_id and not user.is_province_admin else cycle.scope_unit
        if can_read_unit_subtree(user, root):
            zip_units = [
                u for u in unit_subtree(unit=root).order_by("path") if u.path.startswith(cycle.scope_unit.path)
            ]
    context = {
        "cycle": cycle,
        "counts": [(statuses.get(code, code), count) for code, count in counts],
        "page": tasks,
        "rows": [(evaluation, available_transitions(user, evaluation)) for evaluation in tasks],
        "statuses": statuses,
        "zip_units": zip_units,
    }
    return render(request, "portal/cycle.html", context)
