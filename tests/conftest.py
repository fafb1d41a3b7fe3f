"""Shared fixtures: a small province with two agencies and one account per role in each."""

import datetime
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.db import transaction
from rest_framework.test import APIClient

from backend.celery_app import app
from hr.models import Category, OrgUnit, Role, UnitKind, UnitLevel, User
from tests.factories import EmployeeFactory, OrgUnitFactory, UserFactory, position


@dataclass
class Agency:
    """One agency with a room, and an officer, a manager and a staff member in it."""

    unit: OrgUnit
    room: OrgUnit
    officer: User
    manager: User
    staff: User


@dataclass
class Org:
    province: OrgUnit
    admin: User
    a: Agency
    b: Agency


def _agency(province: OrgUnit, code: str, name: str, kind: str, level: str) -> Agency:
    unit = OrgUnitFactory(code=code, name=name, kind=kind, level=level, parent=province)
    room = OrgUnitFactory(
        code=f"{code}-P1", name=f"Phòng Tổng hợp – {name}", kind=UnitKind.ROOM, level=level, parent=unit
    )
    officer_emp = EmployeeFactory(unit=unit, full_name=f"Cán bộ tổ chức {code}", ranked=True)
    head = EmployeeFactory(unit=room, full_name=f"Trưởng phòng {code}", position=position("TP_SO"), ranked=True)
    staff_emp = EmployeeFactory(unit=room, full_name=f"Chuyên viên {code}", ranked=True)
    return Agency(
        unit=unit,
        room=room,
        officer=UserFactory(
            username=f"officer_{code.lower()}", role=Role.PERSONNEL_OFFICER, employee=officer_emp, scope_unit=unit
        ),
        manager=UserFactory(username=f"manager_{code.lower()}", role=Role.MANAGER, employee=head, scope_unit=room),
        staff=UserFactory(username=f"staff_{code.lower()}", role=Role.STAFF, employee=staff_emp),
    )


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need real row locks and concurrent transactions."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(skip)


def build_org() -> Org:
    """The province, its administrator and agencies A and B (also built once per module by admin tests)."""
    province = OrgUnitFactory(
        code="SL",
        name="UBND tỉnh Sơn La",
        kind=UnitKind.PROVINCE,
        level=UnitLevel.PROVINCE,
        valid_from=datetime.date(2000, 1, 1),
    )
    admin_emp = EmployeeFactory(unit=province, full_name="Quản trị Sở Nội vụ", category=Category.CONG_CHUC)
    return Org(
        province=province,
        admin=UserFactory(username="admin", role=Role.PROVINCE_ADMIN, employee=admin_emp),
        a=_agency(province, "SNV", "Sở Nội vụ", UnitKind.DEPARTMENT, UnitLevel.PROVINCE),
        b=_agency(province, "XMB", "UBND xã Mường Bám", UnitKind.COMMUNE, UnitLevel.COMMUNE),
    )


@pytest.fixture
def org(db) -> Org:
    return build_org()


@contextmanager
def built_once(django_db_blocker, build):
    """Build shared test data in a transaction held open for a module, and undo it all afterwards.

    Each test of the module runs in a savepoint inside it (pytest-django's `db`), so what a test
    writes is undone and the next test finds the data as built.
    """
    with django_db_blocker.unblock():
        block = transaction.atomic()
        block.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            block.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            block.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_org(django_db_setup, django_db_blocker) -> Org:
    """`org` built once for a whole module (the role matrix, the fuzzer); override `org` with it there."""
    with built_once(django_db_blocker, build_org) as built:
        yield built


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def as_user(api):
    """Return a client authenticated as the given user (force_authenticate: no token round-trip)."""

    def _as(user: User) -> APIClient:
        api.force_authenticate(user=user)
        return api

    return _as


# A real Celery worker on the local Redis for the job tests (CI has Redis at 127.0.0.1:6379).
BROKER = os.environ.get("TEST_CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
# One queue for this test process (Celery keeps the queues it declared once): stale messages of an earlier
# run or another process are never consumed, and it is purged before each test.
QUEUE = f"test-{os.getpid()}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def celery_worker(transactional_db):
    """A worker thread consuming from Redis; tasks are sent through the broker, not run in-process.

    The worker shares the test's database (committed rows only: the tests using it are transactional) and its
    mail outbox. Its queue has a name of its own, so a stale message of an earlier run is never consumed.
    """
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not running at {BROKER} (.ci/run and production have it)")
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager", "task_default_queue")}
    app.conf.update(broker_url=BROKER, task_always_eager=False, task_default_queue=QUEUE)
    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(QUEUE)
    try:
        with start_worker(app, pool="threads", concurrency=2, perform_ping_check=False, shutdown_timeout=30) as worker:
            yield worker
    finally:
        app.conf.update(saved)
