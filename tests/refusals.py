"""Assertions on refusals: which rule refused (its stable code), and that nothing was written.

Generalises the `refused()` of tests/hr/test_discipline_processing.py: a refusal is pinned by its `code`,
never by a digit of its message, and a test of a refusal also proves the refused request changed nothing.
"""

import ast
import pathlib
from contextlib import contextmanager

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from rest_framework.exceptions import APIException

from backend.api.error_codes import REGISTRY, codes_of

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Codes the exception classes carry by default: raised without a literal `code=` (through hr.access too).
DEFAULT_CODES = frozenset({"out_of_scope", "own_record"})
STATUS_OF_CODE = {entry.code: entry.status for entries in REGISTRY.values() for entry in entries}


def refused(response, code: str, *, field: str | None = None, status: int | None = None) -> str:
    """Assert `response` is the refusal `code` (on `field`, if given) and return its message.

    The status is the one the code is registered with (backend/api/error_codes.py) unless given,
    as it must be for the codes of DRF's own fields (`does_not_exist`, `invalid`…).
    """
    expected = status or STATUS_OF_CODE[code]
    assert response.status_code == expected, (response.status_code, getattr(response, "data", None))
    assert response.data["code"] == code, response.data
    if field is None:
        return str(response.data["detail"])
    assert field in response.data["fields"], response.data
    return _first_message(response.data["fields"][field])


def _first_message(messages) -> str:
    """The first message of a field, whose errors may be nested (a list of items, a nested serializer)."""
    while isinstance(messages, dict | list):
        messages = next(iter(messages.values())) if isinstance(messages, dict) else messages[0]
    return str(messages)


def _leaf_codes(codes) -> set[str]:
    if isinstance(codes, dict):
        return {code for value in codes.values() for code in _leaf_codes(value)}
    if isinstance(codes, list | tuple):
        return {code for value in codes for code in _leaf_codes(value)}
    return {str(codes)}


def _django_codes(error: DjangoValidationError) -> tuple[set[str], set[str]]:
    if hasattr(error, "error_dict"):
        fields = set(error.error_dict)
        return {e.code or "invalid" for errors in error.error_dict.values() for e in errors}, fields
    return {e.code or "invalid" for e in error.error_list}, set()


@contextmanager
def refusal(code: str, *, field: str | None = None):
    """Around a service call: it must be refused with `code` (on `field`, if given)."""
    with pytest.raises((APIException, DjangoValidationError)) as caught:
        yield caught
    error = caught.value
    if isinstance(error, DjangoValidationError):
        codes, fields = _django_codes(error)
    else:
        codes = _leaf_codes(error.get_codes())
        fields = set(error.detail) if isinstance(error.detail, dict) else set()
    assert codes == {code}, (codes, error)
    if field is not None:
        assert field in fields, (fields, error)


def _snapshot(target) -> list[dict]:
    if isinstance(target, Model):
        target = type(target)._default_manager.filter(pk=target.pk)
    assert isinstance(target, QuerySet), target
    return list(target.order_by("pk").values())


@contextmanager
def unchanged(*targets):
    """The rows of each queryset (or model instance) are exactly the same after the block: nothing was written."""
    before = [_snapshot(target) for target in targets]
    yield
    after = [_snapshot(target) for target in targets]
    for target, old, new in zip(targets, before, after, strict=True):
        assert new == old, f"{target!r} changed"


# -- the codes of an app: raised, registered, documented --------------------------------------------


def _literal_codes(tree: ast.AST) -> set[str]:
    """Every string given as `code=` to a call, or assigned to a name `code` (also inside a tuple assignment)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                    found.add(keyword.value.value)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                pairs = (
                    zip(target.elts, node.value.elts, strict=False)
                    if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                    else [(target, node.value)]
                )
                for name, value in pairs:
                    if isinstance(name, ast.Name) and name.id == "code" and isinstance(value, ast.Constant):
                        found.add(value.value)
    return {code for code in found if isinstance(code, str) and code}


# Modules outside services/ and views/ whose raises are refusals of the app too.
MORE_MODULES = {
    "hr": ("access.py", "identity.py"),
    "dossier": ("access.py",),
    "exchange": ("importers/*.py", "tables.py"),
    "jobs": ("services.py", "access.py"),
    "notifications": ("services.py", "views.py"),
    "sync": ("selectors/cursor.py",),
}


def _modules(app: str) -> list[pathlib.Path]:
    patterns = ("services/*.py", "views/*.py", *MORE_MODULES.get(app, ()))
    return [path for pattern in patterns for path in sorted((ROOT / app).glob(pattern))]


def raised_codes(app: str) -> set[str]:
    """The literal codes of the raises in `app`'s services and views (and `MORE_MODULES`)."""
    codes: set[str] = set()
    for path in _modules(app):
        codes |= _literal_codes(ast.parse(path.read_text(encoding="utf-8")))
    return codes


# Refusals whose class has no code of its own: each raise must name its rule.
NEEDS_CODE = frozenset({"ApplicationError", "Conflict", "Forbidden"})


def _uncoded(tree: ast.AST) -> list[int]:
    """Lines raising ApplicationError/Conflict/Forbidden without `code=`, or a ValidationError of bare messages."""
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        call = node.exc
        name = getattr(call.func, "id", getattr(call.func, "attr", ""))
        coded = any(keyword.arg == "code" for keyword in call.keywords)
        if name in NEEDS_CODE and not coded:
            lines.append(node.lineno)
        elif (
            name == "ValidationError" and not coded and call.args and isinstance(call.args[0], ast.Dict | ast.DictComp)
        ):
            values = call.args[0].values if isinstance(call.args[0], ast.Dict) else [call.args[0].value]
            if not all(_coded_messages(value) for value in values):
                lines.append(node.lineno)
    return lines


def _is_validation_error(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "ValidationError"


def _coded_messages(value: ast.AST) -> bool:
    """A field's messages carry codes: nested `ValidationError(..., code=...)` calls, or a value built elsewhere."""
    if isinstance(value, ast.List):
        return all(_is_validation_error(item) for item in value.elts)
    if isinstance(value, ast.ListComp):
        return _is_validation_error(value.elt)
    if isinstance(value, ast.Call):
        return _is_validation_error(value)
    return not isinstance(value, ast.Constant | ast.BinOp | ast.JoinedStr)


def uncoded_raises(app: str) -> list[str]:
    """`path:line` of every raise in `app`'s services and views (and `MORE_MODULES`) that gives no code."""
    found = []
    for path in _modules(app):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}:{line}" for line in _uncoded(tree)]
    return found


def check_codes_registered(app: str) -> None:
    """Every refusal of the app names a registered code, every registered code is raised, the README lists each."""
    assert uncoded_raises(app) == [], "raises without a code"
    registered = codes_of(app)
    raised = raised_codes(app)
    assert raised - set(registered) == set(), "raised but not in backend/api/error_codes.py"
    assert set(registered) - raised - DEFAULT_CODES == set(), "registered but never raised"
    readme = (ROOT / app / "README.md").read_text(encoding="utf-8")
    missing = [e.code for e in registered.values() if f"| `{e.code}` | {e.status} |" not in readme]
    assert missing == [], f"not in the table of {app}/README.md"
