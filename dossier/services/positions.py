"""An agency's list of job positions (vị trí việc làm; Luật CBCC 2025 Điều 23), kept by its personnel office."""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import ApplicationError
from dossier.models import JobPosition
from hr.access import access_unit_for_write
from hr.models import OrgUnit, User

NOT_AN_AGENCY = _("Job positions are listed per agency, not per room.")
DATES_REVERSED = _("The end date is before the start date.")
AGENCY_FIXED = _("A job position stays in its agency's list; add a new one to another agency.")


@transaction.atomic
def job_position_save(
    *,
    actor: User | None,
    agency: OrgUnit,
    code: str,
    name: str,
    group: str,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    description: str = "",
    job_position: JobPosition | None = None,
) -> JobPosition:
    """Add a job position to `agency`'s list, or replace `job_position`'s values (its agency stays)."""
    row = job_position or JobPosition(agency=agency)
    access_unit_for_write(actor, row.agency, field="agency" if job_position is None else None)
    if row.agency_id != agency.pk:
        raise ApplicationError(AGENCY_FIXED, field="agency", code="agency_fixed")
    if not row.agency.is_agency:
        raise ApplicationError(NOT_AN_AGENCY, field="agency", code="not_an_agency")
    if valid_to is not None and valid_to < valid_from:
        raise ApplicationError(DATES_REVERSED, field="valid_to", code="dates_reversed")
    row.code, row.name, row.group, row.description = code, name, group, description
    row.valid_from, row.valid_to = valid_from, valid_to
    row.full_clean()
    row._history_user = actor
    row.save()
    return row
