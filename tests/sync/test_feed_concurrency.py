"""The feed under concurrent writers (PostgreSQL): a change committed late is delivered after the cursor, once.

Transaction A writes first and stays open; B writes after it and commits; the national database reads the feed
and gets B's change and its cursor; then A commits. A's row id is below B's, so a feed ordered by id would have
passed it for ever. The feed orders by the position given after commit, so A's change comes on the next read,
after the cursor, and nothing comes twice.
"""

import threading

import pytest
from django.db import connection, transaction
from django.urls import reverse

from hr.models import Employee, PersonChange
from hr.services.changes import person_changes_sequence
from hr.services.employees import employee_update
from tests.sync.helpers import hire

URL = reverse("sync-changes")


def _in_thread(target):
    errors = []

    def run():
        try:
            target()
        except BaseException as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def _read(client, cursor):
    response = client.get(URL, {"cursor": cursor} if cursor else {})
    assert response.status_code == 200, response.data
    return [item["id"] for item in response.data["results"]], response.data["next_cursor"]


class HeldOpen:
    """Transaction A in its own thread: writes a change of `employee`, then waits, open, until released."""

    def __init__(self, employee):
        self.written, self.release = threading.Event(), threading.Event()
        self.employee = employee
        self.thread, self.errors = _in_thread(self.run)
        assert self.written.wait(30)

    def run(self):
        with transaction.atomic():
            employee_update(employee=Employee.objects.get(pk=self.employee.pk), actor=None, email="a@sonla.gov.vn")
            self.written.set()
            assert self.release.wait(30)

    def commit(self):
        self.release.set()
        self.thread.join(30)
        assert self.errors == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_committed_late_is_delivered_after_the_cursor_once(org, as_user):
    client = as_user(org.admin)
    first, second = hire(org.a.room, full_name="Người A"), hire(org.b.room, full_name="Người B")
    seen, cursor = _read(client, None)
    assert len(seen) == 6
    a = HeldOpen(first)
    try:
        thread_b, errors_b = _in_thread(
            lambda: employee_update(employee=Employee.objects.get(pk=second.pk), actor=None, email="b@sonla.gov.vn")
        )
        thread_b.join(30)
        assert errors_b == []
        b_change = PersonChange.objects.get(employee=second, fields=["email"])
        # The reader gets B's change (committed) and B's cursor while A is still open.
        delivered, cursor = _read(client, cursor)
        assert delivered == [b_change.pk]
    finally:
        a.commit()
    a_change = PersonChange.objects.get(employee=first, fields=["email"])
    # The case an id cursor gets wrong: A's row was inserted first, below the position already handed out.
    assert a_change.pk < b_change.pk
    delivered, cursor = _read(client, cursor)
    assert delivered == [a_change.pk]
    assert _read(client, cursor)[0] == []
    seen += [b_change.pk, a_change.pk]
    assert sorted(seen) == sorted(PersonChange.objects.values_list("pk", flat=True))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_readers_number_each_change_once(org, as_user):
    for n in range(5):
        hire(org.a.room, full_name=f"Người {n}")
    barrier = threading.Barrier(4)

    def read():
        barrier.wait()
        with transaction.atomic():
            person_changes_sequence()

    threads = [_in_thread(read) for _n in range(4)]
    for thread, errors in threads:
        thread.join(30)
        assert errors == []
    positions = list(PersonChange.objects.order_by("id").values_list("sequence", flat=True))
    assert positions == list(range(1, 16))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_change_is_never_delivered(org, as_user):
    client = as_user(org.admin)
    first = hire(org.a.room)
    _seen, cursor = _read(client, None)

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        employee_update(employee=first, actor=None, email="x@sonla.gov.vn")
        raise Abort
    employee_update(employee=first, actor=None, email="y@sonla.gov.vn")
    delivered, cursor = _read(client, cursor)
    assert [PersonChange.objects.get(pk=pk).fields for pk in delivered] == [["email"]]
    assert PersonChange.objects.count() == 4
