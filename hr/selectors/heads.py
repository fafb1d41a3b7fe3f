"""Who heads a unit on a day, and who is competent to evaluate a person (Luật CBCC 2025 Điều 25).

The head is read from the personnel records, never entered beside them: the person whose assignment on the day
puts them in the unit on a head post (`Position.is_head`: Giám đốc sở, Chủ tịch UBND…). People recorded before
assignments were kept (no assignment row at all) count by their current unit and post while in service.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from hr.models import Assignment, Employee, EmploymentStatus, OrgUnit

IN_SERVICE = (EmploymentStatus.ACTIVE, EmploymentStatus.ON_LEAVE, EmploymentStatus.SUSPENDED)


@dataclass(frozen=True)
class CompetentPerson:
    """The head who evaluates: the person, the post they hold and the agency they head (on the day)."""

    employee: Employee
    title: str
    agency: OrgUnit


def unit_head_on(*, unit: OrgUnit, day: datetime.date) -> tuple[Employee, str] | None:
    """The head of `unit` on `day` and the name of their post, or None when the records name nobody.

    Two people on the post the same day (a handover entered late) give the one appointed last.
    """
    held = (
        Assignment.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day),
            unit=unit,
            position__is_head=True,
            start_date__lte=day,
        )
        .select_related("employee", "position")
        .order_by("-start_date", "-pk")
        .first()
    )
    if held is not None:
        return held.employee, held.position.name
    current = (
        Employee.objects.filter(
            unit=unit,
            position__is_head=True,
            status__in=IN_SERVICE,
            recruitment_date__lte=day,
            assignments__isnull=True,
        )
        .select_related("position")
        .order_by("-recruitment_date", "-pk")
        .first()
    )
    return (current, current.position.name) if current is not None else None


def higher_agency(agency: OrgUnit) -> OrgUnit | None:
    """The nearest agency above `agency` (the one that directly manages it), or None at the top of the tree."""
    unit = agency.parent
    while unit is not None and not unit.is_agency:
        unit = unit.parent
    return unit


def competent_person_on(
    *, agency: OrgUnit, employee_id: int, is_agency_head: bool, day: datetime.date
) -> CompetentPerson | None:
    """The head of the agency using the person; for the head of the agency, the head of the higher agency.

    Someone who heads the agency on the day is evaluated by the higher agency's head even when the
    evaluation was opened before their appointment. None when the records name no head.
    """
    evaluating = higher_agency(agency) if is_agency_head else agency
    while evaluating is not None:
        found = unit_head_on(unit=evaluating, day=day)
        if found is None:
            return None
        head, title = found
        if head.pk != employee_id:
            return CompetentPerson(employee=head, title=title, agency=evaluating)
        evaluating = higher_agency(evaluating)
    return None
