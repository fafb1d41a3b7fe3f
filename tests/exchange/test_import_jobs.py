"""A file above EXCHANGE_JOB_THRESHOLD_BYTES is imported as a job: 202, then the same result in the job."""

import pytest

from hr.models import Employee
from tests.exchange.conftest import csv_bytes, person
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_threshold(settings):
    settings.EXCHANGE_JOB_THRESHOLD_BYTES = 100


def _job(api_client, response):
    assert response.status_code == 202, response.data
    return api_client.get(response["Location"]).data


def test_a_large_file_is_imported_by_a_job_with_the_same_rules(
    org, as_user, post_import, small_threshold, django_capture_on_commit_callbacks
):
    rows = [person(org.a.room.code, n) for n in range(1, 21)]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_import(org.a.officer, csv_bytes(rows))
    job = _job(as_user(org.a.officer), response)
    assert job["status"] == "SUCCEEDED" and job["kind"] == "records_import"
    assert job["summary"]["created"] == 20 and job["summary"]["errors"] == []
    assert Employee.objects.filter(national_id__startswith="011191").count() == 20
    assert as_user(org.b.officer).get(response["Location"]).status_code == 404


def test_a_bad_row_in_a_job_writes_nothing_and_is_reported(
    org, as_user, post_import, small_threshold, django_capture_on_commit_callbacks
):
    rows = [person(org.a.room.code, n) for n in range(1, 21)]
    rows[-1]["Ngày tuyển dụng"] = "hôm qua"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_import(org.a.officer, csv_bytes(rows))
    job = _job(as_user(org.a.officer), response)
    assert job["status"] == "SUCCEEDED"  # the job ran; the file was refused, whole
    assert job["summary"]["created"] == 0
    assert job["summary"]["errors"] == [
        {"row": 21, "column": "Ngày tuyển dụng", "message": "Nhập ngày theo dạng DD/MM/YYYY hoặc YYYY-MM-DD."}
    ]
    assert not Employee.objects.filter(national_id__startswith="011191").exists()


def test_the_job_is_refused_to_whoever_may_not_import(org, post_import, small_threshold):
    content = csv_bytes([person(org.a.room.code, 1)] * 3)
    refused(post_import(org.a.manager, content), "permission_denied", status=403)
    refused(post_import(org.a.staff, content), "permission_denied", status=403)
