"""Imports running at the same time: overlapping national IDs are never duplicated nor lost."""

import threading

import pytest
from django.db import IntegrityError, connection

from exchange.services.imports import records_import
from hr.models import Assignment, Employee
from tests.exchange.conftest import csv_bytes, person


def _run_together(jobs: list) -> list:
    """Run each job in its own thread (own connection, own transaction), started at the same moment."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait()
            outcomes[index] = job()
        except IntegrityError as exc:  # a clean failure: the whole import rolled back
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_imports_of_overlapping_people(org):
    first = [person(org.a.room.code, n) for n in range(1, 61)]
    # Rows 41–60 also in the second file, with a corrected name: whoever comes second updates them.
    second = [person(org.a.room.code, n, **{"Họ và tên": f"Lò Thị Hường {n}"}) for n in range(41, 101)]

    def job(rows, actor):
        return lambda: records_import(
            kind="employees", actor=actor, content=csv_bytes(rows), filename="a.csv", dry_run=False
        )

    outcomes = _run_together([job(first, org.a.officer), job(second, org.admin)])

    assert all(not isinstance(outcome, Exception) and outcome.ok for outcome in outcomes), outcomes
    imported = Employee.objects.filter(national_id__startswith="011191")
    assert imported.count() == 100
    assert imported.values("national_id").distinct().count() == 100
    assert sum(outcome.created for outcome in outcomes) == 100
    assert sorted(outcome.created + outcome.updated + outcome.unchanged for outcome in outcomes) == [60, 60]
    assert Assignment.objects.filter(employee__in=imported).count() == 100
    overlap = imported.filter(national_id__in=[f"011191{n:06d}" for n in range(41, 61)])
    names = set(overlap.values_list("full_name", flat=True))
    # The second import either created them (first then updated them back) or updated them.
    assert names in ({f"Lò Thị Hường {n}" for n in range(41, 61)}, {f"Lò Thị Hương {n}" for n in range(41, 61)})


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_parallel_imports_of_the_same_file(org):
    rows = [person(org.b.room.code, n) for n in range(1, 31)]
    outcomes = _run_together(
        [
            lambda: records_import(
                kind="employees", actor=org.admin, content=csv_bytes(rows), filename="a.csv", dry_run=False
            )
            for _ in range(4)
        ]
    )
    assert sorted(outcome.created for outcome in outcomes) == [0, 0, 0, 30]
    assert sorted(outcome.unchanged for outcome in outcomes) == [0, 30, 30, 30]
    assert Employee.objects.filter(national_id__startswith="011191").count() == 30


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_import_racing_a_single_creation_fails_cleanly_or_wins(org):
    """A person created through the API while an import of the same person runs: one record, never two."""
    import datetime

    from django.core.exceptions import ValidationError

    from hr.models import Rank, SalaryStep
    from hr.services.employees import employee_create

    rows = [person(org.a.room.code, n) for n in range(1, 41)]
    clash = "011191000020"
    rank = Rank.objects.get(code="01.003")
    step = SalaryStep.objects.get(scale=rank.scale, step=2)  # as in the file, so the import may find it unchanged

    def create_one():
        try:
            return employee_create(
                actor=org.admin,
                unit=org.a.room,
                recruitment_date=datetime.date(2020, 1, 2),
                rank=rank,
                salary_step=step,
                national_id=clash,
                full_name="Lò Thị Hương 20",
                date_of_birth=datetime.date(1991, 4, 12),
                sex="F",
                category="CONG_CHUC",
            )
        except ValidationError as exc:  # the import committed first: the ID is taken
            return exc

    outcomes = _run_together(
        [
            lambda: records_import(
                kind="employees", actor=org.admin, content=csv_bytes(rows), filename="a.csv", dry_run=False
            ),
            create_one,
        ]
    )
    imported, created = outcomes
    assert Employee.objects.filter(national_id=clash).count() == 1
    count = Employee.objects.filter(national_id__startswith="011191").count()
    if isinstance(imported, IntegrityError):  # the single creation won; the import rolled back whole
        assert count == 1
    else:  # the import won (or saw the creation and left that person unchanged)
        # The import won, saw the creation and left that person unchanged, or found the ID taken
        # between its look-up and its check and refused the file whole: never a half-written file.
        assert (imported.ok and count == 40) or (not imported.ok and count == 1)
        # The creation either came first, or failed cleanly: validation saw the committed import, or its
        # INSERT waited on the import's uncommitted row and lost on the unique index.
        assert isinstance(created, ValidationError | IntegrityError | Employee)
    assert Assignment.objects.filter(employee__national_id=clash).count() == 1
