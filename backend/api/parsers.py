"""Request parsers that bound what a body may be: nesting depth, and no forbidden character in any string.

They are the API's default parsers, so every field of every serializer (text, lists, JSON) gets the
same refusal: a field-level 400 naming the top-level field that carries the bad character.
"""

import codecs
import json
import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.settings import api_settings

from backend.api.text import FORBIDDEN_MESSAGE, has_forbidden_characters

# Our bodies nest a few levels (a score sheet: object → list → object); 32 leaves room and stops
# bodies whose nesting would exhaust the interpreter's recursion limit.
DEFAULT_MAX_DEPTH = 32
TOO_DEEP_MESSAGE = _("The JSON body is nested too deeply.")

# A JSON string literal (escapes included), removed before counting brackets.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def _max_depth() -> int:
    return getattr(settings, "JSON_MAX_DEPTH", DEFAULT_MAX_DEPTH)


def check_depth(text: str, limit: int) -> None:
    """Refuse `text` when its brackets nest deeper than `limit`, before any recursive decoding."""
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            raise ParseError(TOO_DEEP_MESSAGE, code="too_deep")


def _field_of(top: str | None) -> str:
    return top if top is not None else api_settings.NON_FIELD_ERRORS_KEY


def check_characters(data) -> None:
    """Refuse any string (value or key) with a forbidden character, under the top-level field holding it."""
    stack = [(data, None)]
    while stack:
        value, top = stack.pop()
        if isinstance(value, str):
            if has_forbidden_characters(value):
                raise ValidationError({_field_of(top): [FORBIDDEN_MESSAGE]}, code="forbidden_character")
        elif isinstance(value, dict):
            for key, item in value.items():
                if has_forbidden_characters(str(key)):
                    raise ValidationError({_field_of(top): [FORBIDDEN_MESSAGE]}, code="forbidden_character")
                stack.append((item, key if top is None else top))
        elif isinstance(value, list):
            stack.extend((item, top) for item in value)


def _refuse_constant(name: str):
    raise ParseError(_("JSON does not allow %(value)s.") % {"value": name}, code="parse_error")


class BoundedJSONParser(parsers.JSONParser):
    """DRF's JSON parser with a nesting bound and the forbidden-character check."""

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(stream.read(), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(_("The body is not valid %(encoding)s.") % {"encoding": encoding}) from exc
        check_depth(text, _max_depth())
        try:
            data = json.loads(text, parse_constant=_refuse_constant)
        except ValueError as exc:
            raise ParseError(_("JSON parse error.")) from exc
        check_characters(data)
        return data


def _check_form(data) -> None:
    for key, values in data.lists():
        if has_forbidden_characters(key):
            raise ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [FORBIDDEN_MESSAGE]}, code="forbidden_character")
        for value in values:
            if isinstance(value, str) and has_forbidden_characters(value):
                raise ValidationError({key: [FORBIDDEN_MESSAGE]}, code="forbidden_character")


class CheckedFormParser(parsers.FormParser):
    """URL-encoded forms, refusing forbidden characters in any value."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _check_form(data)
        return data


class CheckedMultiPartParser(parsers.MultiPartParser):
    """Multipart forms (uploads), refusing forbidden characters in any non-file value."""

    def parse(self, stream, media_type=None, parser_context=None):
        result = super().parse(stream, media_type, parser_context)
        _check_form(result.data)
        return result
