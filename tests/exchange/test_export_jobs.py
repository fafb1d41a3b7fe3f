"""An export of more rows than EXCHANGE_EXPORT_JOB_ROWS runs as a job: 202, progress, and the download's very file."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from exchange.services import export_jobs
from hr.models import Employee
from jobs.models import Job, JobStatus
from tests.factories import OrgUnitFactory
from tests.reform.factories import published_at
from tests.refusals import refused
from tests.training.factories import trained

pytestmark = pytest.mark.django_db
EMPLOYEES = "/api/v1/exports/employees/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _direct(client, settings, url, params):
    """The export as a download, whatever its size."""
    settings.EXCHANGE_EXPORT_JOB_ROWS = 10**9
    response = client.get(url, params)
    assert response.status_code == 200, getattr(response, "data", None)
    return response


def _as_job(client, settings, capture, url, params):
    """The export as a job (every export of a row or more): the 202, then the finished job's detail."""
    settings.EXCHANGE_EXPORT_JOB_ROWS = 0
    with capture(execute=True):  # committed: the job runs (in-process without a broker)
        response = client.get(url, params)
    assert response.status_code == 202, getattr(response, "data", None)
    assert response["Content-Type"] == "application/json"
    assert response.data["kind"] == "records_export" and response.data["status"] == "QUEUED"
    assert response["Location"] == reverse("job-detail", args=[response.data["id"]])
    return response, client.get(response["Location"]).data


def _file(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _sheet(content: bytes) -> dict:
    """What a reader of the workbook sees: every cell's value, type and format, widths, frozen header, filter."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return {
        "title": sheet.title,
        "cells": [[(c.value, c.data_type, c.number_format, c.font.b) for c in row] for row in sheet.iter_rows()],
        "widths": {key: dim.width for key, dim in sheet.column_dimensions.items()},
        "freeze": sheet.freeze_panes,
        "filter": sheet.auto_filter.ref,
    }


def _same_file(direct, download, export_format: str) -> None:
    """The job's file says exactly what the download says (XLSX bytes differ only by the workbook's timestamps)."""
    assert download.status_code == 200
    assert download["Content-Disposition"] == direct["Content-Disposition"]
    assert download["Content-Type"] == direct["Content-Type"]
    if export_format == "csv":
        assert _file(download) == direct.content
    else:
        assert _sheet(_file(download)) == _sheet(direct.content)


def test_at_the_threshold_the_export_downloads_and_one_row_more_is_a_job(
    org, as_user, settings, django_capture_on_commit_callbacks
):
    client = as_user(org.admin)
    rows = Employee.objects.count()
    settings.EXCHANGE_EXPORT_JOB_ROWS = rows
    response = client.get(EMPLOYEES)
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert not Job.objects.exists()
    settings.EXCHANGE_EXPORT_JOB_ROWS = rows - 1
    with django_capture_on_commit_callbacks(execute=False):
        response = client.get(EMPLOYEES)
    assert response.status_code == 202 and response.data["total"] == 0  # counted when the worker plans it
    assert Job.objects.get().params["rows"] == rows


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
@pytest.mark.parametrize(
    ("who", "params"),
    [
        ("admin", {"ordering": "-full_name"}),
        ("admin", {"unit": "a.room", "search": "Chuyên viên"}),
        ("a.officer", {}),
        ("a.manager", {"ordering": "-recruitment_date"}),
        ("a.staff", {}),
        ("b.officer", {"ordering": "date_of_birth"}),
    ],
)
def test_each_role_gets_the_file_its_download_would_be(
    org, as_user, settings, django_capture_on_commit_callbacks, who, params, export_format
):
    user = org.admin if who == "admin" else getattr(getattr(org, who[0]), who[2:])
    if params.get("unit") == "a.room":
        params = {**params, "unit": org.a.room.pk}
    url = EMPLOYEES + ("csv/" if export_format == "csv" else "")
    client = as_user(user)
    direct = _direct(client, settings, url, params)
    _, job = _as_job(client, settings, django_capture_on_commit_callbacks, url, params)
    rows = len(_sheet(direct.content)["cells"]) - 1 if export_format == "xlsx" else direct.content.count(b"\r\n") - 1
    assert job["status"] == "SUCCEEDED", job
    assert (job["done"], job["total"], job["progress"], job["summary"]) == (rows, rows, 1.0, {"rows": rows})
    assert job["result_name"].startswith("can-bo-") and job["result_name"].endswith(f".{export_format}")
    _same_file(direct, client.get(job["download_url"]), export_format)


def test_another_users_export_job_is_a_404(org, as_user, settings, django_capture_on_commit_callbacks):
    response, job = _as_job(as_user(org.a.officer), settings, django_capture_on_commit_callbacks, EMPLOYEES, {})
    download = reverse("job-download", args=[job["id"]])
    for user in (org.b.officer, org.a.manager, org.a.staff, org.b.staff):
        client = as_user(user)
        refused(client.get(response["Location"]), "not_found", status=404)
        refused(client.get(download), "not_found", status=404)
    assert as_user(org.admin).get(download).status_code == 200  # the province sees every job


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_report_exports_as_jobs_hold_their_downloads(
    org, as_user, settings, decisions, django_capture_on_commit_callbacks, export_format
):
    trained(org.a.officer, org.a.staff.employee, end=datetime.date(2025, 5, 9), periods=40)
    for name, pct in (("Sở Tài chính", "92.50"), ("Sở Xây dựng", "88.00")):
        published_at(OrgUnitFactory(kind="SO", parent=org.province, name=name), pct)
    published_at(org.a.unit, "92.50")
    suffix = "csv/" if export_format == "csv" else ""
    for user, url, params in [
        (org.a.officer, "/api/v1/exports/training-compliance/", {"year": 2025, "ordering": "-credited"}),
        (org.admin, "/api/v1/exports/training-compliance/", {"year": 2025, "compliant": "true"}),
        (org.admin, "/api/v1/exports/discipline-summary/", {"form": "CANH_CAO"}),
        (org.a.staff, "/api/v1/exports/discipline-summary/", {}),
        (org.b.officer, "/api/v1/exports/commendation-summary/", {}),
        (org.admin, "/api/v1/exports/commendation-summary/", {"ordering": "-amount"}),
        (org.admin, "/api/v1/exports/reform-ranking/", {"year": 2026, "level": "SO"}),
    ]:
        client = as_user(user)
        direct = _direct(client, settings, url + suffix, params)
        _, job = _as_job(client, settings, django_capture_on_commit_callbacks, url + suffix, params)
        assert job["status"] == "SUCCEEDED", (url, job)
        _same_file(direct, client.get(job["download_url"]), export_format)


def test_the_rating_report_of_one_row_per_unit_is_never_a_job(org, as_user, settings):
    settings.EXCHANGE_EXPORT_JOB_ROWS = 0
    response = as_user(org.admin).get("/api/v1/exports/rating-distribution/", {"year": 2026})
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert not Job.objects.exists()


def test_progress_is_reported_as_rows_are_written(
    org, as_user, settings, monkeypatch, django_capture_on_commit_callbacks
):
    reports = []
    monkeypatch.setattr(export_jobs, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(export_jobs, "job_progress_report", lambda pk, done, total: reports.append((done, total)))
    _, job = _as_job(as_user(org.admin), settings, django_capture_on_commit_callbacks, EMPLOYEES + "csv/", {})
    rows = Employee.objects.count()
    assert reports == [(done, rows) for done in range(2, rows + 1, 2)]
    assert (job["status"], job["done"], job["total"]) == ("SUCCEEDED", rows, rows)


def test_a_bad_filter_is_refused_before_any_job(org, as_user, settings):
    settings.EXCHANGE_EXPORT_JOB_ROWS = 0
    client = as_user(org.admin)
    assert client.get(EMPLOYEES, {"status": "NOPE"}).status_code == 400
    refused(client.get(EMPLOYEES, {"format": "csv"}), "unknown_format", field="format")
    assert client.get("/api/v1/exports/reform-ranking/", {"year": 2026}).status_code == 400
    assert not Job.objects.exists()


def test_a_job_whose_starter_was_deactivated_fails_with_its_code_and_no_file(
    org, as_user, settings, django_capture_on_commit_callbacks
):
    settings.EXCHANGE_EXPORT_JOB_ROWS = 0
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = as_user(org.a.officer).get(EMPLOYEES)
    assert response.status_code == 202
    org.a.officer.is_active = False
    org.a.officer.save(update_fields=["is_active"])
    with django_capture_on_commit_callbacks(execute=True):  # the worker runs as the starter, with today's rights
        for run in queued:
            run()
    job = Job.objects.get(pk=response.data["id"])
    assert (job.status, job.error_code, bool(job.result)) == (JobStatus.FAILED, "job_starter_inactive", False)
    data = as_user(org.admin).get(response["Location"]).data
    assert data["error"] == {
        "code": "job_starter_inactive",
        "detail": "Tài khoản khởi chạy tác vụ này không còn hoạt động.",
    }
    assert data["download_url"] is None
    refused(as_user(org.admin).get(reverse("job-download", args=[job.pk])), "job_not_finished")


def test_a_worker_running_the_part_again_replaces_its_file(org, as_user, settings, django_capture_on_commit_callbacks):
    """A part redelivered after a lost worker writes its file again instead of adding a second one."""
    _, data = _as_job(as_user(org.a.officer), settings, django_capture_on_commit_callbacks, EMPLOYEES + "csv/", {})
    job = Job.objects.get(pk=data["id"])
    first = job.result.read()
    assert export_jobs._run_part(job, 0) == data["total"]
    export_jobs._finish(job)
    job.refresh_from_db()
    assert job.result.open("rb").read() == first
