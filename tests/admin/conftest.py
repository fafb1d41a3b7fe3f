"""Admin test data built once per module: the `org` province plus one record of every admin model in A and in B.

Each test runs in a savepoint inside the module's transaction, so what a test writes is undone
and the shared records stay as built.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.test import Client
from rest_framework_simplejwt.tokens import RefreshToken

from evaluations.services.transitional import unit_rules_choice_record
from hr.models import UnitKind, User
from hr.services.ratings import annual_rating_record
from reform.services.appraisals import appraisal_open
from tests.conftest import Agency, Org, build_org, built_once
from tests.evaluations.factories import evaluation_of, generated
from tests.factories import EmployeeFactory, OrgUnitFactory
from tests.matrix.discipline import commendation, discipline, initiative
from tests.training.factories import ProgrammeFactory, TrainingClassFactory
from training.models import Certificate, Enrolment, TeachingAssignment

ROLES = ["admin", "officer_a", "officer_b", "manager_a", "staff_a"]
WRITERS = {"admin", "officer_a", "officer_b"}


@dataclass
class World:
    org: Org
    # model -> {"a": object of agency A, "b": object of agency B}
    samples: dict = field(default_factory=dict)
    # a person of each agency with no login yet (accounts are one per person)
    spare: dict = field(default_factory=dict)

    def user(self, role: str) -> User:
        if role == "admin":
            return self.org.admin
        who, agency = role.split("_")
        return getattr(getattr(self.org, agency), who)

    def agency(self, role: str) -> str | None:
        """The agency whose records `role` manages ("a"/"b"), None for the province administrator."""
        return None if role == "admin" else role.split("_")[1]


def _agency_samples(world: World, key: str, ag: Agency, programme) -> None:
    code = ag.unit.code
    person = ag.staff.employee
    training_class = TrainingClassFactory(code=f"L-{code}", programme=programme, organiser=ag.unit)
    enrolment = Enrolment.objects.create(employee=person, training_class=training_class, result="PASSED")
    cycle = generated(ag.officer, ag.unit)
    samples = {
        "EvaluationCycle": cycle,
        "Evaluation": evaluation_of(cycle, person),
        "OrgUnit": ag.room,
        "Employee": person,
        "User": ag.staff,
        "AnnualRating": annual_rating_record(actor=None, employee=person, year=2024, rating="HTTNV"),
        "DisciplineRecord": discipline(person, decision_number=f"KL-{code}/QĐ"),
        "Commendation": commendation(
            employee=person, decision_number=f"KT-{code}/QĐ", decision_date=datetime.date(2025, 6, 16)
        ),
        "Initiative": initiative(person, decision_number=f"SK-{code}/QĐ", title=f"Sáng kiến {code}"),
        "TrainingClass": training_class,
        "Enrolment": enrolment,
        "Certificate": Certificate.objects.create(
            enrolment=enrolment, number=f"CC-{code}", issue_date=datetime.date(2025, 3, 8), verification_code=code
        ),
        "Appraisal": appraisal_open(actor=None, unit=ag.unit, year=2026),
        "TeachingAssignment": TeachingAssignment.objects.create(
            employee=ag.manager.employee, training_class=training_class, periods=4
        ),
        "UnitRulesChoice": unit_rules_choice_record(
            actor=None,
            unit=OrgUnitFactory(code=f"{code}-DV", kind=UnitKind.PUBLIC_SERVICE_UNIT, parent=ag.unit),
            year=2026,
            basis=f"Trung tâm {code} chưa ban hành quy chế đánh giá",
        ),
    }
    for name, obj in samples.items():
        world.samples.setdefault(name, {})[key] = obj
    world.spare[key] = EmployeeFactory(unit=ag.room, full_name=f"Nhân viên mới {code}")


def _build() -> World:
    org = build_org()
    # Officers and administrators work in the admin; the manager's flag is set too, as a misconfiguration
    # would, to show the role (not the flag) keeps them out. Staff keep the default.
    User.objects.filter(pk__in=[org.admin.pk, org.a.officer.pk, org.b.officer.pk, org.a.manager.pk]).update(
        is_staff=True
    )
    world = World(org=org)
    programme = ProgrammeFactory(code="CT-ADMIN")
    _agency_samples(world, "a", org.a, programme)
    _agency_samples(world, "b", org.b, programme)
    # Rows of the pages other apps register (sign-in records, issued tokens), naming B's staff member.
    attempt = {"user_agent": "Firefox", "ip_address": "10.0.0.9", "username": org.b.staff.username}
    attempt |= {"http_accept": "*/*", "path_info": "/api/v1/auth/jwt/create/"}
    AccessAttempt.objects.create(get_data="", post_data="", failures_since_start=1, **attempt)
    AccessLog.objects.create(**attempt)
    AccessFailureLog.objects.create(**attempt)
    RefreshToken.for_user(org.b.staff).blacklist()
    for user in (org.admin, org.a.officer, org.b.officer, org.a.manager, org.a.staff):
        user.refresh_from_db()
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker, _build) as built:
        yield built


@pytest.fixture
def login(world, db):
    """A test client signed in as one of `ROLES`."""

    def _login(role: str) -> Client:
        client = Client()
        client.force_login(world.user(role))
        return client

    return _login


def registered_models() -> list:
    """Every model with an admin page; a newly registered one joins the matrix by itself."""
    return sorted(admin.site._registry, key=lambda m: m._meta.label)
