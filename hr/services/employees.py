"""Writes to employee records: creation, corrections, transfers and salary decisions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from hr.identity import national_id_mismatch
from hr.models import Assignment, Employee, OrgUnit, Position, Rank, Restriction, SalaryRecord, SalaryStep, User
from hr.selectors.discipline import restrictions_in_force

# Fields that change only through a dated decision (transfer, salary change), never by edit.
DECISION_FIELDS = frozenset({"unit", "position", "rank", "salary_step", "salary_coefficient", "salary_date"})


def _check_identity(employee: Employee) -> None:
    problem = national_id_mismatch(employee.national_id, employee.date_of_birth, employee.sex)
    if problem:
        raise ValidationError({"national_id": [problem]})


def _check_step_in_rank(rank: Rank | None, step: SalaryStep | None) -> None:
    if step is not None and rank is None:
        raise ValidationError({"rank": [_("A salary step needs a rank.")]})
    if rank is not None and step is not None and step.scale_id != rank.scale_id:
        raise ValidationError({"salary_step": [_("The salary step does not belong to the rank's salary scale.")]})


def _check_not_future(day: datetime.date, *, field: str) -> None:
    # The record's current unit and salary follow the newest decision at once, so a
    # decision is entered on or after the day it takes effect (no hidden scheduled change).
    if day > datetime.date.today():
        raise ApplicationError(
            _("A decision is recorded once it has taken effect; the date is in the future."), field=field
        )


def _check_discipline(employee: Employee, wanted: set[str], *, on: datetime.date, field: str) -> None:
    """Refuse a decision that a discipline decision in force on `on` forbids (Luật CBCC 2025 Điều 38)."""
    if not wanted:
        return
    blocked = wanted & restrictions_in_force(employee=employee, on=on)
    if blocked:
        labels = ", ".join(str(Restriction(r).label).lower() for r in sorted(blocked))
        raise ApplicationError(
            _("The person is under a discipline decision in force on %(date)s, which forbids: %(what)s.")
            % {"date": on.strftime("%d/%m/%Y"), "what": labels},
            field=field,
        )


@transaction.atomic
def employee_create(
    *,
    actor: User | None,
    unit: OrgUnit,
    recruitment_date: datetime.date,
    position: Position | None = None,
    rank: Rank | None = None,
    salary_step: SalaryStep | None = None,
    salary_date: datetime.date | None = None,
    decision_number: str = "",
    **fields,
) -> Employee:
    """Register a person with their first assignment and, if ranked, their first salary record."""
    _check_step_in_rank(rank, salary_step)
    employee = Employee(
        unit=unit,
        position=position,
        rank=rank,
        salary_step=salary_step,
        salary_coefficient=salary_step.coefficient if salary_step else None,
        salary_date=(salary_date or recruitment_date) if salary_step else None,
        recruitment_date=recruitment_date,
        **fields,
    )
    employee._history_user = actor
    employee.full_clean()
    _check_identity(employee)
    employee.save()
    Assignment.objects.create(
        employee=employee,
        unit=unit,
        position=position,
        start_date=recruitment_date,
        decision_number=decision_number,
        note=_("Recruitment"),
        created_by=actor,
    )
    if rank and salary_step:
        SalaryRecord.objects.create(
            employee=employee,
            rank=rank,
            salary_step=salary_step,
            coefficient=salary_step.coefficient,
            effective_date=employee.salary_date,
            decision_number=decision_number,
            reason=_("Recruitment"),
            created_by=actor,
        )
    return employee


@transaction.atomic
def employee_update(*, employee: Employee, actor: User | None, **fields) -> Employee:
    """Correct personal data; unit, post, rank and salary change only through decisions."""
    forbidden = DECISION_FIELDS.intersection(fields)
    if forbidden:
        message = _("Changed only through a transfer or salary decision.")
        raise ValidationError({name: [message] for name in sorted(forbidden)})
    for name, value in fields.items():
        setattr(employee, name, value)
    employee._history_user = actor
    employee.full_clean()
    _check_identity(employee)
    employee.save()
    return employee


@transaction.atomic
def employee_transfer(
    *,
    employee: Employee,
    actor: User | None,
    unit: OrgUnit,
    start_date: datetime.date,
    position: Position | None = None,
    decision_number: str = "",
    note: str = "",
) -> Assignment:
    """Move a person to a unit or post from a date: closes the current period, opens a new one."""
    _check_not_future(start_date, field="start_date")
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    current = employee.assignments.filter(end_date__isnull=True).order_by("-start_date").first()
    if current and start_date <= current.start_date:
        raise ApplicationError(
            _("The transfer must start after the current assignment began (%(date)s).")
            % {"date": current.start_date.strftime("%d/%m/%Y")},
            field="start_date",
        )
    if not unit.is_valid_on(start_date):
        raise ApplicationError(_("The unit is not in existence on the start date."), field="unit")
    wanted = set()
    if unit.pk != employee.unit_id:
        wanted.add(Restriction.TRANSFER)
    if position is not None and position.is_leadership and position.pk != employee.position_id:
        wanted.add(Restriction.APPOINTMENT)
    _check_discipline(employee, wanted, on=start_date, field="start_date")
    if current:
        current.end_date = start_date - datetime.timedelta(days=1)
        current.save(update_fields=["end_date"])
    assignment = Assignment(
        employee=employee,
        unit=unit,
        position=position,
        start_date=start_date,
        decision_number=decision_number,
        note=note,
        created_by=actor,
    )
    assignment.full_clean()
    assignment.save()
    employee.unit = unit
    employee.position = position
    employee._history_user = actor
    employee.save(update_fields=["unit", "position", "updated_at"])
    return assignment


@transaction.atomic
def employee_change_salary(
    *,
    employee: Employee,
    actor: User | None,
    rank: Rank,
    salary_step: SalaryStep,
    effective_date: datetime.date,
    decision_number: str = "",
    reason: str = "",
) -> SalaryRecord:
    """Record a rank or salary-step decision and make it the person's current salary."""
    _check_not_future(effective_date, field="effective_date")
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    _check_step_in_rank(rank, salary_step)
    # Only a move upwards is restricted: a higher coefficient in another rank is a promotion, in the same a raise.
    wanted = set()
    if employee.salary_coefficient is not None and salary_step.coefficient > employee.salary_coefficient:
        wanted.add(Restriction.RANK_PROMOTION if rank.pk != employee.rank_id else Restriction.SALARY_RAISE)
    _check_discipline(employee, wanted, on=effective_date, field="effective_date")
    latest = employee.salary_records.order_by("-effective_date").first()
    if latest and effective_date <= latest.effective_date:
        raise ApplicationError(
            _("The decision must take effect after the latest salary decision (%(date)s).")
            % {"date": latest.effective_date.strftime("%d/%m/%Y")},
            field="effective_date",
        )
    record = SalaryRecord(
        employee=employee,
        rank=rank,
        salary_step=salary_step,
        coefficient=salary_step.coefficient,
        effective_date=effective_date,
        decision_number=decision_number,
        reason=reason,
        created_by=actor,
    )
    record.full_clean()
    record.save()
    employee.rank = rank
    employee.salary_step = salary_step
    employee.salary_coefficient = salary_step.coefficient
    employee.salary_date = effective_date
    employee._history_user = actor
    employee.save(update_fields=["rank", "salary_step", "salary_coefficient", "salary_date", "updated_at"])
    return record
