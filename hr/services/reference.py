"""Writes of reference data (salary scales, ranks, positions, base salaries): the province administration's."""

from django.db import transaction
from django.db.models import Model

from hr.access import access_province_admin
from hr.models import User


@transaction.atomic
def reference_create(*, actor: User | None, model: type[Model], **fields) -> Model:
    """Add a reference row; rows are referenced by personnel records, so they are never deleted."""
    access_province_admin(actor)
    row = model(**fields)
    row._history_user = actor
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def reference_update(*, actor: User | None, row: Model, **fields) -> Model:
    """Correct a reference row in place."""
    access_province_admin(actor)
    for name, value in fields.items():
        setattr(row, name, value)
    row._history_user = actor
    row.full_clean()
    row.save()
    return row
