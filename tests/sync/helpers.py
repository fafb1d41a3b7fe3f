"""Writing people's records through hr's services, so the change log fills as it does in use."""

import datetime
import itertools

from hr.identity import make_national_id
from hr.models import Employee, Rank, SalaryStep
from hr.services.employees import employee_create
from hr.services.ratings import annual_rating_record

_serial = itertools.count(500)


def hire(unit, *, full_name: str = "Lò Thị Hương", actor=None) -> Employee:
    """A ranked civil servant registered by the service: an employee, an assignment and a salary record."""
    rank = Rank.objects.get(code="01.003")
    born = datetime.date(1991, 4, 12)
    return employee_create(
        actor=actor,
        unit=unit,
        recruitment_date=datetime.date(2020, 1, 2),
        rank=rank,
        salary_step=SalaryStep.objects.get(scale=rank.scale, step=2),
        national_id=make_national_id(14, born, "F", next(_serial)),
        full_name=full_name,
        date_of_birth=born,
        sex="F",
        category="CONG_CHUC",
    )


def rate(employee: Employee, year: int = 2025, rating: str = "HTTNV"):
    return annual_rating_record(actor=None, employee=employee, year=year, rating=rating)
