"""Writes of effective-dated rule rows (any app's): a correction is a new row, never a change to a row in use.

Rule rows come from the legal instruments of `rules/` through migrations; a province administrator may add a row
(a new decree ahead of its migration, a figure the province sets) and correct a row nothing was decided under yet.
Once a record refers to a row it is fixed: `rule_change` refuses with `rule_in_use`, and the correction is
`rule_add` of a new row from a later day, which ends the row in force the day before.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict
from backend.effective import EffectiveDated, overlapping_pairs
from hr.access import access_province_admin
from hr.models import User


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _check_no_overlap(row: EffectiveDated) -> None:
    """No other row of the same key on a common day (the exclusion constraint's rule, with a field-level answer)."""
    keys = set(row.overlap_keys())
    others = [r for r in type(row).objects.exclude(pk=row.pk) if keys & set(r.overlap_keys())]
    for earlier, later in overlapping_pairs([*others, row]):
        if row in (earlier, later):
            other = later if earlier is row else earlier
            raise ApplicationError(
                _("Another row for the same rule is in force from %(start)s: the periods may not overlap.")
                % {"start": _d(other.valid_from)},
                field="valid_from",
                code="rule_overlap",
            )


def _end_row_in_force(row: EffectiveDated, *, actor: User | None) -> None:
    """A row starting later than the open row of its key ends that row the day before, as a new decree does."""
    keys = set(row.overlap_keys())
    for other in type(row).objects.select_for_update().filter(valid_to__isnull=True, valid_from__lt=row.valid_from):
        if keys & set(other.overlap_keys()):
            other.valid_to = row.valid_from - datetime.timedelta(days=1)
            other._history_user = actor
            other.full_clean()
            other.save(update_fields=["valid_to"])


@transaction.atomic
def rule_add(*, actor: User | None, model: type[EffectiveDated], **fields) -> EffectiveDated:
    """Add a rule row; the open row of the same rule that started before it ends the day before it starts."""
    access_province_admin(actor)
    row = model(**fields)
    row._history_user = actor
    row.clean_fields()
    _end_row_in_force(row, actor=actor)
    # Before the unique checks: a second row from the same day is an overlap, answered as one.
    _check_no_overlap(row)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def rule_change(*, actor: User | None, row: EffectiveDated, **fields) -> EffectiveDated:
    """Correct a rule row no record was decided under; a row in use is fixed (`rule_in_use`)."""
    access_province_admin(actor)
    row = type(row).objects.select_for_update().get(pk=row.pk)
    if row.is_referenced():
        raise Conflict(
            _(
                "Decisions were taken under this rule row, so it is kept as it is: add a new row from the day the "
                "correction applies."
            ),
            code="rule_in_use",
        )
    for name, value in fields.items():
        setattr(row, name, value)
    row._history_user = actor
    row.clean_fields()
    _check_no_overlap(row)
    row.full_clean()
    row.save()
    return row
