"""Writes of emulation titles, commendations and initiatives, with the award amount of NĐ 152/2025."""

import datetime
from decimal import ROUND_CEILING, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from hr.access import access_employee_for_write, access_recipient_for_write
from hr.models import (
    Award,
    AwardKind,
    AwardRule,
    BaseSalary,
    Commendation,
    Employee,
    Initiative,
    OrgUnit,
    Recipient,
    Restriction,
    User,
    award_rules_day,
)
from hr.selectors.discipline import restrictions_in_force
from hr.services.annulment import record_annul
from hr.services.changes import person_changes_record

# Award money is rounded up to the next multiple of this (NĐ 152/2025 Điều 50).
ROUNDING_STEP = Decimal(10_000)


def award_amount(*, coefficient: Decimal, base_salary: int) -> int:
    """Coefficient × base salary, rounded up to the next 10,000 VND."""
    steps = (Decimal(coefficient) * Decimal(base_salary) / ROUNDING_STEP).to_integral_value(rounding=ROUND_CEILING)
    return int(steps * ROUNDING_STEP)


def _check_recipient(*, employee: Employee | None, unit: OrgUnit | None) -> str:
    if (employee is None) == (unit is None):
        raise ApplicationError(_("Give either a person or a unit, not both."), field="employee", code="one_recipient")
    return Recipient.INDIVIDUAL if employee is not None else Recipient.COLLECTIVE


def _check_year(*, year: int, decision_date: datetime.date) -> None:
    if decision_date > datetime.date.today():
        raise ApplicationError(
            _("A decision is recorded once it has been issued; the date is in the future."),
            field="decision_date",
            code="future_date",
        )
    if year > decision_date.year:
        raise ApplicationError(
            _("The emulation year cannot be after the decision date."), field="year", code="year_after_decision"
        )


def _check_not_twice(*, rule: AwardRule, award: str, year: int, employee, unit) -> None:
    """An emulation title is given once a year to a recipient; forms of commendation may repeat."""
    if rule.kind != AwardKind.TITLE:
        return
    if Commendation.objects.filter(
        award=award, year=year, employee=employee, unit=unit, annulled_on__isnull=True
    ).exists():
        raise ApplicationError(
            _("This title has already been given for %(year)s.") % {"year": year},
            field="award",
            code="award_already_given",
        )


@transaction.atomic
def commendation_create(
    *,
    actor: User | None,
    award: str,
    year: int,
    decision_number: str,
    issuing_authority: str,
    decision_date: datetime.date,
    employee: Employee | None = None,
    unit: OrgUnit | None = None,
    reason: str = "",
) -> Commendation:
    """Record a title or commendation with its coefficient and the amount at the base salary of its date."""
    recipient = _check_recipient(employee=employee, unit=unit)
    access_recipient_for_write(actor, employee=employee, unit=unit)
    _check_year(year=year, decision_date=decision_date)
    # The emulation year's rules, as eligibility judges them; the amount takes the decision date's base salary.
    rule = AwardRule.objects.in_force_on(award_rules_day(year)).filter(award=award, recipient=recipient).first()
    if rule is None:
        raise ApplicationError(
            _("“%(award)s” is not given to %(recipient)s for %(year)s.")
            % {"award": Award(award).label, "recipient": Recipient(recipient).label.lower(), "year": year},
            field="award",
            code="award_not_given",
        )
    if employee is not None:
        # Lock the person so two decisions cannot both pass the once-a-year check.
        employee = Employee.objects.select_for_update().get(pk=employee.pk)
        if Restriction.COMMENDATION in restrictions_in_force(employee=employee, on=decision_date):
            raise ApplicationError(
                _("The person is under a discipline decision in force on the decision date."),
                field="employee",
                code="restricted_by_discipline",
            )
    else:
        unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
        if not unit.is_valid_on(decision_date):
            raise ApplicationError(
                _("The unit is not in existence on the decision date."), field="unit", code="unit_not_in_existence"
            )
    _check_not_twice(rule=rule, award=award, year=year, employee=employee, unit=unit)
    # NĐ 152/2025 Điều 50: the base salary in force when the decision is issued.
    base = BaseSalary.objects.in_force_on(decision_date).first()
    if base is None:
        raise ApplicationError(
            _("No base salary is recorded for the decision date."), field="decision_date", code="no_base_salary"
        )
    record = Commendation(
        employee=employee,
        unit=unit,
        award=award,
        rule=rule,
        year=year,
        decision_number=decision_number,
        issuing_authority=issuing_authority,
        decision_date=decision_date,
        reason=reason,
        coefficient=rule.coefficient,
        base_salary=base.amount,
        amount=award_amount(coefficient=rule.coefficient, base_salary=base.amount),
        created_by=actor,
    )
    record._history_user = actor
    record.full_clean()
    record.save()
    if record.employee_id:
        person_changes_record(model=Commendation, rows=[(record.employee_id, record.pk)])
    return record


@transaction.atomic
def commendation_annul(
    *,
    actor: User | None,
    record: Commendation,
    annulled_on: datetime.date,
    annulling_decision_number: str,
    reason: str = "",
) -> Commendation:
    """Annul a title or commendation (Luật TĐKT 2022: revoked for false dossiers); it then counts nowhere."""
    access_recipient_for_write(actor, employee=record.employee, unit=record.unit, as_input=False)
    return record_annul(
        actor=actor,
        record=record,
        annulled_on=annulled_on,
        annulling_decision_number=annulling_decision_number,
        reason=reason,
    )


@transaction.atomic
def initiative_create(
    *,
    actor: User | None,
    employee: Employee,
    title: str,
    recognition_level: str,
    year: int,
    decision_number: str,
    recognised_on: datetime.date,
) -> Initiative:
    """Record an initiative or science project recognised for a person in a year."""
    access_employee_for_write(actor, employee, field="employee")
    if recognised_on > datetime.date.today():
        raise ApplicationError(_("The recognition date is in the future."), field="recognised_on", code="future_date")
    if year > recognised_on.year:
        raise ApplicationError(
            _("The year cannot be after the recognition date."), field="year", code="year_after_decision"
        )
    record = Initiative(
        employee=employee,
        title=title,
        recognition_level=recognition_level,
        year=year,
        decision_number=decision_number,
        recognised_on=recognised_on,
        created_by=actor,
    )
    record._history_user = actor
    record.full_clean()
    record.save()
    person_changes_record(model=Initiative, rows=[(record.employee_id, record.pk)])
    return record


@transaction.atomic
def initiative_annul(
    *,
    actor: User | None,
    record: Initiative,
    annulled_on: datetime.date,
    annulling_decision_number: str,
    reason: str = "",
) -> Initiative:
    """Annul the recognition of an initiative by a later decision."""
    access_employee_for_write(actor, record.employee)
    return record_annul(
        actor=actor,
        record=record,
        annulled_on=annulled_on,
        annulling_decision_number=annulling_decision_number,
        reason=reason,
    )
