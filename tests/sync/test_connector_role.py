"""The national database connector's account (`Role.NATIONAL_SYNC`): the feed, and nothing else."""

import pytest
from django.urls import reverse

from hr.models import PersonChange, Role
from hr.services.accounts import account_create
from tests.factories import UserFactory
from tests.matrix import OK
from tests.refusals import refusal
from tests.sync.helpers import hire
from tests.test_role_matrix import CASES, PUBLIC_PREFIXES, _call

pytestmark = pytest.mark.django_db

PASSWORD = "Ketnoi@CSDLQG2026"


@pytest.fixture
def connector(db):
    return UserFactory(username="ket-noi-csdlqg", role=Role.NATIONAL_SYNC)


def test_the_province_administration_creates_the_account_without_an_employee(org):
    user = account_create(actor=org.admin, username="csdlqg", password=PASSWORD, role=Role.NATIONAL_SYNC)
    assert (user.role, user.employee, user.is_staff) == (Role.NATIONAL_SYNC, None, False)


def test_an_officer_cannot_grant_it(org):
    with refusal("role_not_grantable"):
        account_create(
            actor=org.a.officer,
            username="csdlqg",
            password=PASSWORD,
            role=Role.NATIONAL_SYNC,
            employee=org.a.staff.employee,
        )


def test_the_connector_reads_and_acknowledges_the_feed(org, connector, as_user):
    employee = hire(org.a.room)
    client = as_user(connector)
    page = client.get(reverse("sync-changes")).data
    assert len(page["results"]) == 3
    assert client.get(reverse("sync-person", args=[employee.pk])).status_code == 200
    assert client.get(reverse("sync-overdue")).status_code == 200
    response = client.post(reverse("sync-acks"), {"cursor": page["next_cursor"]}, format="json")
    assert response.status_code == 201
    assert not PersonChange.objects.filter(acknowledged_at__isnull=True).exists()


@pytest.mark.parametrize(
    ("method", "path"), sorted(k for k in CASES if not k[1].startswith(PUBLIC_PREFIXES)), ids=lambda v: v
)
def test_the_connector_gets_no_more_than_a_staff_member_elsewhere(api, org, connector, method, path):
    case = CASES[(method, path)]
    api.force_authenticate(user=connector)
    response = _call(api, method, path, case, org)
    assert response.status_code < 500, (method, path, response.status_code)
    if path.startswith("/api/v1/sync/"):
        assert response.status_code not in (401, 403, 404, 405)
    elif case.expect["staff_b"] != OK:
        # Staff of another agency is refused this: the connector, in no agency, is refused too.
        assert response.status_code in (403, 404), (method, path, response.status_code)
