"""The demo's activity (training, discipline, evaluations, commendations, reform), built through the services."""

import datetime
import random
from dataclasses import dataclass, field

from hr.models import Employee, EmploymentStatus, OrgUnit


@dataclass
class Staff:
    """The current agencies and who works in each (ordered by id, so the same seed picks the same people)."""

    agencies: dict[int, OrgUnit]
    people: dict[int, list[Employee]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Staff":
        units = list(OrgUnit.objects.filter(valid_to__isnull=True).order_by("path"))
        by_path = {u.path: u for u in units}
        staff = cls(agencies={u.pk: u for u in units if u.is_agency})
        for employee in Employee.objects.select_related("unit", "position").order_by("pk"):
            agency = agency_of(employee.unit, by_path)
            if agency is not None:
                staff.people.setdefault(agency.pk, []).append(employee)
        return staff

    def active(self, agency: OrgUnit) -> list[Employee]:
        return [e for e in self.people.get(agency.pk, []) if e.status == EmploymentStatus.ACTIVE]

    def by_code(self, code: str) -> OrgUnit:
        return next(a for a in self.agencies.values() if a.code == code)


def agency_of(unit: OrgUnit, by_path: dict[str, OrgUnit]) -> OrgUnit | None:
    """The nearest agency at or above `unit` (a room belongs to its department or commune)."""
    path = unit.path
    while path:
        candidate = by_path.get(path)
        if candidate is not None and candidate.is_agency:
            return candidate
        path = path[:-7]
    return None


def day_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max((last - first).days, 0)))


@dataclass
class ActivitySummary:
    programmes: int = 0
    classes: int = 0
    enrolments: int = 0
    certificates: int = 0
    evaluations_decided: int = 0
    evaluations_open: int = 0
    staff_logins: int = 0
    staff_login_hint: str = ""
    discipline: int = 0
    commendations: int = 0
    appraisals_published: int = 0
    appraisals_open: int = 0

    def line(self) -> str:
        return (
            f"Activity: {self.classes} training classes of {self.programmes} programmes, {self.enrolments} "
            f"enrolments, {self.certificates} certificates; {self.evaluations_decided} evaluations decided and "
            f"{self.evaluations_open} awaiting self-assessment ({self.staff_logins} staff logins, e.g. "
            f"{self.staff_login_hint or '-'}); "
            f"{self.discipline} discipline decisions; {self.commendations} commendations; "
            f"{self.appraisals_published} reform appraisals published and {self.appraisals_open} in progress."
        )
