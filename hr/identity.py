"""Validation of the 12-digit personal identification number (số định danh cá nhân, DOMAIN.md §6.6).

The one definition of a well-formed number: exactly twelve of the ASCII digits 0–9 (`str.isdigit()` and
the regex `\\d` also accept Arabic-Indic, full-width and other Unicode digits, which no card carries),
laid out `PPP G YY NNNNNN`: the province code of the birth registration, the century-and-sex digit, the
last two digits of the year of birth, six serial digits. Every check of a number (the model field, the
API serializers through it, the importers, the fast importer's column masks) uses what this module defines.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NATIONAL_ID_LENGTH = 12
LEGACY_ID_LENGTH = 9
# `[0-9]`, never `\d`; used with `fullmatch`, since `$` also matches before a final newline.
NATIONAL_ID_RE = re.compile(rf"[0-9]{{{NATIONAL_ID_LENGTH}}}")
LEGACY_ID_RE = re.compile(rf"[0-9]{{{LEGACY_ID_LENGTH}}}")

# Province codes of the birth registration: 001 (Hà Nội) to 096 (Cà Mau); Sơn La is 014.
FIRST_PROVINCE_CODE, LAST_PROVINCE_CODE = 1, 96

# The 4th digit encodes century and sex: even for a man, odd for a woman; 0/1 for 1900–1999,
# 2/3 for 2000–2099, 4/5 for the 2100s, 6/7 for the 2200s, 8/9 for the 2300s (DOMAIN.md §6.6).
CENTURY_BASE = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 2300, 9: 2300}


def is_national_id(value: str | None) -> bool:
    """Exactly twelve ASCII digits (nothing about the meaning of the digits)."""
    return bool(value) and NATIONAL_ID_RE.fullmatch(value) is not None


def birth_year_of(national_id: str) -> int:
    """The year of birth a well-formed number encodes (its century digit and two year digits)."""
    return CENTURY_BASE[int(national_id[3])] + int(national_id[4:6])


def validate_national_id(value: str) -> None:
    """Twelve ASCII digits, a province code from 001 to 096, and a year of birth not in the future."""
    if not is_national_id(value):
        raise ValidationError(
            _("The personal identification number must be exactly 12 digits."), code="national_id_format"
        )
    if not FIRST_PROVINCE_CODE <= int(value[:3]) <= LAST_PROVINCE_CODE:
        raise ValidationError(
            _("The first three digits must be a province code from 001 to 096."), code="national_id_province"
        )
    if birth_year_of(value) > datetime.date.today().year:
        raise ValidationError(
            _("The century and year digits of the identification number give a year of birth in the future."),
            code="national_id_year",
        )


def validate_legacy_id_number(value: str) -> None:
    """Old identity cards (CMND) carried 9 digits; kept only for legacy records."""
    if value and LEGACY_ID_RE.fullmatch(value) is None:
        raise ValidationError(_("A legacy ID card number must be exactly 9 digits."), code="legacy_id_format")


def national_id_mismatch(national_id: str, date_of_birth: datetime.date, sex: str) -> str | None:
    """Why the ID's century, sex and year digits disagree with the person, or None if they agree."""
    if not is_national_id(national_id) or date_of_birth is None:
        return None
    if birth_year_of(national_id) != date_of_birth.year:
        return str(_("The personal identification number does not match the year of birth."))
    if sex and (int(national_id[3]) % 2 == 1) != (sex == "F"):
        return str(_("The personal identification number does not match the sex."))
    return None


def make_national_id(province_code: int, date_of_birth: datetime.date, sex: str, serial: int) -> str:
    """Build a well-formed ID (demo data and tests)."""
    century_offset = {1900: 0, 2000: 2, 2100: 4, 2200: 6, 2300: 8}[date_of_birth.year // 100 * 100]
    code = century_offset + (1 if sex == "F" else 0)
    return f"{province_code:03d}{code}{date_of_birth.year % 100:02d}{serial % 1_000_000:06d}"
