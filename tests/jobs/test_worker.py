"""Jobs and notices through a real Celery worker and the local Redis, as in production."""

import io
import time
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from evaluations.models import Evaluation
from evaluations.services.workflow import evaluation_transition
from jobs.models import Job
from notifications.models import Notice
from tests.evaluations.factories import evaluation_of, generated, ready_for_decision, to_proposed

# On PostgreSQL only: the worker thread and the test share SQLite's in-memory database through its shared
# cache, whose table locks fail at once instead of waiting, so on SQLite these tests measured the lock, not us.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _wait(predicate, timeout: float = 180.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    states = list(Notice.objects.values_list("event_key", "email", "sent_at", "attempts"))
    hashes = list(Evaluation.objects.values_list("pk", "status", "pdf_sha256"))
    raise AssertionError(f"the worker did not finish in time: {states} {hashes} {len(mail.outbox)}")


def test_a_forms_batch_runs_on_the_worker_end_to_end(org, as_user, settings, celery_worker):
    settings.FORMS_BATCH_CHUNK = 2  # 3 forms: two parts, taken by the worker's two threads
    cycle = generated(org.admin, org.a.unit)
    client = as_user(org.a.officer)
    response = client.post(
        reverse("evaluation-cycle-forms-zip", args=[cycle.pk]), {"unit": org.a.unit.pk}, content_type="application/json"
    )
    assert response.status_code == 202 and response.data["status"] == "QUEUED"
    url = response["Location"]
    data = _wait(lambda: (d := client.get(url).data)["status"] in ("SUCCEEDED", "FAILED") and d)
    assert data["status"] == "SUCCEEDED", data
    assert (data["done"], data["total"]) == (3, 3)
    assert Job.objects.get(pk=data["id"]).parts_done in ([0, 1], [1, 0])
    download = client.get(data["download_url"])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert len(archive.namelist()) == 3 and all(archive.read(n).startswith(b"%PDF") for n in archive.namelist())
    assert as_user(org.b.officer).get(url).status_code == 404


def test_the_worker_issues_the_decided_form_and_tells_each_step_once(org, celery_worker):
    evaluation = evaluation_of(generated(org.admin, org.a.unit), org.a.staff.employee)
    to_proposed(evaluation, self_user=org.a.staff, reviewer=org.a.manager, officer=org.a.officer)
    evaluation = Evaluation.objects.get(pk=evaluation.pk)
    ready_for_decision(evaluation, total="85", proposed="HTTNV")
    evaluation_transition(actor=org.admin, evaluation=evaluation, name="decide", data={"decision_number": "9/QĐ"})
    # The decision committed with its form being issued; the worker renders it and stores the hash.
    issued = _wait(lambda: Evaluation.objects.filter(pk=evaluation.pk).exclude(pdf_sha256="").first())
    assert len(issued.pdf_sha256) == 64 and issued.pdf_version == issued.version
    _wait(lambda: Notice.objects.filter(kind="evaluation_result", sent_at__isnull=False).exists())
    _wait(lambda: not Notice.objects.filter(sent_at=None).exists())
    # One mail per (step, address): five steps told, each written once and sent once.
    assert len(mail.outbox) == Notice.objects.count() > 5, (
        len(mail.outbox),
        list(Notice.objects.values_list("event_key", "email", "sent_at")),
    )
    assert len({(n.event_key, n.email) for n in Notice.objects.all()}) == Notice.objects.count()
    result = next(m for m in mail.outbox if m.to == [org.a.staff.email] and "Hoàn thành tốt nhiệm vụ" in m.body)
    assert "9/QĐ" not in result.subject


def test_a_large_export_runs_on_the_worker_as_its_starter(org, as_user, settings, celery_worker):
    client = as_user(org.a.officer)
    direct = client.get("/api/v1/exports/employees/csv/", {"ordering": "-full_name"})
    assert direct.status_code == 200
    settings.EXCHANGE_EXPORT_JOB_ROWS = 1
    response = client.get("/api/v1/exports/employees/csv/", {"ordering": "-full_name"})
    assert response.status_code == 202 and response.data["status"] == "QUEUED"
    url = response["Location"]
    data = _wait(lambda: (d := client.get(url).data)["status"] in ("SUCCEEDED", "FAILED") and d)
    assert data["status"] == "SUCCEEDED", data
    rows = direct.content.count(b"\r\n") - 1
    assert (data["done"], data["total"]) == (rows, rows) and rows > 1
    download = client.get(data["download_url"])
    assert b"".join(download.streaming_content) == direct.content  # the officer's scope, the same bytes
    assert as_user(org.b.officer).get(url).status_code == 404
