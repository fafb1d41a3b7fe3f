"""The catalogue fields in force on a day, per group."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from dossier.models import RECORD, FieldDefinition


def fields_in_force(*, on: datetime.date | None = None, group: str | None = None) -> QuerySet[FieldDefinition]:
    """The fields valid on `on` (today by default), in catalogue order, of one group or all."""
    day = on or timezone.localdate()
    qs = FieldDefinition.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day)
    if group is not None:
        qs = qs.filter(group=group)
    return qs.order_by("order", "id")


def record_fields(*, group: str, on: datetime.date | None = None) -> dict[str, FieldDefinition]:
    """The fields of `group` stored in the person's group record, by key."""
    return {field.key: field for field in fields_in_force(on=on, group=group).filter(source=RECORD)}
