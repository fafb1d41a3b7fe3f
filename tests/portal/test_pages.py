"""Each page for each role: allowed, forbidden (403), and out of scope (404, as in the API)."""

import pytest
from django.urls import reverse

from jobs.models import Job
from notifications.services import notice_preferences
from tests.evaluations.factories import evaluation_of, generated

pytestmark = pytest.mark.django_db


def _person_pages(employee_id: int) -> list[str]:
    return [
        reverse("portal:person", args=[employee_id]),
        reverse("portal:person-training", args=[employee_id]),
        reverse("portal:person-evaluations", args=[employee_id]),
        reverse("portal:person-discipline", args=[employee_id]),
    ]


OWN_PAGES = ["portal:home", "portal:my-record", "portal:my-training", "portal:my-evaluations", "portal:my-discipline"]


@pytest.mark.parametrize("role", ["staff", "manager", "officer"])
def test_everyone_reads_their_own_pages(org, cycle, training_years, login, role):
    client = login(getattr(org.a, role))
    for name in [*OWN_PAGES, "portal:tasks", "portal:password-change"]:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert response["Content-Language"] == "vi"


def test_staff_see_only_themselves(org, staff_evaluation, login):
    client = login(org.a.staff)
    for url in _person_pages(org.a.staff.employee_id):
        assert client.get(url).status_code == 200, url
    for url in _person_pages(org.a.manager.employee_id):
        assert client.get(url).status_code == 404, url
    manager_evaluation = evaluation_of(staff_evaluation.cycle, org.a.manager.employee)
    assert client.get(reverse("portal:evaluation", args=[manager_evaluation.pk])).status_code == 404


def test_staff_may_not_open_unit_figures(org, login):
    client = login(org.a.staff)
    assert client.get(reverse("portal:unit")).status_code == 403


def test_another_agencys_staff_get_404_on_every_page_of_agency_a(org, staff_evaluation, login):
    client = login(org.b.staff)
    pk = staff_evaluation.pk
    urls = [
        *_person_pages(org.a.staff.employee_id),
        reverse("portal:evaluation", args=[pk]),
        reverse("portal:evaluation-pdf", args=[pk]),
        reverse("portal:cycle", args=[staff_evaluation.cycle_id]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Không tìm thấy" in response.content.decode()
    for name in ["portal:evaluation-act", "portal:evaluation-preview"]:
        url = reverse(name, args=[pk, "submit_self_assessment"])
        assert client.post(url, {}).status_code == 404, url


@pytest.mark.parametrize("role", ["manager", "officer"])
def test_supervisors_read_their_subtree_and_not_the_other_agency(org, staff_evaluation, login, role):
    client = login(getattr(org.a, role))
    for url in _person_pages(org.a.staff.employee_id):
        assert client.get(url).status_code == 200, url
    for url in _person_pages(org.b.staff.employee_id):
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("portal:evaluation", args=[staff_evaluation.pk])).status_code == 200
    assert client.get(reverse("portal:unit")).status_code == 200
    assert client.get(reverse("portal:unit") + f"?unit={org.b.unit.pk}").status_code == 403
    assert client.get(reverse("portal:cycles")).status_code == 200
    assert client.get(reverse("portal:cycle", args=[staff_evaluation.cycle_id])).status_code == 200
    b_cycle = generated(org.admin, org.b.unit)
    assert client.get(reverse("portal:cycle", args=[b_cycle.pk])).status_code == 404


def test_the_officer_prepares_the_forms_of_a_unit_as_a_job(
    org, staff_evaluation, login, django_capture_on_commit_callbacks
):
    client = login(org.a.officer)
    page = client.get(reverse("portal:cycle", args=[staff_evaluation.cycle_id])).content.decode()
    action = reverse("portal:forms-batch", args=[staff_evaluation.cycle_id])
    assert f'action="{action}"' in page and f'value="{org.a.room.pk}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action, {"unit": org.a.room.pk})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("portal:job", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Đã xong" in page and reverse("portal:job-download", args=[job.pk]) in page
    download = client.get(reverse("portal:job-download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert login(org.b.officer).get(reverse("portal:job", args=[job.pk])).status_code == 404
    assert login(org.a.staff).get(reverse("portal:job-download", args=[job.pk])).status_code == 404


def test_a_refused_forms_batch_is_a_message(org, staff_evaluation, login):
    client = login(org.a.manager)
    response = client.post(reverse("portal:forms-batch", args=[staff_evaluation.cycle_id]), {"unit": org.a.unit.pk})
    assert response.status_code == 302 and not Job.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "không thuộc phạm vi" in page


def test_notice_preferences_page(org, login):
    client = login(org.a.staff)
    page = client.get(reverse("portal:notices")).content.decode()
    assert "Thông báo qua thư" in page and "bắt buộc theo quy định" in page
    client.post(reverse("portal:notices"), {"evaluation_result": "on", "training_enrolled": "on"})
    listed = {item["kind"]: item["enabled"] for item in notice_preferences(org.a.staff)}
    assert listed == {
        "evaluation_result": True,
        "evaluation_step": False,
        "manager_digest": False,
        "training_certificate": False,
        "training_enrolled": True,
    }


def test_a_step_the_caller_may_not_take_is_a_message_not_an_error(org, staff_evaluation, login):
    client = login(org.a.manager)
    url = reverse("portal:evaluation-act", args=[staff_evaluation.pk, "submit_self_assessment"])
    response = client.post(url, {}, follow=True)
    assert response.status_code == 200
    assert "bạn không thực hiện được thao tác này" in response.content.decode()


def test_english_on_request(org, login):
    client = login(org.a.staff)
    client.post(reverse("portal:set-language"), {"language": "en", "next": "/"})
    assert "My record" in client.get(reverse("portal:home")).content.decode()
