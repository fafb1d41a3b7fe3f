"""Values of catalogue fields checked against their definitions: type, length, options, required, order."""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import ApplicationError, Forbidden
from dossier.models import AdministrativeUnit, FieldDefinition, FieldType

#: Pairs of date fields of which the second may not come before the first.
ORDERED_DATES = (("party_joined_date", "party_official_date"), ("enlisted_date", "discharged_date"))

UNKNOWN_FIELD = _("This field is not in the catalogue of the group.")
READ_ONLY = _("This field comes from the personnel record and changes only through its own decision.")
NOT_SELF_SERVICE = _("This field is kept by the personnel office; it cannot be proposed.")
REQUIRED = _("This field is required.")
INVALID = _("This value does not fit the field.")
TOO_LONG = _("At most %(max)d characters.")
NOT_AN_OPTION = _("Choose one of: %(options)s.")
FUTURE = _("The date cannot be in the future.")
UNKNOWN_PLACE = _("No administrative unit has this id.")
REVERSED = _("This date is before the one it follows.")


def _blank(value) -> bool:
    return value is None or value == ""


def _clean_one(field: FieldDefinition, value):
    """The stored (JSON) form of `value`, or a refusal on the field."""
    kind = field.value_type
    if kind in (FieldType.TEXT, FieldType.CHOICE):
        if not isinstance(value, str):
            raise ApplicationError(INVALID, field=field.key, code="invalid_value")
        value = value.strip()
        if field.max_length and len(value) > field.max_length:
            raise ApplicationError(TOO_LONG % {"max": field.max_length}, field=field.key, code="invalid_value")
        if kind == FieldType.CHOICE and field.options and value not in field.options:
            message = NOT_AN_OPTION % {"options": ", ".join(field.options)}
            raise ApplicationError(message, field=field.key, code="invalid_value")
        return value
    if kind == FieldType.DATE:
        try:
            day = datetime.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if day is None:
            raise ApplicationError(INVALID, field=field.key, code="invalid_value")
        if day > timezone.localdate():
            raise ApplicationError(FUTURE, field=field.key, code="future_date")
        return day.isoformat()
    if kind == FieldType.INTEGER:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ApplicationError(INVALID, field=field.key, code="invalid_value")
        return value
    if kind == FieldType.DECIMAL:
        try:
            number = (
                Decimal(str(value)) if isinstance(value, int | float | str) and not isinstance(value, bool) else None
            )
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0:
            raise ApplicationError(INVALID, field=field.key, code="invalid_value")
        return str(number)
    if kind == FieldType.ADMIN_UNIT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ApplicationError(INVALID, field=field.key, code="invalid_value")
        if not AdministrativeUnit.objects.filter(pk=value).exists():
            raise ApplicationError(UNKNOWN_PLACE, field=field.key, code="unknown_place")
        return value
    raise ApplicationError(READ_ONLY, field=field.key, code="field_read_only")


def values_clean(
    *,
    values: dict,
    fields: dict[str, FieldDefinition],
    known: dict[str, FieldDefinition] | None = None,
    complete: bool,
    self_service: bool = False,
    current: dict | None = None,
) -> dict:
    """The cleaned values: `fields` are the group's record fields, `known` every field of the group.

    `complete`: the values replace the whole group (an officer's entry), so a required field must be given.
    Otherwise they change the keys given (a proposal), a blank value clearing its field. `self_service`: only
    fields the person may propose. The date order rules are judged on the merged result (`current` + values).
    """
    known = known or fields
    cleaned: dict = {}
    for key, value in values.items():
        field = fields.get(key)
        if field is None:
            if key in known:
                raise ApplicationError(READ_ONLY, field=key, code="field_read_only")
            raise ApplicationError(UNKNOWN_FIELD, field=key, code="unknown_field")
        if self_service and not field.self_service:
            raise Forbidden(NOT_SELF_SERVICE, field=key, code="field_not_self_service")
        if _blank(value):
            if field.required:
                raise ApplicationError(REQUIRED, field=key, code="field_required")
            cleaned[key] = None
            continue
        cleaned[key] = _clean_one(field, value)
    if complete:
        for key, field in fields.items():
            if field.required and key not in cleaned:
                raise ApplicationError(REQUIRED, field=key, code="field_required")
    merged = values_merge(current or {}, cleaned) if not complete else values_merge({}, cleaned)
    for first, second in ORDERED_DATES:
        if merged.get(first) and merged.get(second) and merged[second] < merged[first]:
            raise ApplicationError(REVERSED, field=second if second in cleaned else first, code="dates_reversed")
    return cleaned


def values_merge(current: dict, changes: dict) -> dict:
    """`current` with `changes` applied: a None in `changes` removes its key."""
    merged = {**current, **changes}
    return {key: value for key, value in merged.items() if value is not None}
