"""Discipline endpoints: roles and scope, bad input, corrections, annulment, history, query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.models import DisciplineRecord, SalaryStep
from hr.services.discipline import discipline_record_annul
from tests.factories import EmployeeFactory, position
from tests.matrix.discipline import discipline
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db
LIST = reverse("discipline-record-list")


def detail(record, suffix=""):
    return reverse(f"discipline-record-{suffix or 'detail'}", args=[record.pk])


def payload(org, **overrides):
    data = {
        "employee": org.a.staff.employee_id,
        "form": "CANH_CAO",
        "decision_number": "07/QĐ-SNV",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": "2025-10-01",
        "effective_date": "2025-10-02",
        "violation_date": "2025-06-15",
        "reason": "Chậm giải quyết hồ sơ",
        "severity": "NGHIEM_TRONG",
        "duty_related": True,
    }
    data.update(overrides)
    return data


class TestCreate:
    def test_officer_records_a_decision(self, org, as_user):
        response = as_user(org.a.officer).post(LIST, payload(org), format="json")
        assert response.status_code == 201, response.data
        body = response.data
        assert body["employee"]["id"] == org.a.staff.employee_id
        assert body["effect_start"] == "2025-10-02"
        assert body["effect_end"] == "2026-10-02"
        assert body["lapses_on"] == "2026-10-03"
        assert "172/2025" in body["legal_basis"]
        assert body["is_repeat"] is False
        record = DisciplineRecord.objects.get(pk=body["id"])
        assert record.created_by == org.a.officer
        assert record.history.first().history_user == org.a.officer

    def test_admin_records_anywhere(self, org, as_user):
        response = as_user(org.admin).post(LIST, payload(org, employee=org.b.staff.employee_id), format="json")
        assert response.status_code == 201

    def test_officer_of_another_agency_is_refused_on_employee(self, org, as_user):
        response = as_user(org.b.officer).post(LIST, payload(org), format="json")
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert "employee" in response.data["fields"]
        assert not DisciplineRecord.objects.exists()

    @pytest.mark.parametrize("who", ["manager", "staff"])
    def test_readers_may_not_write(self, org, as_user, who):
        response = as_user(getattr(org.a, who)).post(LIST, payload(org), format="json")
        refused(response, "permission_denied")
        assert not DisciplineRecord.objects.exists()

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("employee", 999999),
            ("form", "TU_HINH"),
            ("decision_number", ""),
            ("issuing_authority", ""),
            ("decision_date", "31/12/2025"),
            ("effective_date", "không rõ"),
            ("violation_date", None),
            ("reason", ""),
            ("severity", "NHE"),
            ("duty_related", "có lẽ"),
            ("party_decision_date", "2025-13-01"),
        ],
    )
    def test_bad_input_names_the_field(self, org, as_user, field, value):
        response = as_user(org.a.officer).post(LIST, payload(org, **{field: value}), format="json")
        assert response.status_code == 400
        assert field in response.data

    def test_missing_fields_are_named(self, org, as_user):
        response = as_user(org.a.officer).post(LIST, {}, format="json")
        assert response.status_code == 400
        assert {"employee", "form", "decision_date", "violation_date", "severity"} <= set(response.data)

    def test_rule_refusals_are_400_in_vietnamese(self, org, as_user):
        response = as_user(org.a.officer).post(
            LIST, payload(org, form="HA_BAC_LUONG"), format="json", HTTP_ACCEPT_LANGUAGE="vi"
        )
        assert "bãi bỏ" in refused(response, "form_not_allowed", field="form")
        response = as_user(org.a.officer).post(LIST, payload(org, violation_date="2015-01-01"), format="json")
        assert "thời hiệu" in refused(response, "limitation_expired", field="violation_date")
        assert not DisciplineRecord.objects.exists()


class TestReadScope:
    def test_staff_see_only_their_own(self, org, as_user):
        own = discipline(org.a.staff.employee)
        discipline(org.a.officer.employee)
        response = as_user(org.a.staff).get(LIST)
        assert [r["id"] for r in response.data["results"]] == [own.pk]

    def test_manager_sees_their_room(self, org, as_user):
        discipline(org.a.staff.employee)
        discipline(org.a.officer.employee)  # in the agency, above the room
        discipline(org.b.staff.employee)
        response = as_user(org.a.manager).get(LIST)
        assert [r["employee"]["id"] for r in response.data["results"]] == [org.a.staff.employee_id]

    def test_out_of_scope_detail_is_404(self, org, as_user):
        record = discipline(org.a.staff.employee)
        assert as_user(org.b.officer).get(detail(record)).status_code == 404
        assert as_user(org.b.officer).post(detail(record, "annul"), {}, format="json").status_code == 404

    def test_filters(self, org, as_user):
        discipline(org.a.staff.employee)
        discipline(
            org.b.staff.employee,
            form="CANH_CAO",
            decision_date=datetime.date(2024, 5, 1),
            effective_date=datetime.date(2024, 5, 1),
            violation_date=datetime.date(2024, 1, 1),
        )
        client = as_user(org.admin)
        assert client.get(LIST, {"in_force_on": "2025-12-01"}).data["count"] == 1
        assert client.get(LIST, {"in_force_on": "2024-06-01"}).data["count"] == 1
        assert client.get(LIST, {"year": 2024}).data["count"] == 1
        assert client.get(LIST, {"form": "CANH_CAO"}).data["count"] == 1
        assert client.get(LIST, {"unit": org.a.unit.pk}).data["count"] == 1
        assert client.get(LIST, {"employee": org.b.staff.employee_id}).data["count"] == 1
        assert client.get(LIST, {"annulled": "true"}).data["count"] == 0
        assert client.get(LIST, {"in_force_on": "hôm nay"}).status_code == 400
        for year in ("0.0", "0", "năm", "99999"):
            response = client.get(LIST, {"year": year})
            assert response.status_code == 400
            assert "year" in response.data

    def test_list_runs_a_constant_number_of_queries(self, org, as_user, django_assert_num_queries):
        client = as_user(org.admin)
        discipline(org.a.staff.employee)
        with CaptureQueriesContext(connection) as one:
            assert client.get(LIST).data["count"] == 1
        for i in range(6):
            discipline(
                EmployeeFactory(unit=org.a.room),
                decision_number=f"{i}/QĐ",
            )
        with django_assert_num_queries(len(one.captured_queries)):
            assert client.get(LIST).data["count"] == 7


class TestCorrectAndAnnul:
    def test_officer_corrects_descriptive_fields(self, org, as_user):
        record = discipline(org.a.staff.employee)
        response = as_user(org.a.officer).patch(detail(record), {"reason": "Lý do đã sửa"}, format="json")
        assert response.status_code == 200
        assert response.data["reason"] == "Lý do đã sửa"
        history = as_user(org.a.officer).get(detail(record, "history"))
        assert history.status_code == 200
        assert history.data["count"] == 2

    def test_dates_and_form_need_annulment(self, org, as_user):
        record = discipline(org.a.staff.employee)
        with unchanged(record):
            response = as_user(org.a.officer).patch(
                detail(record), {"form": "CANH_CAO", "decision_date": "2025-09-11"}, format="json"
            )
        refused(response, "fixed_field", field="form")
        assert {"form", "decision_date"} <= set(response.data["fields"])

    def test_bad_correction(self, org, as_user):
        record = discipline(org.a.staff.employee)
        response = as_user(org.a.officer).patch(detail(record), {"severity": "NHE"}, format="json")
        assert response.status_code == 400
        assert "severity" in response.data

    def test_manager_may_read_but_not_change(self, org, as_user):
        record = discipline(org.a.staff.employee)
        client = as_user(org.a.manager)
        assert client.get(detail(record)).status_code == 200
        with unchanged(record):
            refused(client.patch(detail(record), {"reason": "x"}, format="json"), "permission_denied")

    def test_annul_then_no_more_changes(self, org, as_user):
        record = discipline(org.a.staff.employee)
        client = as_user(org.a.officer)
        body = {"annulled_on": "2025-12-01", "annulling_decision_number": "50/QĐ-SNV", "reason": "Sai thẩm quyền"}
        response = client.post(detail(record, "annul"), body, format="json")
        assert response.status_code == 200
        assert response.data["is_annulled"] is True
        assert response.data["annulling_decision_number"] == "50/QĐ-SNV"
        with unchanged(record):
            refused(client.post(detail(record, "annul"), body, format="json"), "already_annulled")
            refused(client.patch(detail(record), {"reason": "x"}, format="json"), "annulled_record")
        assert DisciplineRecord.objects.filter(pk=record.pk).exists()

    @pytest.mark.parametrize(
        ("body", "field", "code"),
        [
            ({"annulled_on": "2025-09-01", "annulling_decision_number": "1"}, "annulled_on", "before_decision"),
            ({"annulled_on": "2999-01-01", "annulling_decision_number": "1"}, "annulled_on", "future_date"),
            ({"annulled_on": "2025-12-01"}, "annulling_decision_number", "required"),
            ({"annulling_decision_number": "1"}, "annulled_on", "required"),
        ],
    )
    def test_bad_annulment(self, org, as_user, body, field, code):
        record = discipline(org.a.staff.employee)
        with unchanged(record):
            response = as_user(org.a.officer).post(detail(record, "annul"), body, format="json")
        refused(response, code, field=field, status=400)

    def test_no_delete(self, org, as_user):
        record = discipline(org.a.staff.employee)
        assert as_user(org.admin).delete(detail(record)).status_code == 405


class TestRestrictionsOnPersonnelDecisions:
    """A decision in force blocks transfer, appointment, rank promotion and salary raise (Luật CBCC 2025 Điều 38)."""

    def test_transfer_blocked_while_in_force_allowed_after(self, org, as_user):
        employee = org.a.staff.employee
        discipline(employee)  # in force 10/09/2025 – 10/09/2026
        url = reverse("employee-transfer", args=[employee.pk])
        client = as_user(org.a.officer)
        with unchanged(employee, employee.assignments.all()):
            blocked = client.post(url, {"unit": org.a.unit.pk, "start_date": "2026-09-10"}, format="json")
        refused(blocked, "restricted_by_discipline", field="start_date")
        allowed = client.post(url, {"unit": org.a.unit.pk, "start_date": "2026-09-11"}, format="json")
        assert allowed.status_code == 201, allowed.data

    def test_appointment_in_the_same_unit_is_blocked(self, org, as_user):
        employee = org.a.staff.employee
        discipline(employee)
        url = reverse("employee-transfer", args=[employee.pk])
        body = {"unit": org.a.room.pk, "position": position("PTP_SO").pk, "start_date": "2025-12-01"}
        with unchanged(employee, employee.assignments.all()):
            response = as_user(org.a.officer).post(url, body, format="json")
        refused(response, "restricted_by_discipline", field="start_date")

    def test_salary_raise_blocked_but_annulment_lifts_it(self, org, as_user):
        employee = org.a.staff.employee
        record = discipline(employee)
        step = SalaryStep.objects.get(scale__code="A1", step=4)
        body = {"rank": employee.rank_id, "salary_step": step.pk, "effective_date": "2026-01-01"}
        url = reverse("employee-salary-change", args=[employee.pk])
        with unchanged(employee, employee.salary_records.all()):
            blocked = as_user(org.a.officer).post(url, body, format="json")
        refused(blocked, "restricted_by_discipline", field="effective_date")
        discipline_record_annul(
            actor=None, record=record, annulled_on=datetime.date(2025, 12, 1), annulling_decision_number="1"
        )
        assert as_user(org.a.officer).post(url, body, format="json").status_code == 201

    def test_unrestricted_change_passes(self, org, as_user):
        discipline(org.a.staff.employee)
        url = reverse("employee-transfer", args=[org.a.manager.employee_id])
        response = as_user(org.a.officer).post(url, {"unit": org.a.room.pk, "start_date": "2025-12-01"}, format="json")
        assert response.status_code == 201
