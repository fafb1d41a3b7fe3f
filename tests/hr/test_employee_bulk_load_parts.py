"""`employee_bulk_load` over parts: written by a writer thread while the next part is made, all or nothing."""

import threading
import time

import pytest
from django.db import DataError, IntegrityError, connection, transaction
from rest_framework.exceptions import APIException

import hr.services.employees as employee_services
from hr.models import Assignment, Employee, PersonChange, SalaryRecord
from hr.services.employees import employee_bulk_load
from tests.hr.test_employee_bulk_load_order import _people

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _written(ids: list[int]) -> dict:
    """What the load wrote for these people in every table, the people named by their rank among `ids`."""
    rank = {pk: n for n, pk in enumerate(ids)}
    return {
        "employees": list(Employee.objects.filter(pk__in=ids).order_by("pk").values_list("national_id", "unit_id")),
        "history": [
            rank[pk] for pk in Employee.history.filter(id__in=ids).order_by("history_id").values_list("id", flat=True)
        ],
        "assignments": [
            rank[pk]
            for pk in Assignment.objects.filter(employee_id__in=ids)
            .order_by("pk")
            .values_list("employee_id", flat=True)
        ],
        "salaries": [
            rank[pk]
            for pk in SalaryRecord.objects.filter(employee_id__in=ids)
            .order_by("pk")
            .values_list("employee_id", flat=True)
        ],
        # Each part logs its people, then their assignments, then their salary records.
        "changes": sorted(
            (rank[pk], source)
            for pk, source in PersonChange.objects.filter(employee_id__in=ids).values_list("employee_id", "source")
        ),
    }


def _counts() -> tuple[int, ...]:
    return (
        Employee.objects.count(),
        Employee.history.count(),
        Assignment.objects.count(),
        SalaryRecord.objects.count(),
        PersonChange.objects.count(),
    )


def _role() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('session_replication_role')")
        return cursor.fetchone()[0]


def test_parts_write_what_one_frame_writes_in_the_same_order(org, monkeypatch):
    people = _people(org, org.a.staff.employee)
    with transaction.atomic():
        whole = employee_bulk_load(actor=org.admin, people=people)
        expected = _written(whole)
        transaction.set_rollback(True)
    written = []
    load_part = employee_services._load_part
    monkeypatch.setattr(
        employee_services, "_load_part", lambda *args: written.append(len(args[1].splitlines())) or load_part(*args)
    )
    # An empty part is skipped; the others are written one statement set each, in the parts' order.
    parts = [people.iloc[:2], people.iloc[2:2], people.iloc[2:5], people.iloc[5:]]
    ids = employee_bulk_load(actor=org.admin, people=iter(parts))
    assert written == [2, 3, 1]
    assert ids == sorted(ids) and len(ids) == len(people)
    assert _written(ids) == expected
    assert _role() == "origin"


def test_the_callers_thread_leaves_the_connection_to_the_writer_while_a_part_is_written(org, monkeypatch):
    """The next part's new units are read only once the part before is written: a query sent meanwhile met the
    writer's pipeline ("another command is already in progress", seen in CI on a slow machine)."""
    people = _people(org, org.a.staff.employee)
    people.loc[3:, "unit_id"] = org.a.room.pk  # the second part names a unit the first did not
    caller = threading.current_thread()
    writing = threading.Event()
    overlapped: list[str] = []
    load_part = employee_services._load_part

    def slow_part(*args):
        writing.set()
        try:
            time.sleep(0.2)  # long enough for the caller's thread to make the next part
            return load_part(*args)
        finally:
            writing.clear()

    def watch(execute, sql, params, many, context):
        if threading.current_thread() is caller and writing.is_set():
            overlapped.append(sql)
        return execute(sql, params, many, context)

    monkeypatch.setattr(employee_services, "_load_part", slow_part)
    with connection.execute_wrapper(watch):
        ids = employee_bulk_load(actor=org.admin, people=iter([people.iloc[:3], people.iloc[3:]]))
    assert len(ids) == len(people)
    assert set(Employee.objects.filter(pk__in=ids[3:]).values_list("unit_id", flat=True)) == {org.a.room.pk}
    assert overlapped == []


def test_no_part_writes_nothing():
    before = _counts()
    assert employee_bulk_load(actor=None, people=iter([])) == []
    assert _counts() == before


def test_a_refused_later_part_leaves_nothing_written(org):
    people = _people(org, org.a.staff.employee)
    before = _counts()
    # The second part names a person of the first again: the unique national ID refuses it, in the writer.
    parts = [people.iloc[:3], people.iloc[2:4]]
    with pytest.raises(IntegrityError, match="national_id"), transaction.atomic():
        employee_bulk_load(actor=org.admin, people=iter(parts))
    assert _counts() == before
    assert _role() == "origin"


def test_a_failure_while_making_the_next_part_waits_for_the_writer_and_leaves_nothing(org):
    people = _people(org, org.a.staff.employee)
    before = _counts()

    def parts():
        yield people.iloc[:3]
        raise ValueError("the next part could not be checked")

    with pytest.raises(ValueError, match="next part"), transaction.atomic():
        employee_bulk_load(actor=org.admin, people=parts())
    assert _counts() == before
    # The connection is this thread's alone again, and usable.
    assert not connection.allow_thread_sharing
    assert Employee.objects.filter(national_id=people["national_id"][0]).count() == 0


def test_a_part_outside_the_actors_scope_is_refused(org):
    people = _people(org, org.a.staff.employee)
    foreign = people.iloc[3:].assign(unit_id=org.b.unit.pk)
    before = _counts()
    with pytest.raises(APIException) as refused, transaction.atomic():
        employee_bulk_load(actor=org.a.officer, people=iter([people.iloc[:3], foreign]))
    assert refused.value.status_code in {403, 404}
    assert _counts() == before


def test_a_row_the_copy_refuses_is_djangos_error_and_nothing_is_written(org):
    people = _people(org, org.a.staff.employee)
    # Thirteen characters: the COPY into the load's table (the employees' columns) refuses it.
    spoiled = people.iloc[3:].assign(national_id=lambda frame: frame["national_id"] + "9")
    before = _counts()
    with pytest.raises(DataError), transaction.atomic():
        employee_bulk_load(actor=org.admin, people=iter([people.iloc[:3], spoiled]))
    assert _counts() == before
    assert _role() == "origin"
