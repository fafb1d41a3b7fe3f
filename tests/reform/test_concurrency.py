"""Simultaneous score entries on one appraisal queue on its row lock, so the running totals lose nothing."""

import threading
from decimal import Decimal

import pytest
from django.db import connection

from backend.api.exceptions import Conflict
from reform.models import Appraisal, AppraisalStatus
from reform.services.appraisals import (
    appraisal_open,
    appraisal_publish,
    appraisal_set_self_scores,
    appraisal_set_survey_scores,
)
from tests.reform.factories import scores_of, submitted, surveyed


def run_together(*jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    outcomes: list = []
    lock = threading.Lock()

    def run(job):
        try:
            barrier.wait()
            result = job()
        except Conflict as error:
            result = "conflict" if error.get_codes() in ("appraisal_published", "wrong_state") else error.get_codes()
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_self_scores_keep_the_total(org):
    appraisal = appraisal_open(actor=org.a.officer, unit=org.a.unit, year=2026)
    rows = list(scores_of(appraisal))[:6]

    def entry(row):
        return lambda: appraisal_set_self_scores(
            actor=org.a.officer,
            appraisal=appraisal,
            entries=[{"criterion": row.criterion_id, "score": row.criterion.max_points}],
        )

    run_together(*(entry(row) for row in rows))
    expected = sum((row.criterion.max_points for row in rows), Decimal(0))
    assert Appraisal.objects.get(pk=appraisal.pk).self_total == expected


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publication_and_a_late_change_do_not_both_happen(org):
    appraisal = submitted(org.a.unit, officer=org.a.officer)
    surveyed(appraisal, org.admin)
    survey_row = scores_of(appraisal, "SURVEY").first()

    outcomes = run_together(
        lambda: appraisal_publish(actor=org.admin, appraisal=appraisal).status,
        lambda: (
            appraisal_set_survey_scores(
                actor=org.admin,
                appraisal=appraisal,
                entries=[{"criterion": survey_row.criterion_id, "score": Decimal(0)}],
            ).status
        ),
    )
    final = Appraisal.objects.get(pk=appraisal.pk)
    assert final.status == AppraisalStatus.PUBLISHED
    if "conflict" in outcomes:  # the change came after publication: refused, result untouched
        assert final.total == 100
    else:  # the change went first: publication counted it
        assert final.total == 100 - survey_row.criterion.max_points
