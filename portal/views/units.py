"""A unit's figures for managers, officers and administrators: rating distribution and training compliance."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from backend.api.exceptions import ApplicationError
from evaluations.models import PeriodKind
from evaluations.selectors.statistics import rating_distribution
from hr.access import can_read_unit_subtree
from hr.models import OrgUnit, RatingLevel
from hr.selectors.units import unit_subtree
from portal.pages import portal_page
from training.selectors.compliance import check_year, compliance_list, unit_compliance_figures

PAGE_SIZE = 50


def _unit(request) -> OrgUnit:
    """The unit asked for (within the caller's subtree), else the caller's own scope (the province for admins)."""
    user = request.user
    unit_id = request.GET.get("unit", "")
    if unit_id.isdigit():
        unit = get_object_or_404(OrgUnit, pk=int(unit_id))
    elif user.scope_unit_id:
        unit = user.scope_unit
    else:
        unit = OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()
    if unit is None or not can_read_unit_subtree(user, unit):
        raise PermissionDenied
    return unit


@portal_page
def unit_overview(request):
    unit = _unit(request)
    try:
        year = check_year(request.GET.get("year", timezone.localdate().year))
    except ApplicationError:  # a malformed year in the address: this year
        year = timezone.localdate().year
    rows = list(rating_distribution(year=year, unit=unit, period_kind=PeriodKind.ANNUAL))
    keys = [*RatingLevel.values, "not_rated", "pending", "total"]
    totals = {key: sum(row[key] for row in rows) for key in keys}
    people = compliance_list(user=request.user, year=year, filters={"unit": unit.pk}).order_by("full_name", "id")
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "unit": unit,
        "year": year,
        "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        "units": unit_subtree(unit=request.user.scope_unit) if request.user.scope_unit_id else [unit],
        "levels": RatingLevel.choices,
        "rows": rows,
        "totals": totals,
        "figures": unit_compliance_figures(unit=unit, year=year),
        "page": page,
    }
    return render(request, "portal/unit.html", context)
