"""Characters no text may carry: the control characters XML 1.0 forbids (NUL included) and lone surrogates.

XLSX is XML, so one such character stored in any field breaks every workbook that shows it; PostgreSQL
refuses NUL in text and JSON; a lone surrogate cannot be encoded as UTF-8. Input refuses them (the
request parsers walk every string of a body); exports clean what was stored before.
"""

import re

from django.utils.translation import gettext_lazy as _

# Tab, line feed and carriage return are the only C0 controls XML 1.0 allows; U+FFFE and U+FFFF are
# non-characters XML forbids as well.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

FORBIDDEN_MESSAGE = _("The text contains a control character that is not allowed.")


def has_forbidden_characters(text: str) -> bool:
    """True when `text` holds a character no stored text may carry."""
    return FORBIDDEN_CHARACTERS.search(text) is not None


def without_forbidden_characters(text: str) -> str:
    """`text` with every forbidden character removed (for data stored before input refused them)."""
    return FORBIDDEN_CHARACTERS.sub("", text)
