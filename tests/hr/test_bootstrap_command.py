"""`manage.py bootstrap_province` starts an empty database: the root unit and the first province administrator."""

import io

import pytest
from django.core.management import CommandError, call_command

from hr.models import OrgUnit, Role, UnitKind, UnitLevel, User
from tests.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Quan-tri-Tinh-2026!"
ARGS = ["--unit-code", "SL", "--unit-name", "UBND tỉnh Sơn La", "--username", "qt.tinh", "--valid-from", "2025-07-01"]


def _bootstrap(*extra, **options) -> str:
    out = io.StringIO()
    call_command("bootstrap_province", *ARGS, *extra, stdout=out, **options)
    return out.getvalue()


def test_creates_the_root_unit_and_a_province_administrator(monkeypatch, api):
    monkeypatch.setenv("BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
    output = _bootstrap("--email", "qt@sonla.gov.vn", "--noinput")
    assert "SL" in output and "qt.tinh" in output
    [root] = OrgUnit.objects.all()
    assert (root.code, root.name, root.kind, root.level, root.parent) == (
        "SL",
        "UBND tỉnh Sơn La",
        UnitKind.PROVINCE,
        UnitLevel.PROVINCE,
        None,
    )
    assert root.path == f"{root.pk:06d}." and root.depth == 0
    assert str(root.valid_from) == "2025-07-01"
    [admin] = User.objects.all()
    assert admin.role == Role.PROVINCE_ADMIN and admin.is_province_admin
    assert admin.is_staff and not admin.is_superuser
    assert admin.email == "qt@sonla.gov.vn" and admin.check_password(PASSWORD)
    # Written by the services on behalf of the system: the history names no user.
    assert {entry.history_user for entry in root.history.all()} == {None}
    assert {entry.history_user for entry in admin.history.all()} == {None}
    # The administrator works at once: signs in and creates the first agency under the root.
    token = api.post("/api/v1/auth/jwt/create/", {"username": "qt.tinh", "password": PASSWORD}, format="json")
    assert token.status_code == 200, token.content
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token.json()['access']}")
    agency = {"code": "SNV", "name": "Sở Nội vụ", "kind": "SO", "level": "TINH", "parent": root.pk}
    created = api.post("/api/v1/units/", {**agency, "valid_from": "2025-07-01"}, format="json")
    assert created.status_code == 201, created.content


def test_a_second_run_refuses_and_changes_nothing(monkeypatch):
    monkeypatch.setenv("BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
    _bootstrap("--noinput")
    with pytest.raises(CommandError, match="Already bootstrapped"):
        _bootstrap("--noinput")
    assert OrgUnit.objects.count() == 1 and User.objects.count() == 1
    assert "Already bootstrapped" in _bootstrap("--noinput", "--if-empty")
    assert OrgUnit.objects.count() == 1 and User.objects.count() == 1


@pytest.mark.parametrize("existing", ["unit", "admin"])
def test_refuses_a_database_that_has_units_or_an_administrator(monkeypatch, existing):
    monkeypatch.setenv("BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
    if existing == "unit":
        OrgUnitFactory(code="OTHER")
    else:
        UserFactory(username="old.admin", role=Role.PROVINCE_ADMIN)
    with pytest.raises(CommandError, match="Already bootstrapped"):
        _bootstrap("--noinput")
    assert not OrgUnit.objects.filter(code="SL").exists()
    assert not User.objects.filter(username="qt.tinh").exists()


def test_a_weak_password_creates_nothing(monkeypatch):
    monkeypatch.setenv("BOOTSTRAP_ADMIN_PASSWORD", "123")
    with pytest.raises(CommandError, match="Nothing created: password"):
        _bootstrap("--noinput")
    assert not OrgUnit.objects.exists() and not User.objects.exists()


def test_without_the_environment_the_password_is_asked_twice(monkeypatch):
    monkeypatch.delenv("BOOTSTRAP_ADMIN_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    _bootstrap()
    assert User.objects.get(username="qt.tinh").check_password(PASSWORD)


def test_differing_passwords_or_no_input_refuse(monkeypatch):
    monkeypatch.delenv("BOOTSTRAP_ADMIN_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="differ"):
        _bootstrap()
    with pytest.raises(CommandError, match="BOOTSTRAP_ADMIN_PASSWORD"):
        _bootstrap("--noinput")
    assert not OrgUnit.objects.exists() and not User.objects.exists()


def test_the_root_unit_needs_a_code_and_a_name(monkeypatch):
    monkeypatch.setenv("BOOTSTRAP_ADMIN_PASSWORD", PASSWORD)
    out = io.StringIO()
    with pytest.raises(CommandError, match="--unit-code"):
        call_command("bootstrap_province", "--noinput", stdout=out)
