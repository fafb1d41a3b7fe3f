"""Simultaneous HTXSNV decisions in one agency never exceed the quota: the agency's quota row is locked."""

import hashlib
import threading
import time

import pytest
from django.db import connection, transaction

from backend.api.exceptions import Conflict
from evaluations.models import Evaluation
from evaluations.services.forms import form_from_snapshot, render_pdf
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


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_decisions_issue_their_forms_after_commit(org, celery_worker):
    """The same race with the forms issued by a real worker: the quota holds, each hash lands after commit."""
    people(org.a.room, 7)
    cycle = generated(org.admin, org.a.unit)
    evaluations = list(Evaluation.objects.filter(cycle=cycle).order_by("pk"))
    for evaluation in evaluations:
        ready_for_decision(evaluation, total="95")
    contenders = evaluations[:6]
    barrier = threading.Barrier(len(contenders))
    seen_unissued: list[bool] = []

    def decide(evaluation):
        try:
            barrier.wait()
            with transaction.atomic():
                evaluation_transition(
                    actor=org.admin,
                    evaluation=evaluation,
                    name="decide",
                    data={"decision_number": f"QĐ {evaluation.pk}"},
                )
                # Inside the decision's transaction the form is not rendered yet: no PDF under the quota lock.
                seen_unissued.append(Evaluation.objects.get(pk=evaluation.pk).pdf_sha256 == "")
        except Conflict:
            pass
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(e,)) for e in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    decided = Evaluation.objects.filter(cycle=cycle, final_rating=RatingLevel.EXCELLENT)
    assert decided.count() == 2 and seen_unissued == [True, True]
    deadline = time.monotonic() + 120
    while decided.filter(pdf_sha256="").exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    for evaluation in decided:
        assert evaluation.pdf_sha256 == hashlib.sha256(render_pdf(form_from_snapshot(evaluation.snapshot))).hexdigest()
