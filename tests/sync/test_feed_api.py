"""GET /api/v1/sync/changes/: every change once, in order, page after page; bad cursors refused; constant queries."""

import pytest
from django.db import connection
from django.urls import reverse

from hr.models import PersonChange
from hr.services.employees import employee_update
from tests.refusals import refused
from tests.sync.helpers import hire, rate

pytestmark = pytest.mark.django_db

URL = reverse("sync-changes")


def read_all(client, page_size=2, cursor=None):
    """Every change, following `next_cursor` until `has_more` is false; returns the items and the last cursor."""
    items = []
    while True:
        query = {"page_size": page_size, **({"cursor": cursor} if cursor else {})}
        response = client.get(URL, query)
        assert response.status_code == 200, response.data
        items += response.data["results"]
        cursor = response.data["next_cursor"]
        if not response.data["has_more"]:
            return items, cursor


def test_pages_give_every_change_once_in_order(org, as_user):
    first = hire(org.a.room, full_name="Người thứ nhất")
    second = hire(org.b.room, full_name="Người thứ hai")
    rate(first)
    client = as_user(org.admin)
    items, cursor = read_all(client, page_size=2)
    # Numbered after commit: here, where each write committed before the next, in the order of the writes.
    assert [item["id"] for item in items] == list(PersonChange.objects.order_by("id").values_list("id", flat=True))
    assert [int(item["cursor"]) for item in items] == list(range(1, 8))
    assert len(items) == 7
    assert {item["person"] for item in items} == {first.pk, second.pk}
    rating = items[-1]
    assert rating["source"] == "hr.annualrating"
    assert rating["groups"] == ["work"]
    assert rating["national_id"] == first.national_id
    assert rating["cursor"] == cursor
    # Nothing new: the same cursor back, no rows.
    again = client.get(URL, {"cursor": cursor}).data
    assert (again["results"], again["next_cursor"], again["has_more"]) == ([], cursor, False)
    # A later change comes after the cursor, alone.
    employee_update(employee=second, actor=org.admin, email="huong@sonla.gov.vn")
    later, _cursor = read_all(client, cursor=cursor)
    assert [(item["person"], item["groups"], item["fields"]) for item in later] == [
        (second.pk, ["identity"], ["email"])
    ]


def test_empty_feed_has_no_cursor(org, as_user):
    response = as_user(org.admin).get(URL)
    assert response.data == {"results": [], "next_cursor": None, "has_more": False}


@pytest.mark.parametrize("cursor", ["abc", "1.2", "-1", "+1", "1 2", "١", "9" * 20, "9" * 19, "0x1"])
def test_a_malformed_cursor_is_refused(org, as_user, cursor):
    refused(as_user(org.admin).get(URL, {"cursor": cursor}), "cursor_invalid", field="cursor")


def test_a_cursor_the_feed_never_gave_is_refused(org, as_user):
    hire(org.a.room)
    client = as_user(org.admin)
    # Not numbered yet: no change has position 1 until the feed is read.
    refused(client.get(URL, {"cursor": "1"}), "cursor_unknown", field="cursor")
    _items, cursor = read_all(client)
    assert cursor == "3"
    # Past the last position given: the changes numbered up to it later would be skipped.
    refused(client.get(URL, {"cursor": "4"}), "cursor_unknown", field="cursor")
    refused(client.get(URL, {"cursor": "0"}), "cursor_unknown", field="cursor")


@pytest.mark.parametrize("query", [{"cursor": ""}, {"page_size": "0"}, {"page_size": "501"}, {"page_size": "x"}])
def test_bad_query_values_are_refused_on_their_field(org, as_user, query):
    response = as_user(org.admin).get(URL, query)
    assert response.status_code == 400
    assert list(response.data["fields"]) == list(query)


@pytest.mark.parametrize("role", ["officer", "manager", "staff"])
def test_only_the_province_administration_reads_the_feed(org, as_user, role):
    hire(org.a.room)
    refused(as_user(getattr(org.a, role)).get(URL), "permission_denied")


def test_the_feed_runs_constant_queries(org, as_user, django_assert_num_queries):
    for n in range(6):
        rate(hire(org.a.room, full_name=f"Người {n}"))
    client = as_user(org.admin)
    # The request's savepoint, the numbering (its savepoint, lock on PostgreSQL, one UPDATE) and the page (one
    # more row than asked, to know whether more follow), whatever the page's size.
    with django_assert_num_queries(6 + (connection.vendor == "postgresql")) as few:
        assert len(client.get(URL, {"page_size": 3}).data["results"]) == 3
    queries = len(few.captured_queries)
    with django_assert_num_queries(queries):
        assert len(client.get(URL, {"page_size": 500}).data["results"]) == 24
    cursor = client.get(URL, {"page_size": 3}).data["next_cursor"]
    # With a cursor: its check too.
    with django_assert_num_queries(queries + 1):
        assert len(client.get(URL, {"page_size": 500, "cursor": cursor}).data["results"]) == 21
