"""Simultaneous HTXSNV decisions in one agency never exceed the quota: the agency's quota row is locked."""

import threading

import pytest
from django.db import connection

from backend.api.exceptions import Conflict
from evaluations.models import Evaluation
from evaluations.services.workflow import evaluation_transition
from hr.models import RatingLevel
from tests.evaluations.factories import generated, people, ready_for_decision


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_decisions_respect_the_quota(org):
    people(org.a.room, 7)
    cycle = generated(org.admin, org.a.unit)
    evaluations = list(Evaluation.objects.filter(cycle=cycle).order_by("pk"))
    for evaluation in evaluations:
        ready_for_decision(evaluation, total="95")  # 10 people rated HTXSNV by points: 20% → 2
    contenders = evaluations[:6]
    barrier = threading.Barrier(len(contenders))
    outcomes: list[str] = []
    lock = threading.Lock()

    def decide(evaluation):
        try:
            barrier.wait()
            evaluation_transition(
                actor=org.admin, evaluation=evaluation, name="decide", data={"decision_number": f"QĐ {evaluation.pk}"}
            )
            result = "decided"
        except Conflict as error:
            result = "quota" if error.get_codes() == "quota_exceeded" else error.get_codes()
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=decide, args=(e,)) for e in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["decided"] * 2 + ["quota"] * 4
    assert Evaluation.objects.filter(cycle=cycle, final_rating=RatingLevel.EXCELLENT).count() == 2
