"""Recording an agency's published reform (PAR) result, which the reform app writes down when it publishes."""

from django.db import transaction

from hr.models import OrgUnit, UnitReformResult, User


@transaction.atomic
def unit_reform_result_record(
    *,
    actor: User | None,
    unit: OrgUnit,
    year: int,
    band: str,
    head_rating_cap: str = "",
    decision_number: str = "",
) -> UnitReformResult:
    """Create or replace the agency's result for `year`; the previous value stays in the history.

    No access check here: the reform workflow that publishes the appraisal names who may publish.
    """
    record = UnitReformResult.objects.select_for_update().filter(unit=unit, year=year).first()
    if record is None:
        record = UnitReformResult(unit=unit, year=year)
    record.band = band
    record.head_rating_cap = head_rating_cap
    record.decision_number = decision_number
    record._history_user = actor
    record.full_clean()
    record.save()
    return record
