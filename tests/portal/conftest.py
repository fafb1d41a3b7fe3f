"""Fixtures of the portal tests: agency A's 2026 cycle, trained people, and a browser-like client per role."""

import datetime

import pytest
from django.test import Client

from tests.evaluations.conftest import walk  # noqa: F401  (walks an evaluation through the workflow)
from tests.evaluations.factories import evaluation_of, generated
from tests.training.factories import trained

BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def cycle(org):
    """The annual 2026 cycle of agency A, its evaluations generated (everyone starts at DRAFT)."""
    return generated(org.admin, org.a.unit)


@pytest.fixture
def staff_evaluation(org, cycle):
    return evaluation_of(cycle, org.a.staff.employee)


@pytest.fixture
def training_years(org):
    """Agency A's staff member trained in 2024 (certified) and 2025."""
    trained(org.admin, org.a.staff.employee, end=datetime.date(2024, 5, 10), periods=24, certify=True)
    trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 9, 12), periods=40)


@pytest.fixture
def login():
    """login(user) → a client signed in with a session, as the portal's users are."""

    def _login(user) -> Client:
        client = Client()
        client.force_login(user, backend=BACKEND)
        return client

    return _login
