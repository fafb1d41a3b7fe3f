"""Turning text cells into typed values; each parser raises `CellError` with a message for the user."""

import datetime
import decimal
import re

from django.conf import settings
from django.db.models import TextChoices
from django.utils import translation
from django.utils.translation import gettext as _

from exchange.tables import nfc

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S")


class CellError(ValueError):
    """The cell's text is not a valid value for its column."""


def parse_date(text: str) -> datetime.date | None:
    """ISO dates, Vietnamese DD/MM/YYYY, and the 'YYYY-MM-DD 00:00:00' pandas reads from date cells."""
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError(_("Enter a date as DD/MM/YYYY or YYYY-MM-DD."))


# Plain decimal notation only, and bounded: no Infinity, NaN or sNaN (which Decimal accepts), and no
# exponent big enough to make the integer conversion cost seconds of CPU (`1e1000000`). "," is read
# as the decimal point, as Vietnamese spreadsheets write it; a small exponent comes from Excel floats.
NUMBER = re.compile(r"[+-]?[0-9]{1,30}(?:[.,][0-9]{1,30})?(?:[eE][+-]?[0-9]{1,2})?")


def _number(text: str, message: str) -> decimal.Decimal:
    if NUMBER.fullmatch(text) is None:
        raise CellError(message)
    return decimal.Decimal(text.replace(",", "."))


def parse_int(text: str) -> int | None:
    if not text:
        return None
    message = _("Enter a whole number.")
    number = _number(text, message)
    if number != number.to_integral_value():
        raise CellError(message)
    return int(number)


def parse_decimal(text: str) -> decimal.Decimal | None:
    if not text:
        return None
    return _number(text, _("Enter a number."))


def choice_lookup(choices: type[TextChoices]) -> dict[str, str]:
    """Every accepted spelling of each choice (its code, its label in each language) mapped to the code."""
    lookup: dict[str, str] = {}
    for code, label in choices.choices:
        lookup[code.casefold()] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                lookup[nfc(str(label)).casefold()] = code
    return lookup


def parse_choice(text: str, lookup: dict[str, str]) -> str:
    if not text:
        return ""
    code = lookup.get(text.casefold())
    if code is None:
        raise CellError(_("Unknown value “%(value)s”.") % {"value": text})
    return code


TRUE_WORDS = frozenset({"1", "x", "true", "yes", "có", "co", "đúng"})
FALSE_WORDS = frozenset({"0", "false", "no", "không", "khong", "sai"})


def parse_bool(text: str, *, default: bool) -> bool:
    """Yes/no cells as officers fill them: 1/0, x, có/không, true/false (blank: `default`)."""
    if not text:
        return default
    word = text.casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("Enter “có” or “không”."))
