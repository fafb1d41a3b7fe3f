"""POST /api/v1/sync/acks/: up to a cursor or by ids, only what the feed handed out; refusals write nothing."""

import pytest
from django.urls import reverse

from hr.models import PersonChange
from sync.models import Acknowledgement
from tests.refusals import refused, unchanged
from tests.sync.helpers import hire, rate

pytestmark = pytest.mark.django_db

URL = reverse("sync-acks")
FEED = reverse("sync-changes")


@pytest.fixture
def fed(org, as_user):
    """Two people hired and rated, the feed read once: 8 changes at positions 1–8."""
    for name in ("Người A", "Người B"):
        rate(hire(org.a.room, full_name=name))
    client = as_user(org.admin)
    assert client.get(FEED).data["next_cursor"] == "8"
    return client


def acknowledged():
    return set(PersonChange.objects.filter(acknowledged_at__isnull=False).values_list("sequence", flat=True))


def test_acknowledging_up_to_a_cursor_marks_it_and_everything_before(org, fed):
    response = fed.post(URL, {"cursor": "5"}, format="json")
    assert response.status_code == 201, response.data
    assert response.data["acknowledged"] == 5
    assert acknowledged() == {1, 2, 3, 4, 5}
    record = Acknowledgement.objects.get()
    assert (record.cursor, record.received_from) == ("5", org.admin)
    # Again, further: only the new ones count, the first date stays.
    first_dates = dict(PersonChange.objects.filter(sequence__lte=5).values_list("id", "acknowledged_at"))
    assert fed.post(URL, {"cursor": "8"}, format="json").data["acknowledged"] == 3
    assert dict(PersonChange.objects.filter(sequence__lte=5).values_list("id", "acknowledged_at")) == first_dates
    assert acknowledged() == set(range(1, 9))


def test_acknowledging_by_ids(org, fed):
    ids = list(PersonChange.objects.filter(sequence__in=[2, 7]).values_list("id", flat=True))
    response = fed.post(URL, {"changes": ids}, format="json")
    assert response.status_code == 201, response.data
    assert response.data["acknowledged"] == 2
    assert response.data["change_ids"] == sorted(ids)
    assert acknowledged() == {2, 7}


@pytest.mark.parametrize("body", [{}, {"cursor": "3", "changes": [1]}])
def test_either_a_cursor_or_ids(org, fed, body):
    with unchanged(PersonChange.objects.all(), Acknowledgement.objects.all()):
        refused(fed.post(URL, body, format="json"), "ack_target", field="cursor")


def test_ids_not_handed_out_are_refused_and_nothing_is_marked(org, fed):
    hire(org.b.room)  # logged, not numbered yet: the feed has not handed it out
    pending = PersonChange.objects.filter(sequence__isnull=True).values_list("id", flat=True)[0]
    handed = PersonChange.objects.get(sequence=1).pk
    with unchanged(PersonChange.objects.all(), Acknowledgement.objects.all()):
        refused(fed.post(URL, {"changes": [handed, pending]}, format="json"), "change_unknown", field="changes")
        refused(fed.post(URL, {"changes": [handed, 10**9]}, format="json"), "change_unknown", field="changes")


@pytest.mark.parametrize(("cursor", "code"), [("x", "cursor_invalid"), ("9", "cursor_unknown")])
def test_bad_cursor_is_refused_and_nothing_is_marked(org, fed, cursor, code):
    with unchanged(PersonChange.objects.all(), Acknowledgement.objects.all()):
        refused(fed.post(URL, {"cursor": cursor}, format="json"), code, field="cursor")


@pytest.mark.parametrize("body", [{"changes": []}, {"changes": ["1"]}, {"changes": [0]}, {"cursor": 5}])
def test_malformed_bodies_are_refused_on_their_field(org, fed, body):
    with unchanged(PersonChange.objects.all(), Acknowledgement.objects.all()):
        response = fed.post(URL, body, format="json")
    assert response.status_code == 400
    assert list(response.data["fields"]) == list(body)


@pytest.mark.parametrize("agency", ["a", "b"])
@pytest.mark.parametrize("role", ["officer", "manager", "staff"])
def test_only_the_province_administration_acknowledges(org, fed, as_user, agency, role):
    client = as_user(getattr(getattr(org, agency), role))
    with unchanged(PersonChange.objects.all(), Acknowledgement.objects.all()):
        refused(client.post(URL, {"cursor": "8"}, format="json"), "permission_denied")
