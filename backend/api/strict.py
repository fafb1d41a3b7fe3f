"""Strict JSON bodies: a number field takes a JSON number, a text field a string, a flag true or false.

DRF coerces on purpose ("5" for an integer, 5 for a text, "yes" for a flag), which suits form and query data,
where everything is text. A JSON body carries types, and the schema promises them: a client sending the wrong
type gets a field-level 400 instead of a guess. Query parameters, forms and multipart uploads (a QueryDict)
keep DRF's coercion. A flag in the query string is `true` or `false`: django-filter would read any other
value as "no filter" and answer the whole list. Installed once, by `backend.api.apps.ApiConfig.ready`, for every
serializer and filter at once.
"""

import numbers

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget
from rest_framework import fields, relations, serializers


def _from_json(field: fields.Field) -> bool:
    data = getattr(field.root, "initial_data", None)
    return data is not None and not isinstance(data, QueryDict)


def _is_whole_number(data) -> bool:
    if isinstance(data, bool):
        return False
    return isinstance(data, int) or (isinstance(data, float) and data.is_integer())


def _strict(cls, accepts, code: str = "invalid"):
    """Wrap `cls.to_internal_value`: from a JSON body, values `accepts` refuses fail with the field's `code`."""
    lenient = cls.to_internal_value

    def to_internal_value(self, data):
        if _from_json(self) and not accepts(data):
            if code == "incorrect_type":
                self.fail(code, data_type=type(data).__name__)
            self.fail(code)
        return lenient(self, data)

    to_internal_value.__doc__ = lenient.__doc__
    cls.to_internal_value = to_internal_value


def strict_json_fields_install() -> None:
    _strict(fields.IntegerField, _is_whole_number)
    _strict(fields.FloatField, lambda d: isinstance(d, numbers.Real) and not isinstance(d, bool))
    _strict(fields.CharField, lambda d: isinstance(d, str))
    _strict(fields.BooleanField, lambda d: isinstance(d, bool) or d is None)
    _strict(relations.PrimaryKeyRelatedField, _is_whole_number, code="incorrect_type")


FLAGS = {"true": True, "false": False}


def _flag_from_datadict(self, data, files, name):
    """`true`/`false` (any case) as booleans, nothing as None, and anything else as given, for the field to refuse."""
    value = data.get(name)
    if isinstance(value, str):
        return FLAGS.get(value.lower(), value or None)
    return value


class StrictBooleanField(forms.NullBooleanField):
    """A query-string flag: true, false, or absent."""

    widget = BooleanWidget

    def to_python(self, value):
        if value in (None, "", True, False):
            return None if value == "" else value
        raise ValidationError(_("Give true or false."), code="invalid")

    def validate(self, value):
        return None


def strict_query_flags_install() -> None:
    BooleanWidget.value_from_datadict = _flag_from_datadict
    django_filters.filters.BooleanFilter.field_class = StrictBooleanField


BLANK = _("Give a value, or leave the parameter out.")


def blank_parameters(query: QueryDict, free_text: dict[str, bool]) -> dict[str, list]:
    """Parameters given with an empty value (`?period_kind=`) that are not free text: a 400 each. django-filter and
    DRF would read them as "not given" and answer as if the client had not asked."""
    return {name: [BLANK] for name, text in free_text.items() if not text and query.get(name, None) == ""}


class QuerySerializer(serializers.Serializer):
    """The query parameters of one endpoint: typed as their fields say, an empty value refused unless free text."""

    def to_internal_value(self, data):
        blanks = blank_parameters(data, {n: isinstance(f, fields.CharField) for n, f in self.fields.items()})
        if blanks:
            raise serializers.ValidationError(blanks, code="invalid")
        return super().to_internal_value(data)
