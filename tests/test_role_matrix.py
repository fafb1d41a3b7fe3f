"""Every API operation × every role: allowed, 403, or 404 outside the caller's scope.

The operations come from the OpenAPI schema, so a new endpoint without a matrix
entry (tests/matrix/<app>.py) fails `test_every_operation_has_a_case`.
"""

import importlib
import pkgutil
import re

import pytest
from drf_spectacular.generators import SchemaGenerator

import tests.matrix
from tests.matrix import OK, ROLES, Case

# Public endpoints (no login) are checked in their own tests; the matrix covers signed-in roles.
PUBLIC_PREFIXES = ("/api/v1/auth/jwt/", "/api/v1/auth/users/reset_password", "/api/v1/training/verify/")


def _load_cases() -> dict:
    cases: dict = {}
    for info in pkgutil.iter_modules(tests.matrix.__path__):
        module = importlib.import_module(f"tests.matrix.{info.name}")
        cases.update(getattr(module, "CASES", {}))
    return cases


CASES = _load_cases()


@pytest.fixture
def org(module_org, db):
    """One province for the whole matrix; each case's writes roll back with its test."""
    return module_org


def _schema_operations() -> set[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }


def test_every_operation_has_a_case():
    missing = sorted(_schema_operations() - set(CASES))
    assert not missing, "Add these operations to tests/matrix/<app>.py:\n" + "\n".join(f"{m} {p}" for m, p in missing)


def _user(org, role):
    if role == "admin":
        return org.admin
    who, agency = role.split("_")
    return getattr(getattr(org, agency), {"officer": "officer", "manager": "manager", "staff": "staff"}[who])


def _call(client, method, path, case: Case, org):
    url = path
    for name, value in case.params(org).items():
        url = url.replace("{" + name + "}", str(value))
    assert not re.search(r"{\w+}", url), f"unfilled path parameter in {url}"
    kwargs = {}
    if case.query:
        kwargs["data"] = case.query(org)
    if case.body is not None:
        kwargs["data"] = case.body(org)
        kwargs["format"] = "multipart" if case.multipart else "json"
    return getattr(client, method.lower())(url, **kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), sorted(CASES), ids=lambda v: v)
def test_role_gets_expected_answer(api, org, method, path, role):
    case = CASES[(method, path)]
    api.force_authenticate(user=_user(org, role))
    response = _call(api, method, path, case, org)
    expected = case.expect[role]
    detail = f"{role} {method} {path} -> {response.status_code}: {getattr(response, 'data', '')!s:.300}"
    assert response.status_code < 500, detail
    if expected == OK:
        assert response.status_code not in (401, 403, 404, 405), detail
    else:
        assert response.status_code == expected, detail


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path"), sorted(k for k in CASES if not k[1].startswith(PUBLIC_PREFIXES)))
def test_anonymous_is_refused(api, org, method, path):
    case = CASES[(method, path)]
    response = _call(api, method, path, case, org)
    assert response.status_code == 401, f"{method} {path} -> {response.status_code}"
