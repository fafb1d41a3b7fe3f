"""The portal's catalogue translates every string of its templates and code: nothing left empty or fuzzy."""

from pathlib import Path

import portal

CATALOGUE = Path(portal.__file__).parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_every_portal_string_has_a_vietnamese_translation():
    text = CATALOGUE.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]  # the first entry is the header
    untranslated = [e for e in entries if 'msgstr ""' in e.splitlines()[-1] or 'msgstr[0] ""' in e]
    assert "#, fuzzy" not in text
    assert not untranslated, "\n\n".join(untranslated)
    assert CATALOGUE.with_suffix(".mo").stat().st_mtime >= CATALOGUE.stat().st_mtime - 1
