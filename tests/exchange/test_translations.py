"""Every marked string of the exchange app has a Vietnamese translation (until the shared check lists the app)."""

from django.utils import translation

from tests.backend import test_translations as shared


def test_exchange_strings_are_translated(monkeypatch):
    monkeypatch.setattr(shared, "APPS", ["exchange"])
    marked = list(shared._marked_strings())
    with translation.override("vi"):
        missing = [f"{where}: {text!r}" for where, text in marked if translation.gettext(text) == text]
    assert marked, "the exchange app marks no strings"
    assert not missing, "\n".join(missing)
