"""Annulment of a decision-backed record (discipline, commendation, initiative): marked, never deleted."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict
from hr.models import User
from hr.services.changes import person_changes_record

ANNULMENT_FIELDS = ("annulled_on", "annulling_decision_number", "annulment_reason")


def _check_annulment(record, *, annulled_on: datetime.date, decision_date: datetime.date) -> None:
    if record.annulled_on is not None:
        raise Conflict(_("The decision has already been annulled."), code="already_annulled")
    if annulled_on > datetime.date.today():
        raise ApplicationError(_("The annulment date is in the future."), field="annulled_on", code="future_date")
    if annulled_on < decision_date:
        raise ApplicationError(
            _("A decision cannot be annulled before it was issued."), field="annulled_on", code="before_decision"
        )


@transaction.atomic
def record_annul(
    *, actor: User | None, record, annulled_on: datetime.date, annulling_decision_number: str, reason: str = ""
):
    """Mark any annullable record annulled by a decision; shared by discipline, commendations, initiatives."""
    decision_date = getattr(record, "decision_date", None) or record.recognised_on
    record = type(record).objects.select_for_update().get(pk=record.pk)
    _check_annulment(record, annulled_on=annulled_on, decision_date=decision_date)
    record.annulled_on = annulled_on
    record.annulling_decision_number = annulling_decision_number
    record.annulment_reason = reason
    record._history_user = actor
    record.full_clean()
    record.save()
    # A person's decision (not a unit's commendation) goes to the national database feed.
    if getattr(record, "employee_id", None):
        person_changes_record(model=type(record), rows=[(record.employee_id, record.pk)], fields=ANNULMENT_FIELDS)
    return record
