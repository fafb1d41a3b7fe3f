"""Writes of annual quality ratings: by hand before evaluations existed, or from a decided evaluation."""

from django.db import transaction

from hr.access import access_employee_for_write
from hr.models import AnnualRating, Employee, RatingSource, User
from hr.services.changes import person_changes_record

CHANGEABLE = ("rating", "source", "decision_number", "note")


@transaction.atomic
def annual_rating_record(
    *,
    actor: User | None,
    employee: Employee,
    year: int,
    rating: str,
    source: str = RatingSource.MANUAL,
    decision_number: str = "",
    note: str = "",
) -> AnnualRating:
    """Create or replace the person's rating for `year`; the previous value stays in the history.

    A rating entered by hand needs an actor who manages the person; one that comes from a decided
    evaluation was already checked by the evaluation's workflow, which names who may decide.
    """
    if source == RatingSource.MANUAL:
        access_employee_for_write(actor, employee, field="employee")
    record = AnnualRating.objects.select_for_update().filter(employee=employee, year=year).first()
    created = record is None
    if record is None:
        record = AnnualRating(employee=employee, year=year)
    before = {name: getattr(record, name) for name in CHANGEABLE}
    record.rating = rating
    record.source = source
    record.decision_number = decision_number
    record.note = note
    record._history_user = actor
    record.full_clean()
    record.save()
    changed = () if created else [name for name in CHANGEABLE if getattr(record, name) != before[name]]
    if created or changed:
        person_changes_record(model=AnnualRating, rows=[(employee.pk, record.pk)], fields=changed)
    return record
