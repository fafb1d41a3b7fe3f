"""Simultaneous enrolments into the last place of a class: exactly one wins, the class is never over-booked."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tests.factories import EmployeeFactory
from tests.training.factories import enrol, open_class
from training.models import EnrolmentStatus
from training.services.enrolments import enrolment_create


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_enrolment_into_the_last_place(org):
    training_class = open_class(org, capacity=3)
    enrol(org.admin, training_class, org.a.manager.employee, org.a.officer.employee)  # one place left
    contenders = EmployeeFactory.create_batch(6, unit=org.a.room)
    barrier = threading.Barrier(len(contenders))
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(employee):
        try:
            barrier.wait()
            enrolment_create(actor=org.a.officer, training_class=training_class, employee=employee)
            result = "enrolled"
        except ValidationError as error:
            codes = [e.code for e in error.error_dict.get("employee", [])]
            result = "full" if codes == ["class_full"] else f"other: {codes}"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(e,)) for e in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["enrolled"] + ["full"] * 5
    assert training_class.enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == 3
