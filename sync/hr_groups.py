"""The parts of the NĐ 27 data groups that hr already holds, registered at start-up so the feed works today.

- `identity` (group 1): the person's identity fields of `Employee`;
- `career` (group 4): recruitment, category, status and the assignments (transfers, appointments);
- `education` (group 5): the three education levels kept on `Employee`;
- `work` (group 6): the current unit, post, rank and salary with the salary decisions, the yearly ratings
  (whose changes follow the ratings deadline), titles, commendations and initiatives, and discipline.
The dossier app adds its own parts (family, personal history, degrees, allowances...) the same way.
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from hr.models import (
    AnnualRating,
    Assignment,
    Commendation,
    DisciplineRecord,
    Employee,
    Initiative,
    OrgUnit,
    Position,
    SalaryRecord,
)
from sync.registry import RATING, register_group

IDENTITY_FIELDS = ("national_id", "legacy_id_number", "full_name", "date_of_birth", "sex", "ethnicity", "email")
CAREER_FIELDS = ("recruitment_date", "category", "status")
EDUCATION_FIELDS = ("education_level", "political_theory_level", "state_management_level")
POST_FIELDS = ("unit", "position", "rank", "salary_step", "salary_coefficient", "salary_date")


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _number(value: Decimal | None) -> str | None:
    return str(value) if value is not None else None


def _unit(unit: OrgUnit | None) -> dict | None:
    return {"code": unit.code, "name": unit.name} if unit else None


def _position(position: Position | None) -> dict | None:
    return {"code": position.code, "name": position.name} if position else None


def identity(employee: Employee) -> dict:
    return {
        "national_id": employee.national_id,
        "legacy_id_number": employee.legacy_id_number,
        "full_name": employee.full_name,
        "date_of_birth": _day(employee.date_of_birth),
        "sex": employee.sex,
        "ethnicity": employee.ethnicity,
        "email": employee.email,
    }


def career(employee: Employee) -> dict:
    assignments = (
        Assignment.objects.filter(employee=employee).select_related("unit", "position").order_by("start_date", "id")
    )
    return {
        "recruitment_date": _day(employee.recruitment_date),
        "category": employee.category,
        "status": employee.status,
        "assignments": [
            {
                "unit": _unit(a.unit),
                "position": _position(a.position),
                "start_date": _day(a.start_date),
                "end_date": _day(a.end_date),
                "decision_number": a.decision_number,
                "note": a.note,
            }
            for a in assignments
        ],
    }


def education(employee: Employee) -> dict:
    return {name: getattr(employee, name) for name in EDUCATION_FIELDS}


def work(employee: Employee) -> dict:
    employee = Employee.objects.select_related("unit", "position", "rank", "salary_step__scale").get(pk=employee.pk)
    records = (
        SalaryRecord.objects.filter(employee=employee)
        .select_related("rank", "salary_step")
        .order_by("effective_date", "id")
    )
    return {
        "unit": _unit(employee.unit),
        "position": _position(employee.position),
        "rank": {"code": employee.rank.code, "name": employee.rank.name} if employee.rank else None,
        "salary_step": employee.salary_step.step if employee.salary_step else None,
        "salary_coefficient": _number(employee.salary_coefficient),
        "salary_date": _day(employee.salary_date),
        "salary_history": [
            {
                "rank": r.rank.code,
                "salary_step": r.salary_step.step,
                "coefficient": _number(r.coefficient),
                "effective_date": _day(r.effective_date),
                "decision_number": r.decision_number,
                "reason": r.reason,
            }
            for r in records
        ],
    }


def ratings(employee: Employee) -> dict:
    rows = AnnualRating.objects.filter(employee=employee).order_by("year")
    return {
        "ratings": [
            {"year": r.year, "rating": r.rating, "source": r.source, "decision_number": r.decision_number} for r in rows
        ]
    }


def commendations(employee: Employee) -> dict:
    """Titles, commendations and recognised initiatives, the annulled ones marked (never dropped)."""
    awards = Commendation.objects.filter(employee=employee).order_by("decision_date", "id")
    initiatives = Initiative.objects.filter(employee=employee).order_by("recognised_on", "id")
    return {
        "commendations": [
            {
                "award": c.award,
                "year": c.year,
                "decision_number": c.decision_number,
                "issuing_authority": c.issuing_authority,
                "decision_date": _day(c.decision_date),
                "annulled_on": _day(c.annulled_on),
            }
            for c in awards
        ],
        "initiatives": [
            {
                "title": i.title,
                "recognition_level": i.recognition_level,
                "year": i.year,
                "decision_number": i.decision_number,
                "recognised_on": _day(i.recognised_on),
                "annulled_on": _day(i.annulled_on),
            }
            for i in initiatives
        ],
    }


def discipline(employee: Employee) -> dict:
    """Discipline decisions, the annulled ones marked (void from the start, kept in the record)."""
    records = DisciplineRecord.objects.filter(employee=employee).order_by("decision_date", "id")
    return {
        "discipline": [
            {
                "form": d.form,
                "decision_number": d.decision_number,
                "issuing_authority": d.issuing_authority,
                "decision_date": _day(d.decision_date),
                "effective_date": _day(d.effective_date),
                "in_force_until": _day(d.effect_end),
                "annulled_on": _day(d.annulled_on),
            }
            for d in records
        ]
    }


def hr_groups_register() -> None:
    register_group("identity", _("Identity (personnel record)"), identity, [(Employee, IDENTITY_FIELDS)])
    register_group("career", _("Recruitment and assignments"), career, [(Employee, CAREER_FIELDS), Assignment])
    register_group("education", _("Education levels"), education, [(Employee, EDUCATION_FIELDS)])
    register_group("work", _("Current post and salary history"), work, [(Employee, POST_FIELDS), SalaryRecord])
    register_group("work", _("Yearly quality ratings"), ratings, [AnnualRating], deadline=RATING)
    register_group("work", _("Emulation titles and commendations"), commendations, [Commendation, Initiative])
    register_group("work", _("Discipline"), discipline, [DisciplineRecord])
