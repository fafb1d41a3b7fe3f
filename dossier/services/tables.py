"""Rows of the dossier's tables: degrees and certificates, family members, job positions held, allowances.

Each is written by the personnel office of the person's agency (hr.access.access_employee_for_write): named as
the request's input on create, as its target on update. PUT replaces a row; rows of people are never deleted.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import ApplicationError
from dossier.models import (
    CERTIFIED_BY_TRAINING,
    PERCENT_KINDS,
    SPOUSE_SIDE_RELATIONS,
    Allowance,
    FamilyMember,
    FamilySide,
    JobPosition,
    PositionHolding,
    Qualification,
)
from dossier.services.changes import row_changes_record, row_snapshot
from hr.access import access_employee_for_write
from hr.models import Employee, User
from training.models import Certificate

YEARS_REVERSED = _("The end year is before the start year.")
FUTURE_YEAR = _("The year cannot be in the future.")
DATES_REVERSED = _("The end date is before the start date.")
CERTIFICATE_NOT_OWN = _("The certificate was issued to someone else.")
CERTIFICATE_KIND = _("Only political-theory and state-management rows name a training certificate.")
SPOUSE_SIDE = _("On the spouse's side only the spouse's parents and siblings are listed.")
OTHER_AGENCY = _("The job position belongs to another agency's list.")
POSITION_CLOSED = _("The job position is not in the agency's list on the start date.")
HOLDING_OVERLAP = _("The person already holds a job position in this period.")
ALLOWANCE_VALUE = _("Give a coefficient for this allowance, or a percentage for seniority above the scale.")
ALLOWANCE_OVERLAP = _("The person already receives this allowance in this period.")
PERSON_FIXED = _("A row stays with its person; enter a new row for someone else.")


def _save(row: Model, actor: User | None, before: dict | None) -> Model:
    """Check and save `row` under `actor`, and log it in the feed's change log (`before`: its values as read)."""
    row.full_clean()
    row._history_user = actor
    row.save()
    row_changes_record(row=row, before=before)
    return row


def _access(actor: User | None, row: Model, employee: Employee, *, creating: bool) -> None:
    access_employee_for_write(actor, row.employee, field="employee" if creating else None)
    if row.employee_id != employee.pk:
        raise ApplicationError(PERSON_FIXED, field="employee", code="employee_fixed")


def _overlap_q(start: datetime.date, end: datetime.date | None) -> Q:
    """Periods meeting [start, end] (an open end runs on)."""
    meets = Q(end_date__isnull=True) | Q(end_date__gte=start)
    return meets & Q(start_date__lte=end) if end is not None else meets


def _check_dates(start: datetime.date, end: datetime.date | None) -> None:
    if end is not None and end < start:
        raise ApplicationError(DATES_REVERSED, field="end_date", code="dates_reversed")


# -- qualifications ---------------------------------------------------------------------------------


def qualification_check(row: Qualification) -> None:
    """The rules of a qualification row beyond its fields' own: also checked when the person proposes one."""
    this_year = timezone.localdate().year
    if row.start_year > this_year:
        raise ApplicationError(FUTURE_YEAR, field="start_year", code="future_year")
    if row.end_year is not None and row.end_year < row.start_year:
        raise ApplicationError(YEARS_REVERSED, field="end_year", code="years_reversed")
    if row.certificate_id is not None:
        if row.kind not in CERTIFIED_BY_TRAINING:
            raise ApplicationError(CERTIFICATE_KIND, field="certificate", code="certificate_kind")
        certificate = Certificate.objects.select_related("enrolment").get(pk=row.certificate_id)
        if certificate.enrolment.employee_id != row.employee_id:
            raise ApplicationError(CERTIFICATE_NOT_OWN, field="certificate", code="certificate_not_own")


@transaction.atomic
def qualification_save(
    *,
    actor: User | None,
    employee: Employee,
    kind: str,
    level: str,
    institution: str,
    start_year: int,
    mode: str,
    field_of_study: str = "",
    end_year: int | None = None,
    diploma: str = "",
    certificate: Certificate | None = None,
    qualification: Qualification | None = None,
) -> Qualification:
    """Create a qualification, or replace `qualification`'s values."""
    row = qualification or Qualification(employee=employee)
    before = row_snapshot(row)
    _access(actor, row, employee, creating=qualification is None)
    row.kind, row.level, row.institution, row.field_of_study = kind, level, institution, field_of_study
    row.start_year, row.end_year, row.mode, row.diploma = start_year, end_year, mode, diploma
    row.certificate = certificate
    qualification_check(row)
    return _save(row, actor, before)


# -- family ------------------------------------------------------------------------------------------


def family_member_check(row: FamilyMember) -> None:
    """The rules of a relative's row beyond its fields' own: also checked when the person proposes one."""
    if row.side == FamilySide.SPOUSE and row.relation not in SPOUSE_SIDE_RELATIONS:
        raise ApplicationError(SPOUSE_SIDE, field="relation", code="relation_side_mismatch")
    if row.birth_year > timezone.localdate().year:
        raise ApplicationError(FUTURE_YEAR, field="birth_year", code="future_year")


@transaction.atomic
def family_member_save(
    *,
    actor: User | None,
    employee: Employee,
    side: str,
    relation: str,
    full_name: str,
    birth_year: int,
    hometown: str = "",
    occupation: str = "",
    workplace: str = "",
    residence: str = "",
    deceased: bool = False,
    member: FamilyMember | None = None,
) -> FamilyMember:
    """Create a relative on the person's or the spouse's side, or replace `member`'s values."""
    row = member or FamilyMember(employee=employee)
    before = row_snapshot(row)
    _access(actor, row, employee, creating=member is None)
    row.side, row.relation, row.full_name, row.birth_year = side, relation, full_name, birth_year
    row.hometown, row.occupation, row.workplace, row.residence = hometown, occupation, workplace, residence
    row.deceased = deceased
    family_member_check(row)
    return _save(row, actor, before)


# -- job positions held ------------------------------------------------------------------------------


@transaction.atomic
def position_holding_save(
    *,
    actor: User | None,
    employee: Employee,
    job_position: JobPosition,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    decision_number: str = "",
    holding: PositionHolding | None = None,
) -> PositionHolding:
    """Record a period in a job position of the person's agency, or replace `holding`'s values."""
    row = holding or PositionHolding(employee=employee)
    before = row_snapshot(row)
    _access(actor, row, employee, creating=holding is None)
    person = Employee.objects.select_for_update().select_related("unit").get(pk=row.employee_id)
    if not person.unit.path.startswith(job_position.agency.path):
        raise ApplicationError(OTHER_AGENCY, field="job_position", code="position_other_agency")
    _check_dates(start_date, end_date)
    if start_date < job_position.valid_from or (job_position.valid_to and start_date > job_position.valid_to):
        raise ApplicationError(POSITION_CLOSED, field="job_position", code="position_not_in_force")
    others = PositionHolding.objects.filter(employee=person).exclude(pk=row.pk)
    if others.filter(_overlap_q(start_date, end_date)).exists():
        raise ApplicationError(HOLDING_OVERLAP, field="start_date", code="holding_overlap")
    row.job_position, row.start_date, row.end_date, row.decision_number = (
        job_position,
        start_date,
        end_date,
        decision_number,
    )
    return _save(row, actor, before)


# -- allowances --------------------------------------------------------------------------------------


@transaction.atomic
def allowance_save(
    *,
    actor: User | None,
    employee: Employee,
    kind: str,
    start_date: datetime.date,
    coefficient: Decimal | None = None,
    percent: int | None = None,
    end_date: datetime.date | None = None,
    decision_number: str = "",
    allowance: Allowance | None = None,
) -> Allowance:
    """Record a dated allowance decision, or replace `allowance`'s values."""
    row = allowance or Allowance(employee=employee)
    before = row_snapshot(row)
    _access(actor, row, employee, creating=allowance is None)
    person = Employee.objects.select_for_update().get(pk=row.employee_id)
    by_percent = kind in PERCENT_KINDS
    if by_percent and (percent is None or coefficient is not None):
        raise ApplicationError(ALLOWANCE_VALUE, field="percent", code="allowance_value")
    if not by_percent and (coefficient is None or percent is not None or coefficient <= 0):
        raise ApplicationError(ALLOWANCE_VALUE, field="coefficient", code="allowance_value")
    _check_dates(start_date, end_date)
    others = Allowance.objects.filter(employee=person, kind=kind).exclude(pk=row.pk)
    if others.filter(_overlap_q(start_date, end_date)).exists():
        raise ApplicationError(ALLOWANCE_OVERLAP, field="start_date", code="allowance_overlap")
    row.kind, row.coefficient, row.percent = kind, coefficient, percent
    row.start_date, row.end_date, row.decision_number = start_date, end_date, decision_number
    return _save(row, actor, before)
