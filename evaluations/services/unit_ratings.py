"""Recording a unit's own yearly quality rating (by the province administration)."""

from django.db import transaction

from hr.access import access_province_admin
from hr.models import OrgUnit, UnitRating, User


@transaction.atomic
def unit_rating_record(*, actor: User, unit: OrgUnit, year: int, rating: str, decision_number: str = "") -> UnitRating:
    """Create or correct the unit's rating for the year; earlier values stay in the history."""
    access_province_admin(actor)
    record = UnitRating.objects.select_for_update().filter(unit=unit, year=year).first() or UnitRating(
        unit=unit, year=year
    )
    record.rating = rating
    record.decision_number = decision_number
    record.recorded_by = actor
    record._history_user = actor
    record.full_clean()
    record.save()
    return record
