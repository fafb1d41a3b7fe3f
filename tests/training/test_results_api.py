"""Session days, attendance, results with credited periods, certificates and their public verification."""

import datetime
import json

import pytest

from tests.refusals import refusal, refused, unchanged
from tests.training.factories import (
    ProgrammeFactory,
    attend,
    enrol,
    finish,
    open_class,
    sessions,
    start,
)
from training.models import Attendance, Certificate, ClassSession, ClassStatus, Enrolment
from training.services.results import ResultInput, results_record

pytestmark = pytest.mark.django_db
URL = "/api/v1/training/classes/{}/{}/"
MON = datetime.date(2025, 3, 3)


def url(training_class, action):
    return URL.format(training_class.pk, action)


@pytest.fixture
def running(org):
    """A 40-period class with two people, five session days of 8 periods, in progress."""
    training_class = open_class(org, programme=ProgrammeFactory(periods=40))
    enrolments = enrol(org.admin, training_class, org.a.staff.employee, org.a.manager.employee)
    days = sessions(org.admin, training_class, *[(MON + datetime.timedelta(days=i), 8) for i in range(5)])
    start(org.admin, training_class)
    return training_class, enrolments, days


class SessionTests:
    def test_officer_adds_days_within_dates_and_periods(self, as_user, org):
        training_class = open_class(org, programme=ProgrammeFactory(periods=16))
        client = as_user(org.a.officer)
        assert client.post(url(training_class, "sessions"), {"date": "2025-03-03", "periods": 8}).status_code == 201
        for body, field, code in [
            ({"date": "2025-03-03", "periods": 8}, "date", "session_exists"),
            ({"date": "2025-03-08", "periods": 8}, "date", "date_outside_class"),  # after the class ends
            ({"date": "2025-03-04", "periods": 9}, "periods", "periods_exceeded"),  # beyond the programme's 16
            ({"date": "2025-03-04", "periods": 0}, "periods", "min_value"),
            ({"date": "hôm nay", "periods": 4}, "date", "invalid"),
        ]:
            with unchanged(ClassSession.objects.all()):
                response = client.post(url(training_class, "sessions"), body, format="json")
            refused(response, code, field=field, status=400)
        rows = as_user(org.b.staff).get(url(training_class, "sessions")).json()["results"]
        assert [r["date"] for r in rows] == ["2025-03-03"]

    def test_roles(self, as_user, org):
        training_class = open_class(org)
        body = {"date": "2025-03-03", "periods": 8}
        with unchanged(ClassSession.objects.all()):
            refused(as_user(org.b.officer).post(url(training_class, "sessions"), body), "out_of_scope")
            response = as_user(org.a.manager).post(url(training_class, "sessions"), body)
            refused(response, "permission_denied", status=403)

    def test_no_sessions_on_a_completed_class(self, as_user, org):
        training_class = open_class(org, status=ClassStatus.COMPLETED)
        with unchanged(ClassSession.objects.all()):
            response = as_user(org.admin).post(url(training_class, "sessions"), {"date": "2025-03-03", "periods": 8})
        refused(response, "sessions_closed")


class AttendanceAndResultTests:
    def test_partial_attendance_credits_attended_periods(self, as_user, org, running):
        training_class, (staff, manager), days = running
        client = as_user(org.a.officer)
        for day in days[:3]:
            body = {"session": day.pk, "records": [{"enrolment": staff.pk, "present": True}]}
            assert client.post(url(training_class, "attendance"), body, format="json").status_code == 200
        for day in days:
            attend(org.admin, training_class, day, {manager: True})
        results = [{"enrolment": staff.pk, "result": "PASSED"}, {"enrolment": manager.pk, "result": "PASSED"}]
        response = client.post(url(training_class, "results"), {"results": results}, format="json")
        assert response.status_code == 200, response.data
        credited = {row["id"]: row["periods_credited"] for row in response.json()}
        assert credited == {staff.pk: 24, manager.pk: 40}

    def test_attendance_is_corrected_by_repeating(self, as_user, org, running):
        training_class, (staff, _manager), days = running
        attend(org.admin, training_class, days[0], {staff: True})
        attend(org.admin, training_class, days[0], {staff: False})
        assert staff.attendances.get().present is False

    def test_failed_and_absent_credit_nothing(self, as_user, org, running):
        training_class, (staff, manager), days = running
        attend(org.admin, training_class, days[0], {staff: True, manager: True})
        results = [{"enrolment": staff.pk, "result": "FAILED"}, {"enrolment": manager.pk, "result": "ABSENT"}]
        response = as_user(org.admin).post(url(training_class, "results"), {"results": results}, format="json")
        assert {row["periods_credited"] for row in response.json()} == {0}

    def test_explicit_periods_are_bounded(self, as_user, org, running):
        training_class, (staff, _manager), _days = running
        client = as_user(org.admin)
        too_many = {"results": [{"enrolment": staff.pk, "result": "PASSED", "periods_credited": 41}]}
        on_fail = {"results": [{"enrolment": staff.pk, "result": "FAILED", "periods_credited": 8}]}
        with unchanged(Enrolment.objects.all()):
            response = client.post(url(training_class, "results"), too_many, format="json")
            refused(response, "periods_exceeded", field="results")
            response = client.post(url(training_class, "results"), on_fail, format="json")
            refused(response, "credit_without_pass", field="results")
        ok = {"results": [{"enrolment": staff.pk, "result": "PASSED", "periods_credited": 32}]}
        assert client.post(url(training_class, "results"), ok, format="json").json()[0]["periods_credited"] == 32

    def test_class_without_attendance_credits_the_programme(self, as_user, org):
        training_class = open_class(org, programme=ProgrammeFactory(periods=24))
        (enrolment,) = enrol(org.admin, training_class, org.a.staff.employee)
        start(org.admin, training_class)
        body = {"results": [{"enrolment": enrolment.pk, "result": "PASSED"}]}
        assert (
            as_user(org.admin).post(url(training_class, "results"), body, format="json").json()[0]["periods_credited"]
            == 24
        )

    @pytest.mark.parametrize(
        ("body", "code"),
        [
            ({"results": []}, "empty"),
            ({"results": [{"enrolment": 999999, "result": "PASSED"}]}, "does_not_exist"),
            ({"results": [{"enrolment": "{e}", "result": "PENDING"}]}, "invalid_choice"),  # see below
            ({"results": [{"enrolment": "{e}", "result": "GOOD"}]}, "invalid_choice"),
            ({"results": [{"enrolment": "{e}", "result": "PASSED", "periods_credited": -1}]}, "min_value"),
            (
                {"results": [{"enrolment": "{e}", "result": "PASSED"}, {"enrolment": "{e}", "result": "FAILED"}]},
                "duplicate_entry",
            ),
            ({}, "required"),
        ],
    )
    def test_bad_result_input(self, as_user, org, running, body, code):
        training_class, (staff, _manager), _days = running
        raw = str(body).replace("'{e}'", str(staff.pk)).replace("'", '"')
        with unchanged(Enrolment.objects.all()):
            response = as_user(org.admin).post(url(training_class, "results"), json.loads(raw), format="json")
        refused(response, code, field="results", status=400)

    def test_the_service_refuses_a_pending_result(self, org, running):
        """The input serializer offers no PENDING; the service refuses it for other callers too."""
        training_class, (staff, _manager), _days = running
        with unchanged(Enrolment.objects.all()), refusal("result_required", field="results"):
            results_record(actor=org.admin, training_class=training_class, results=[ResultInput(staff, "PENDING")])

    def test_enrolment_of_another_class_is_refused(self, as_user, org, running):
        training_class, _enrolments, days = running
        other = open_class(org)
        (stranger,) = enrol(org.admin, other, org.a.officer.employee)
        client = as_user(org.admin)
        body = {"results": [{"enrolment": stranger.pk, "result": "PASSED"}]}
        with unchanged(Enrolment.objects.all(), Attendance.objects.all()):
            response = client.post(url(training_class, "results"), body, format="json")
            refused(response, "enrolment_not_in_class", field="results")
            body = {"session": days[0].pk, "records": [{"enrolment": stranger.pk, "present": True}]}
            response = client.post(url(training_class, "attendance"), body, format="json")
            refused(response, "enrolment_not_in_class", field="records")

    @pytest.mark.parametrize(
        ("body", "field", "code"),
        [
            ({}, "session", "required"),
            ({"session": 999999, "records": [{"enrolment": 1, "present": True}]}, "session", "does_not_exist"),
            ({"session": "{s}", "records": []}, "records", "empty"),
        ],
    )
    def test_bad_attendance_input(self, as_user, org, running, body, field, code):
        training_class, _enrolments, days = running
        body = {k: (days[0].pk if v == "{s}" else v) for k, v in body.items()}
        with unchanged(Attendance.objects.all()):
            response = as_user(org.admin).post(url(training_class, "attendance"), body, format="json")
        refused(response, code, field=field, status=400)

    def test_results_only_while_in_progress(self, as_user, org):
        training_class = open_class(org)
        (enrolment,) = enrol(org.admin, training_class, org.a.staff.employee)
        body = {"results": [{"enrolment": enrolment.pk, "result": "PASSED"}]}
        with unchanged(Enrolment.objects.all()):
            response = as_user(org.admin).post(url(training_class, "results"), body, format="json")
        refused(response, "class_not_running")

    def test_result_roles(self, as_user, org, running):
        training_class, (staff, _manager), _days = running
        body = {"results": [{"enrolment": staff.pk, "result": "PASSED"}]}
        with unchanged(Enrolment.objects.all()):
            refused(as_user(org.b.officer).post(url(training_class, "results"), body, format="json"), "out_of_scope")
            for user in (org.a.manager, org.a.staff):
                response = as_user(user).post(url(training_class, "results"), body, format="json")
                refused(response, "permission_denied", status=403)


class CertificateTests:
    def completed(self, org):
        training_class = open_class(org)
        passed, failed = enrol(org.admin, training_class, org.a.staff.employee, org.a.manager.employee)
        start(org.admin, training_class)
        finish(org.admin, training_class, {passed: "PASSED", failed: "FAILED"})
        return training_class, passed, failed

    def test_issue_and_verify_publicly(self, as_user, api, org):
        training_class, passed, _failed = self.completed(org)
        body = {"enrolment": passed.pk, "number": "CC-2025-001", "issue_date": "2025-03-10"}
        response = as_user(org.a.officer).post(url(training_class, "certificates"), body, format="json")
        assert response.status_code == 201, response.data
        code = response.json()["verification_code"]
        assert len(code) == 20
        api.force_authenticate(user=None)
        public = api.get(f"/api/v1/training/verify/{code.lower()}/")
        assert public.status_code == 200
        assert public.json()["full_name"] == org.a.staff.employee.full_name
        assert public.json()["programme"] == training_class.programme.name
        assert public.json()["issue_date"] == "2025-03-10"
        assert "national_id" not in public.json()
        refused(api.get("/api/v1/training/verify/NOT-A-CODE/"), "certificate_not_found", field="code")

    def test_refusals(self, as_user, org):
        training_class, passed, failed = self.completed(org)
        client = as_user(org.admin)
        cases = [
            ({"enrolment": failed.pk, "number": "A1", "issue_date": "2025-03-10"}, "enrolment", "not_passed"),
            ({"enrolment": passed.pk, "number": "A1", "issue_date": "2025-03-06"}, "issue_date", "before_class_end"),
            ({"enrolment": passed.pk, "number": "A1", "issue_date": "2999-01-01"}, "issue_date", "future_date"),
            ({"enrolment": passed.pk, "number": "", "issue_date": "2025-03-10"}, "number", "blank"),
            ({"enrolment": passed.pk, "number": "A1"}, "issue_date", "required"),
            ({"enrolment": 999999, "number": "A1", "issue_date": "2025-03-10"}, "enrolment", "does_not_exist"),
        ]
        for body, field, code in cases:
            with unchanged(Certificate.objects.all()):
                response = client.post(url(training_class, "certificates"), body, format="json")
            refused(response, code, field=field, status=400)
        ok = {"enrolment": passed.pk, "number": "A1", "issue_date": "2025-03-10"}
        assert client.post(url(training_class, "certificates"), ok, format="json").status_code == 201
        with unchanged(Certificate.objects.all()):
            again = client.post(url(training_class, "certificates"), {**ok, "number": "A2"}, format="json")
        refused(again, "certificate_exists", field="enrolment")
        other_class, other_passed, _ = self.completed(org)
        same_number = {"enrolment": other_passed.pk, "number": "A1", "issue_date": "2025-03-10"}
        with unchanged(Certificate.objects.all()):
            response = client.post(url(other_class, "certificates"), same_number, format="json")
        refused(response, "unique", field="number", status=400)

    def test_only_completed_classes_certify(self, as_user, org, running):
        training_class, (staff, _manager), _days = running
        body = {"enrolment": staff.pk, "number": "A1", "issue_date": "2025-03-10"}
        with unchanged(Certificate.objects.all()):
            response = as_user(org.admin).post(url(training_class, "certificates"), body, format="json")
        refused(response, "class_not_completed")

    def test_certificate_list_scoped(self, as_user, org):
        training_class, passed, _failed = self.completed(org)
        as_user(org.admin).post(
            url(training_class, "certificates"),
            {"enrolment": passed.pk, "number": "A1", "issue_date": "2025-03-10"},
            format="json",
        )
        assert len(as_user(org.a.staff).get("/api/v1/training/certificates/").json()["results"]) == 1
        assert len(as_user(org.b.officer).get("/api/v1/training/certificates/").json()["results"]) == 0
        cert = Certificate.objects.get()
        assert as_user(org.b.staff).get(f"/api/v1/training/certificates/{cert.pk}/").status_code == 404
        assert Enrolment.objects.get(pk=passed.pk).certificate == cert
