"""Validation of the 12-digit personal identification number (số định danh cá nhân)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NATIONAL_ID_RE = re.compile(r"^\d{12}$")
LEGACY_ID_RE = re.compile(r"^\d{9}$")

# The 4th digit encodes century and sex: 0/1 for 1900s male/female, 2/3 for the
# 2000s, and so on. Female digits are odd.
CENTURY_BASE = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}


def validate_national_id(value: str) -> None:
    """Exactly 12 digits with a plausible province code (001–096)."""
    if not NATIONAL_ID_RE.match(value or ""):
        raise ValidationError(
            _("The personal identification number must be exactly 12 digits."), code="national_id_format"
        )
    if not 1 <= int(value[:3]) <= 96:
        raise ValidationError(
            _("The first three digits must be a province code from 001 to 096."), code="national_id_province"
        )


def validate_legacy_id_number(value: str) -> None:
    """Old identity cards (CMND) carried 9 digits; kept only for legacy records."""
    if value and not LEGACY_ID_RE.match(value):
        raise ValidationError(_("A legacy ID card number must be exactly 9 digits."), code="legacy_id_format")


def national_id_mismatch(national_id: str, date_of_birth: datetime.date, sex: str) -> str | None:
    """Why the ID's century, sex and year digits disagree with the person, or None if they agree."""
    if not NATIONAL_ID_RE.match(national_id or "") or date_of_birth is None:
        return None
    code = int(national_id[3])
    birth_year = CENTURY_BASE[code] + int(national_id[4:6])
    if birth_year != date_of_birth.year:
        return str(_("The personal identification number does not match the year of birth."))
    if sex and (code % 2 == 1) != (sex == "F"):
        return str(_("The personal identification number does not match the sex."))
    return None


def make_national_id(province_code: int, date_of_birth: datetime.date, sex: str, serial: int) -> str:
    """Build a well-formed ID (demo data and tests)."""
    century_offset = {1800: 8, 1900: 0, 2000: 2, 2100: 4, 2200: 6}[date_of_birth.year // 100 * 100]
    code = century_offset + (1 if sex == "F" else 0)
    return f"{province_code:03d}{code}{date_of_birth.year % 100:02d}{serial % 1_000_000:06d}"
