"""The jobs API: only whoever started a job (and the province) sees it; progress, download, failure, expiry."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from backend.api.exceptions import Conflict
from jobs.models import Job, JobStatus
from jobs.registry import JobKind, job_kind_register
from jobs.services import job_results_expire, job_start, job_succeed
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _plan(job):
    return [[1, 2], [3]], 3


def _run_part(job, part):
    if job.params.get("fail"):
        raise Conflict("Kho lưu trữ đang bận.", code="storage_busy")
    return len(part)


def _finish(job):
    job_succeed(job=job, content=b"a,b\n1,2\n", name="ket-qua.csv", content_type="text/csv", summary={"rows": 3})


job_kind_register(JobKind(name="test_kind", label="Tác vụ thử", plan=_plan, run_part=_run_part, finish=_finish))


def _started(user, capture, **params) -> Job:
    with capture(execute=True):  # committed: the job runs (in-process without a broker)
        job = job_start(actor=user, kind="test_kind", params=params)
    job.refresh_from_db()
    return job


def test_the_starter_follows_and_downloads_the_job(org, as_user, django_capture_on_commit_callbacks):
    job = _started(org.a.officer, django_capture_on_commit_callbacks)
    client = as_user(org.a.officer)
    data = client.get(reverse("job-detail", args=[job.pk])).data
    assert data["status"] == "SUCCEEDED" and (data["done"], data["total"], data["progress"]) == (3, 3, 1.0)
    assert data["kind_label"] == "Tác vụ thử" and data["summary"] == {"rows": 3} and data["error"] is None
    assert data["expires_at"] is not None
    download = client.get(data["download_url"])
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"a,b\n1,2\n"
    assert 'filename="ket-qua.csv"' in download["Content-Disposition"]
    assert [j["id"] for j in client.get(reverse("job-list")).data["results"]] == [job.pk]


def test_another_user_gets_a_404_and_the_province_sees_every_job(org, as_user, django_capture_on_commit_callbacks):
    job = _started(org.a.officer, django_capture_on_commit_callbacks)
    for user in (org.b.officer, org.a.manager, org.a.staff):
        client = as_user(user)
        assert client.get(reverse("job-detail", args=[job.pk])).status_code == 404
        assert client.get(reverse("job-download", args=[job.pk])).status_code == 404
        assert client.get(reverse("job-list")).data["results"] == []
    assert as_user(org.admin).get(reverse("job-detail", args=[job.pk])).status_code == 200
    assert as_user(org.admin).get(reverse("job-detail", args=[job.pk + 999])).status_code == 404


def test_a_failing_part_fails_the_job_with_its_reason(org, as_user, django_capture_on_commit_callbacks):
    job = _started(org.a.officer, django_capture_on_commit_callbacks, fail=True)
    data = as_user(org.a.officer).get(reverse("job-detail", args=[job.pk])).data
    assert data["status"] == "FAILED" and data["download_url"] is None
    assert data["error"] == {"code": "storage_busy", "detail": "Kho lưu trữ đang bận."}
    refused(as_user(org.a.officer).get(reverse("job-download", args=[job.pk])), "job_not_finished")


def test_a_job_not_yet_run_is_queued(org, as_user):
    job = job_start(actor=org.a.officer, kind="test_kind", params={})  # not committed: no task ran
    data = as_user(org.a.officer).get(reverse("job-detail", args=[job.pk])).data
    assert (data["status"], data["progress"], data["download_url"]) == ("QUEUED", 0.0, None)
    refused(as_user(org.a.officer).get(reverse("job-download", args=[job.pk])), "job_not_finished")


def test_results_expire_and_the_row_stays(org, as_user):
    job = Job.objects.create(kind="test_kind", started_by=org.a.officer, status=JobStatus.SUCCEEDED, total=1, done=1)
    job.result.save(f"{job.pk}/x.csv", ContentFile(b"x"), save=False)
    job.expires_at = timezone.now() + datetime.timedelta(hours=1)
    job.save()
    assert job_results_expire() == 0
    assert job_results_expire(now=timezone.now() + datetime.timedelta(hours=2)) == 1
    job.refresh_from_db()
    assert job.result_expired and not job.result
    refused(as_user(org.a.officer).get(reverse("job-download", args=[job.pk])), "job_result_expired")
    assert as_user(org.a.officer).get(reverse("job-detail", args=[job.pk])).data["download_url"] is None
