"""Imports of training results, discipline decisions and commendations: each row through its service."""

import pytest

from hr.models import Commendation, DisciplineRecord
from hr.services.commendations import award_amount
from tests.exchange.conftest import csv_bytes, xlsx_bytes
from tests.refusals import refused
from tests.training.factories import enrol, open_class, start

pytestmark = pytest.mark.django_db


def _errors(response) -> set:
    return {(e["row"], e["column"]) for e in response.data["errors"]}


@pytest.fixture
def running(org):
    """A class of agency A in progress, with agency A's staff member and manager enrolled."""
    training_class = open_class(org, code="BD-2025-01")
    enrol(org.a.officer, training_class, org.a.staff.employee, org.a.manager.employee)
    return start(org.a.officer, training_class)


class TrainingResultImportTests:
    URL = "/api/v1/imports/training-results/"

    def rows(self, org, **changes):
        return [
            {"Mã lớp": "BD-2025-01", "Số định danh cá nhân": org.a.staff.employee.national_id, "Kết quả": "Đạt"},
            {
                "Mã lớp": "BD-2025-01",
                "Số định danh cá nhân": org.a.manager.employee.national_id,
                "Kết quả": "FAILED",
                "Ghi chú": "Vắng kiểm tra cuối khoá",
                **changes,
            },
        ]

    def test_dry_run_then_real_run(self, org, post_import, running):
        content = xlsx_bytes(self.rows(org))
        dry = post_import(org.a.officer, content, name="kq.xlsx", dry_run=True, url=self.URL)
        assert (dry.status_code, dry.data["updated"], dry.data["errors"]) == (200, 2, [])
        assert set(running.enrolments.values_list("result", flat=True)) == {"PENDING"}
        real = post_import(org.a.officer, content, name="kq.xlsx", url=self.URL)
        assert (real.status_code, real.data["updated"]) == (200, 2)
        staff = running.enrolments.get(employee=org.a.staff.employee)
        assert (staff.result, staff.periods_credited) == ("PASSED", 40)
        assert staff.history.first().history_user == org.a.officer
        again = post_import(org.a.officer, content, name="kq.xlsx", url=self.URL)
        assert again.data["unchanged"] == 2

    def test_service_refusals_become_row_errors_and_nothing_is_written(self, org, post_import, running):
        rows = self.rows(org, **{"Số tiết được tính": "5"})  # a failed result credits no periods
        rows.append({"Mã lớp": "KHONG-CO", "Số định danh cá nhân": "x", "Kết quả": "Đạt"})
        rows.append({"Mã lớp": "BD-2025-01", "Số định danh cá nhân": org.b.staff.employee.national_id, "Kết quả": "?"})
        response = post_import(org.a.officer, csv_bytes(rows), url=self.URL)
        assert response.status_code == 400
        assert _errors(response) == {(3, "Kết quả"), (4, "Mã lớp"), (5, "Kết quả"), (5, "Số định danh cá nhân")}
        assert set(running.enrolments.values_list("result", flat=True)) == {"PENDING"}

    def test_class_of_another_agency_and_state(self, org, post_import, running):
        response = post_import(org.b.officer, csv_bytes(self.rows(org)), dry_run=True, url=self.URL)
        assert _errors(response) == {(2, "Mã lớp"), (3, "Mã lớp")}
        open_class(org, code="BD-OPEN")
        rows = [{"Mã lớp": "BD-OPEN", "Số định danh cá nhân": org.a.staff.employee.national_id, "Kết quả": "Đạt"}]
        response = post_import(org.admin, csv_bytes(rows), dry_run=True, url=self.URL)
        assert _errors(response) == {(2, "Số định danh cá nhân")}


class DisciplineImportTests:
    URL = "/api/v1/imports/discipline/"

    def row(self, employee, **changes):
        row = {
            "Số định danh cá nhân": employee.national_id,
            "Hình thức kỷ luật": "Khiển trách",
            "Số quyết định": "07/QĐ-SNV",
            "Cơ quan ban hành": "Giám đốc Sở Nội vụ",
            "Ngày quyết định": "01/10/2025",
            "Ngày có hiệu lực": "02/10/2025",
            "Ngày vi phạm": "15/06/2025",
            "Lý do": "Chậm giải quyết hồ sơ",
            "Mức độ hậu quả": "IT_NGHIEM_TRONG",
            "Liên quan công vụ": "có",
        }
        row.update(changes)
        return row

    def test_records_decisions_under_their_rules(self, org, post_import):
        rows = [self.row(org.a.staff.employee), self.row(org.a.manager.employee, **{"Hình thức kỷ luật": "CANH_CAO"})]
        assert post_import(org.a.officer, csv_bytes(rows), dry_run=True, url=self.URL).data["created"] == 2
        assert not DisciplineRecord.objects.exists()
        response = post_import(org.a.officer, csv_bytes(rows), url=self.URL)
        assert (response.status_code, response.data["created"]) == (200, 2)
        record = DisciplineRecord.objects.get(employee=org.a.staff.employee)
        assert (record.form, str(record.effect_start), record.created_by) == (
            "KHIEN_TRACH",
            "2025-10-02",
            org.a.officer,
        )
        assert post_import(org.a.officer, csv_bytes(rows), url=self.URL).data["unchanged"] == 2

    def test_rule_refusals_and_scope_are_row_errors(self, org, post_import):
        rows = [
            self.row(org.a.staff.employee, **{"Ngày vi phạm": "01/01/2015"}),  # limitation period over
            self.row(org.b.staff.employee),
            self.row(org.a.manager.employee, **{"Liên quan công vụ": "có lẽ", "Ngày quyết định": ""}),
            self.row(org.a.officer.employee),
        ]
        response = post_import(org.a.officer, csv_bytes(rows), url=self.URL)
        assert response.status_code == 400
        assert _errors(response) == {
            (2, "Ngày vi phạm"),
            (3, "Số định danh cá nhân"),
            (4, "Liên quan công vụ"),
            (4, "Ngày quyết định"),
            (5, "Số định danh cá nhân"),  # the officer's own record: decided above them, never by them
        }
        assert "thời hiệu" in response.data["errors"][0]["message"]
        assert not DisciplineRecord.objects.exists()

    def test_processing_time_columns(self, org, post_import):
        rows = [
            self.row(org.a.staff.employee, **{"Ngày phát hiện vi phạm": "20/06/2025", "Vụ việc phức tạp": "có"}),
            self.row(org.a.manager.employee, **{"Ngày phát hiện vi phạm": "02/10/2025"}),  # after the decision
        ]
        response = post_import(org.a.officer, csv_bytes(rows), url=self.URL)
        assert response.status_code == 400
        assert _errors(response) == {(3, "Ngày phát hiện vi phạm")}
        assert not DisciplineRecord.objects.exists()
        response = post_import(org.a.officer, csv_bytes(rows[:1]), url=self.URL)
        assert (response.status_code, response.data["created"]) == (200, 1)
        record = DisciplineRecord.objects.get()
        assert (str(record.discovered_on), record.complex_case, str(record.processing_deadline)) == (
            "2025-06-20",
            True,
            "2025-11-17",
        )
        assert record.processed_late is False


class CommendationImportTests:
    URL = "/api/v1/imports/commendations/"

    def row(self, **changes):
        row = {
            "Số định danh cá nhân": "",
            "Mã đơn vị được khen": "",
            "Danh hiệu/hình thức": "LDTT",
            "Năm thi đua": "2025",
            "Số quyết định": "12/QĐ-SNV",
            "Cơ quan ban hành": "Giám đốc Sở Nội vụ",
            "Ngày quyết định": "10/01/2026",
        }
        row.update(changes)
        return row

    def test_people_and_units(self, org, post_import):
        rows = [
            self.row(**{"Số định danh cá nhân": org.a.staff.employee.national_id}),
            self.row(**{"Mã đơn vị được khen": org.a.room.code, "Danh hiệu/hình thức": "TT_LDTT"}),
        ]
        response = post_import(org.a.officer, xlsx_bytes(rows), name="kt.xlsx", url=self.URL)
        assert (response.status_code, response.data["created"]) == (200, 2), response.data
        person = Commendation.objects.get(employee=org.a.staff.employee)
        assert person.amount == award_amount(coefficient=person.coefficient, base_salary=person.base_salary) > 0
        assert Commendation.objects.filter(unit=org.a.room, award="TT_LDTT").exists()
        assert post_import(org.a.officer, xlsx_bytes(rows), name="kt.xlsx", url=self.URL).data["unchanged"] == 2

    def test_bad_rows(self, org, post_import):
        rows = [
            self.row(),  # no recipient
            self.row(**{"Mã đơn vị được khen": org.b.room.code, "Danh hiệu/hình thức": "TT_LDTT"}),
            self.row(**{"Số định danh cá nhân": org.a.staff.employee.national_id, "Năm thi đua": "hai"}),
            self.row(**{"Số định danh cá nhân": org.a.manager.employee.national_id, "Năm thi đua": "2027"}),
        ]
        response = post_import(org.a.officer, csv_bytes(rows), url=self.URL)
        assert response.status_code == 400
        assert {row for row, _column in _errors(response)} == {2, 3, 4, 5}
        assert (3, "Mã đơn vị được khen") in _errors(response)
        assert (4, "Năm thi đua") in _errors(response)
        assert not Commendation.objects.exists()

    @pytest.mark.parametrize("who", ["manager", "staff"])
    def test_readers_are_refused(self, org, post_import, who):
        response = post_import(getattr(org.a, who), csv_bytes([self.row()]), url=self.URL)
        refused(response, "permission_denied")
        assert not Commendation.objects.exists()


class OwnRecordImportTests:
    """An officer's file cannot carry their own record: each import kind refuses that row, and nothing is written."""

    OWN = "Bạn không thể tự quyết định về hồ sơ của chính mình; việc này do cấp có thẩm quyền phía trên thực hiện."

    def test_own_commendation(self, org, post_import):
        rows = [CommendationImportTests().row(**{"Số định danh cá nhân": org.a.officer.employee.national_id})]
        response = post_import(org.a.officer, csv_bytes(rows), url=CommendationImportTests.URL)
        assert response.status_code == 400
        assert [(e["row"], e["column"], e["message"]) for e in response.data["errors"]] == [
            (2, "Số định danh cá nhân", self.OWN)
        ]
        assert not Commendation.objects.exists()

    def test_own_training_result(self, org, post_import):
        training_class = open_class(org, code="BD-2025-01")
        enrol(org.admin, training_class, org.a.officer.employee)
        start(org.admin, training_class)
        rows = [{"Mã lớp": "BD-2025-01", "Số định danh cá nhân": org.a.officer.employee.national_id, "Kết quả": "Đạt"}]
        response = post_import(org.a.officer, csv_bytes(rows), url=TrainingResultImportTests.URL)
        assert response.status_code == 400
        assert [e["message"] for e in response.data["errors"]] == [self.OWN]
        assert set(training_class.enrolments.values_list("result", flat=True)) == {"PENDING"}

    def test_own_employee_record(self, org, post_import):
        me = org.a.officer.employee
        row = {
            "Số định danh cá nhân": me.national_id,
            "Họ và tên": "Tự sửa tên mình",
            "Ngày sinh": me.date_of_birth.strftime("%d/%m/%Y"),
            "Giới tính": me.get_sex_display(),
            "Phân loại": me.category,
            "Mã đơn vị": me.unit.code,
            "Ngày tuyển dụng": me.recruitment_date.isoformat(),
        }
        response = post_import(org.a.officer, csv_bytes([row]))
        assert response.status_code == 400
        assert [(e["column"], e["message"]) for e in response.data["errors"]] == [("Số định danh cá nhân", self.OWN)]
        me.refresh_from_db()
        assert me.full_name != "Tự sửa tên mình"
