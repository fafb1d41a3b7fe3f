"""The evaluation form over HTTP: one PDF (verified against the decision's SHA-256) and a unit's ZIP."""

import hashlib
import io
import unicodedata
import zipfile

import pypdf
import pytest
from django.urls import reverse

from evaluations.models import Evaluation
from hr.models import Employee
from jobs.models import Job
from tests.evaluations.factories import decide, evaluation_of, generated, ready_for_decision
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _pdf(client, evaluation):
    return client.get(reverse("evaluation-pdf", args=[evaluation.pk]))


@pytest.fixture
def decided(org, cycle, staff_eval, django_capture_on_commit_callbacks):
    Employee.objects.filter(pk=org.a.staff.employee_id).update(full_name="Lò Thị Hương")
    staff_eval.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):  # the decision commits; its form is issued
        decide(ready_for_decision(staff_eval, total="85"), actor=org.a.officer)
    return Evaluation.objects.get(pk=staff_eval.pk)


class PdfTests:
    def test_decided_form_is_verified_and_readable(self, org, as_user, decided):
        response = _pdf(as_user(org.a.staff), decided)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert response["X-Content-SHA256"] == hashlib.sha256(content).hexdigest() == decided.pdf_sha256
        assert response["X-Form-Verified"] == "true"
        text = _text(content)
        assert "Lò Thị Hương" in text
        assert "PHIẾU XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC" in text
        assert "Sở Nội vụ".upper() in text.upper()

    def test_form_is_frozen_at_the_decision(self, org, as_user, decided):
        Employee.objects.filter(pk=org.a.staff.employee_id).update(full_name="Lò Thị Hương Giang")
        response = _pdf(as_user(org.a.officer), decided)
        assert response["X-Form-Verified"] == "true"
        assert "Giang" not in _text(response.content)

    def test_place_name_is_printed_and_frozen(self, org, as_user, decided, settings):
        assert decided.snapshot["place_name"] == "Sơn La"
        settings.FORM_PLACE_NAME = "Điện Biên"
        text = _text(_pdf(as_user(org.a.officer), decided).content)
        assert "Sơn La, ngày" in text
        assert "Điện Biên" not in text

    def test_open_evaluation_renders_without_verification(self, org, as_user, staff_eval):
        response = _pdf(as_user(org.a.staff), staff_eval)
        assert response.status_code == 200
        assert "X-Form-Verified" not in response
        assert org.a.staff.employee.full_name in _text(response.content)

    def test_old_regime_form(self, org, as_user):
        cycle = generated(org.admin, org.a.unit, year=2025)
        response = _pdf(as_user(org.a.officer), evaluation_of(cycle, org.a.staff.employee))
        assert "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC" in _text(response.content)

    def test_scope(self, org, as_user, staff_eval):
        assert _pdf(as_user(org.a.manager), staff_eval).status_code == 200
        assert _pdf(as_user(org.admin), staff_eval).status_code == 200
        for user in (org.b.officer, org.b.manager, org.b.staff):
            assert _pdf(as_user(user), staff_eval).status_code == 404
        other = evaluation_of(staff_eval.cycle, org.a.officer.employee)
        assert _pdf(as_user(org.a.staff), other).status_code == 404


class ZipTests:
    """The forms of a unit: POST starts a job (202), the job's download gives the ZIP once it is done."""

    def _zip(self, client, cycle, unit, capture=None):
        url = reverse("evaluation-cycle-forms-zip", args=[cycle.pk])
        return client.post(url, {"unit": unit.pk} if unit else {}, content_type="application/json")

    def _zip_done(self, client, cycle, unit, capture):
        with capture(execute=True):  # the request commits; the job runs (in-process without a broker)
            response = self._zip(client, cycle, unit)
        assert response.status_code == 202
        assert response["Location"] == f"/api/v1/jobs/{response.data['id']}/"
        job = client.get(response["Location"])
        assert job.status_code == 200 and job.data["status"] == "SUCCEEDED", job.data
        assert job.data["done"] == job.data["total"] and job.data["progress"] == 1.0
        download = client.get(job.data["download_url"])
        assert download.status_code == 200 and download["Content-Type"] == "application/zip"
        return zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))

    def test_officer_downloads_the_agency(self, org, as_user, cycle, django_capture_on_commit_callbacks):
        archive = self._zip_done(as_user(org.a.officer), cycle, org.a.unit, django_capture_on_commit_callbacks)
        names = archive.namelist()
        assert len(names) == 3 and all(n.endswith(".pdf") for n in names)
        assert all(archive.read(name).startswith(b"%PDF") for name in names)

    def test_parts_are_joined_in_order(self, org, as_user, cycle, settings, django_capture_on_commit_callbacks):
        settings.FORMS_BATCH_CHUNK = 1  # one form per part: three parts, joined into one ZIP
        client = as_user(org.a.officer)
        archive = self._zip_done(client, cycle, org.a.unit, django_capture_on_commit_callbacks)
        expected = [
            f"{e.employee.full_name} - {e.employee_id} - v{e.version}.pdf"
            for e in Evaluation.objects.filter(cycle=cycle).order_by("unit__path", "employee__full_name", "pk")
        ]
        assert archive.namelist() == expected

    def test_manager_downloads_their_room_only(self, org, as_user, cycle, django_capture_on_commit_callbacks):
        client = as_user(org.a.manager)
        archive = self._zip_done(client, cycle, org.a.room, django_capture_on_commit_callbacks)
        assert len(archive.namelist()) == 2
        refused(self._zip(client, cycle, org.a.unit), "out_of_scope")

    def test_roles_and_input(self, org, as_user, cycle):
        refused(self._zip(as_user(org.a.staff), cycle, org.a.room), "permission_denied", status=403)
        assert self._zip(as_user(org.b.officer), cycle, org.a.unit).status_code == 404
        refused(self._zip(as_user(org.a.officer), cycle, None), "required", field="unit")
        response = as_user(org.a.officer).post(
            reverse("evaluation-cycle-forms-zip", args=[cycle.pk]), {"unit": "x"}, content_type="application/json"
        )
        refused(response, "incorrect_type", field="unit", status=400)
        assert not Job.objects.exists()
