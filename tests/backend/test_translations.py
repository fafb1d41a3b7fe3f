"""Every user-facing string in the code has a Vietnamese translation in the compiled catalogues."""

import ast
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "backend",
    "hr",
    "jobs",
    "notifications",
    "sync",
    "training",
    "evaluations",
    "reform",
    "exchange",
    "demo",
    "portal",
]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "pgettext", "pgettext_lazy"}


def _marked_strings():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in GETTEXT_NAMES
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", node.args[0].value


def test_every_marked_string_has_a_vietnamese_translation():
    missing = []
    with translation.override("vi"):
        for where, text in _marked_strings():
            if translation.gettext(text) == text:
                missing.append(f"{where}: {text!r}")
    assert not missing, "Untranslated strings (run makemessages/compilemessages):\n" + "\n".join(missing)


@pytest.mark.django_db
def test_errors_are_vietnamese_by_default_and_english_on_request(org, as_user):
    client = as_user(org.admin)
    payload = {"national_id": "12345", "full_name": "Lò Văn A"}
    vi = client.post("/api/v1/employees/", payload, format="json")
    en = client.post("/api/v1/employees/", payload, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert vi.status_code == en.status_code == 400
    assert vi.json()["date_of_birth"] == ["Trường này là bắt buộc."]
    assert en.json()["date_of_birth"] == ["This field is required."]
