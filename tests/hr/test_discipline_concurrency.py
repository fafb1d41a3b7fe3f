"""Simultaneous decisions about one person: each sees the others, so a repeat offence is never missed."""

import datetime
import threading

import pytest
from django.db import connection

from backend.api.exceptions import ApplicationError
from hr.models import DisciplineRecord
from tests.matrix.discipline import discipline


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_reprimands_for_the_same_day_only_one_passes(org):
    employee = org.a.staff.employee
    day = datetime.date(2025, 9, 10)
    contenders = 5
    barrier = threading.Barrier(contenders)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(number):
        try:
            barrier.wait()
            # Violated on the day the others take effect: whichever lands second is a repeat offence.
            discipline(
                employee, decision_number=f"{number}/QĐ", violation_date=day, decision_date=day, effective_date=day
            )
            result = "recorded"
        except ApplicationError as error:
            result = "repeat" if "form" in error.detail else "other"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(contenders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["recorded"] + ["repeat"] * (contenders - 1)
    assert DisciplineRecord.objects.filter(employee=employee).count() == 1
