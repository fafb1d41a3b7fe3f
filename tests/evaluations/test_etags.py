"""ETags and If-Match: two reviewers on one evaluation (or one record), the stale one gets 412 and writes nothing."""

import threading

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from evaluations.models import Evaluation
from hr.models import Employee
from tests.evaluations.conftest import body
from tests.evaluations.factories import evaluation_of, generated
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def _detail(evaluation) -> str:
    return reverse("evaluation-detail", args=[evaluation.pk])


def _transition(evaluation, name: str) -> str:
    return reverse("evaluation-transition", args=[evaluation.pk, name])


class EvaluationETagTests:
    def test_detail_answers_an_etag_that_changes_with_the_record(self, org, staff_eval, walk):
        evaluation = walk(staff_eval, "COMMENTED")
        manager = _client(org.a.manager)
        first = manager.get(_detail(evaluation))
        assert first.status_code == 200 and first["ETag"].startswith('"') and len(first["ETag"]) == 66
        assert manager.get(_detail(evaluation))["ETag"] == first["ETag"]
        edited = manager.patch(
            _detail(evaluation), {"manager_comment": "Đã xem."}, HTTP_IF_MATCH=first["ETag"], format="json"
        )
        assert edited.status_code == 200, edited.data
        assert edited["ETag"] != first["ETag"]
        assert manager.get(_detail(evaluation))["ETag"] == edited["ETag"]

    def test_the_second_reviewer_with_a_stale_etag_gets_412_and_nothing_is_written(self, org, staff_eval, walk):
        evaluation = walk(staff_eval, "COMMENTED")
        first, second = _client(org.a.manager), _client(org.a.manager)
        etag = first.get(_detail(evaluation))["ETag"]
        assert second.get(_detail(evaluation))["ETag"] == etag
        saved = first.patch(_detail(evaluation), {"manager_comment": "Nhận xét thứ nhất."}, HTTP_IF_MATCH=etag)
        assert saved.status_code == 200, saved.data
        with unchanged(Evaluation.objects.filter(pk=evaluation.pk)):
            stale = second.patch(_detail(evaluation), {"manager_comment": "Nhận xét thứ hai."}, HTTP_IF_MATCH=etag)
            message = refused(stale, "precondition_failed")
            stale_step = second.post(
                _transition(evaluation, "review"), body("review", evaluation), HTTP_IF_MATCH=etag, format="json"
            )
            refused(stale_step, "precondition_failed")
        assert "tải lại" in message  # Vietnamese by default
        evaluation.refresh_from_db()
        assert evaluation.manager_comment == "Nhận xét thứ nhất." and evaluation.status == "COMMENTED"

    def test_a_transition_with_the_current_etag_goes_through(self, org, staff_eval, walk):
        evaluation = walk(staff_eval, "COMMENTED")
        manager = _client(org.a.manager)
        etag = manager.get(_detail(evaluation))["ETag"]
        step = manager.post(_transition(evaluation, "review"), body("review", evaluation), HTTP_IF_MATCH=etag)
        assert step.status_code == 200, step.data
        assert step.data["status"] == "REVIEWED" and step["ETag"] != etag

    def test_if_match_star_and_a_list_of_tags(self, org, staff_eval, walk):
        evaluation = walk(staff_eval, "COMMENTED")
        manager = _client(org.a.manager)
        etag = manager.get(_detail(evaluation))["ETag"]
        star = manager.patch(_detail(evaluation), {"manager_comment": "Một."}, HTTP_IF_MATCH="*")
        assert star.status_code == 200
        listed = manager.patch(_detail(evaluation), {"manager_comment": "Hai."}, HTTP_IF_MATCH=f'"old", {star["ETag"]}')
        assert listed.status_code == 200
        weak = manager.patch(_detail(evaluation), {"manager_comment": "Ba."}, HTTP_IF_MATCH=f"W/{listed['ETag']}")
        refused(weak, "precondition_failed")
        refused(
            manager.patch(_detail(evaluation), {"manager_comment": "Bốn."}, HTTP_IF_MATCH=etag), "precondition_failed"
        )

    def test_without_if_match_the_write_goes_through(self, org, staff_eval, walk):
        evaluation = walk(staff_eval, "COMMENTED")
        response = _client(org.a.manager).patch(_detail(evaluation), {"manager_comment": "Không kèm ETag."})
        assert response.status_code == 200 and response["ETag"]

    def test_pdf_etag_is_its_sha256(self, org, staff_eval, walk):
        evaluation = walk(staff_eval, "SELF_ASSESSED")
        response = _client(org.a.officer).get(reverse("evaluation-pdf", args=[evaluation.pk]))
        assert response.status_code == 200
        assert response["ETag"] == f'"{response["X-Content-SHA256"]}"'


class EmployeeETagTests:
    def test_stale_etag_on_an_employee_is_412_and_nothing_is_written(self, org):
        employee = org.a.staff.employee
        url = reverse("employee-detail", args=[employee.pk])
        first, second = _client(org.a.officer), _client(org.a.officer)
        etag = first.get(url)["ETag"]
        saved = first.patch(url, {"email": "mot@snv.gov.vn"}, HTTP_IF_MATCH=etag)
        assert saved.status_code == 200, saved.data
        assert saved["ETag"] != etag and first.get(url)["ETag"] == saved["ETag"]
        with unchanged(Employee.objects.filter(pk=employee.pk)):
            refused(second.patch(url, {"email": "hai@snv.gov.vn"}, HTTP_IF_MATCH=etag), "precondition_failed")
        employee.refresh_from_db()
        assert employee.email == "mot@snv.gov.vn"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the rule sets are migration data
def test_two_reviewers_at_once_with_one_etag_one_wins_the_other_gets_412(org):
    cycle = generated(org.admin, org.a.unit)
    evaluation = evaluation_of(cycle, org.a.staff.employee)
    for name, who in (("submit_self_assessment", org.a.staff), ("record_minutes", org.a.officer)):
        _client(who).post(_transition(evaluation, name), body(name, evaluation), format="json")
    etag = _client(org.a.manager).get(_detail(evaluation))["ETag"]
    barrier = threading.Barrier(2)
    statuses: list[int] = []
    lock = threading.Lock()

    def review(comment: str):
        try:
            client = _client(org.a.manager)
            barrier.wait()
            response = client.patch(_detail(evaluation), {"manager_comment": comment}, HTTP_IF_MATCH=etag)
        finally:
            connection.close()
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=review, args=(f"Nhận xét {n}.",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 412]
    assert Evaluation.objects.get(pk=evaluation.pk).manager_comment in ("Nhận xét 1.", "Nhận xét 2.")
