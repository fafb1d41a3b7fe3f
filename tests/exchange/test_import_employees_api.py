"""POST /api/v1/imports/employees/: dry run, all-or-nothing real run, text IDs, NFC, scope, corrections."""

import unicodedata

import pytest

from hr.models import Assignment, Employee, PersonChange, Role, SalaryRecord
from tests.exchange.conftest import HEADERS, csv_bytes, person, upload, xlsx_bytes
from tests.factories import UserFactory
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db
URL = "/api/v1/imports/employees/"


def _count() -> int:
    return Employee.objects.count()


class DryRunTests:
    def test_good_file_reports_counts_and_writes_nothing(self, org, post_import):
        before = _count()
        rows = [person(org.a.room.code, n) for n in range(1, 4)]
        response = post_import(org.a.officer, csv_bytes(rows), dry_run=True)
        assert response.status_code == 200, response.data
        assert response.data == {
            "kind": "employees",
            "dry_run": True,
            "rows": 3,
            "created": 3,
            "updated": 0,
            "unchanged": 0,
            "errors": [],
        }
        assert _count() == before

    def test_reports_every_bad_row_with_row_column_and_message(self, org, post_import):
        before = _count()
        rows = [
            person(org.a.room.code, 1),
            person(org.a.room.code, 2, **{"Ngày sinh": "31/02/1991"}),
            person("KHONG-CO", 3),
            person(org.a.room.code, 4, **{"Số định danh cá nhân": "14191000004"}),
            person(org.a.room.code, 5, **{"Giới tính": "Nam"}),
            person(org.a.room.code, 6, **{"Bậc lương": "99"}),
            person(org.a.room.code, 1),
            person(org.a.room.code, 8, **{"Phân loại": "ABC", "Họ và tên": ""}),
        ]
        response = post_import(org.a.officer, csv_bytes(rows), dry_run=True)
        assert response.status_code == 200, response.data
        found = {(e["row"], e["column"]) for e in response.data["errors"]}
        assert found == {
            (3, "Ngày sinh"),
            (4, "Mã đơn vị"),
            (5, "Số định danh cá nhân"),
            (6, "Số định danh cá nhân"),
            (7, "Bậc lương"),
            (8, "Số định danh cá nhân"),
            (9, "Phân loại"),
            (9, "Họ và tên"),
        }
        messages = {(e["row"], e["column"]): e["message"] for e in response.data["errors"]}
        assert messages[(3, "Ngày sinh")] == "Nhập ngày theo dạng DD/MM/YYYY hoặc YYYY-MM-DD."
        assert messages[(6, "Số định danh cá nhân")] == "Số định danh cá nhân không khớp với giới tính."
        assert "dòng 2" in messages[(8, "Số định danh cá nhân")]
        assert _count() == before


class RealRunTests:
    def test_creates_people_with_assignment_salary_record_and_history(self, org, post_import):
        rows = [person(org.a.room.code, n) for n in range(1, 4)]
        rows[2]["Mã ngạch"] = rows[2]["Bậc lương"] = ""
        response = post_import(org.a.officer, csv_bytes(rows))
        assert response.status_code == 200, response.data
        assert (response.data["created"], response.data["errors"]) == (3, [])
        first = Employee.objects.get(national_id="011191000001")
        assert (first.full_name, first.sex, first.unit, first.salary_step.step) == (
            "Lò Thị Hương 1",
            "F",
            org.a.room,
            2,
        )
        assert first.salary_coefficient == first.salary_step.coefficient
        assert str(first.salary_date) == "2020-01-02"
        assert Assignment.objects.filter(employee=first, unit=org.a.room, end_date__isnull=True).count() == 1
        assert SalaryRecord.objects.filter(employee__national_id__startswith="011191").count() == 2
        assert first.history.get().history_user == org.a.officer
        unranked = Employee.objects.get(national_id="011191000003")
        assert (unranked.rank, unranked.salary_step, unranked.salary_date) == (None, None, None)

    def test_one_bad_row_writes_nothing(self, org, post_import):
        before = (_count(), Assignment.objects.count(), SalaryRecord.objects.count())
        rows = [person(org.a.room.code, n) for n in range(1, 50)]
        rows[-1]["Ngày tuyển dụng"] = "hôm qua"
        response = post_import(org.a.officer, csv_bytes(rows))
        assert response.status_code == 400
        assert response.data["errors"] == [
            {"row": 50, "column": "Ngày tuyển dụng", "message": "Nhập ngày theo dạng DD/MM/YYYY hoặc YYYY-MM-DD."}
        ]
        assert (response.data["created"], response.data["dry_run"]) == (0, False)
        assert (_count(), Assignment.objects.count(), SalaryRecord.objects.count()) == before

    @pytest.mark.parametrize("national_id", ["０１１１９１０００００２", "٠١١١٩١٠٠٠٠٠٢", "01119100000２"])
    def test_digits_other_than_ascii_are_refused_and_nothing_written(self, org, post_import, national_id):
        before = (_count(), Assignment.objects.count(), SalaryRecord.objects.count())
        rows = [person(org.a.room.code, 1), person(org.a.room.code, 2, **{"Số định danh cá nhân": national_id})]
        response = post_import(org.a.officer, csv_bytes(rows))
        assert response.status_code == 400
        assert response.data["errors"] == [
            {"row": 3, "column": "Số định danh cá nhân", "message": "Số định danh cá nhân phải gồm đúng 12 chữ số."}
        ]
        assert (_count(), Assignment.objects.count(), SalaryRecord.objects.count()) == before

    def test_ids_are_text_so_leading_zeros_survive(self, org, post_import):
        # 001 is Hà Nội's code: read as a number it would lose its zeros and fail validation.
        rows = [person(org.a.room.code, 1, **{"Số định danh cá nhân": "001191000001", "Số CMND cũ": "012345678"})]
        for name, content in (("a.csv", csv_bytes(rows)), ("a.xlsx", xlsx_bytes(rows))):
            PersonChange.objects.filter(employee__national_id="001191000001").delete()
            Employee.objects.filter(national_id="001191000001").delete()
            response = post_import(org.admin, content, name=name)
            assert response.status_code == 200, (name, response.data)
            employee = Employee.objects.get(national_id="001191000001")
            assert employee.legacy_id_number == "012345678"
            employee.assignments.all().delete()
            employee.salary_records.all().delete()

    def test_nfd_text_and_headers_are_normalised_to_nfc(self, org, post_import):
        nfd = {
            unicodedata.normalize("NFD", key): unicodedata.normalize("NFD", value)
            for key, value in person(org.a.room.code, 1, **{"Họ và tên": "Lường Thị Thuỷ"}).items()
        }
        assert nfd != person(org.a.room.code, 1, **{"Họ và tên": "Lường Thị Thuỷ"})
        response = post_import(org.admin, csv_bytes([nfd]))
        assert response.status_code == 200, response.data
        name = Employee.objects.get(national_id="011191000001").full_name
        assert name == unicodedata.normalize("NFC", "Lường Thị Thuỷ")
        assert unicodedata.is_normalized("NFC", name)

    def test_english_headers_xlsx_dates_and_semicolons(self, org, post_import):
        english = {
            "national_id": "011191000001",
            "full_name": "Cầm Văn Nam",
            "date_of_birth": "1991-04-12",
            "sex": "Female",
            "category": "Công chức (civil servant)",
            "unit_code": org.b.room.code,
            "recruitment_date": "02/01/2020",
            "status": "ACTIVE",
        }
        assert post_import(org.admin, csv_bytes([english], separator=";")).status_code == 200
        employee = Employee.objects.get(national_id="011191000001")
        assert (employee.unit, employee.category, str(employee.recruitment_date)) == (
            org.b.room,
            "CONG_CHUC",
            "2020-01-02",
        )

    def test_bom_csv_and_blank_lines_are_accepted(self, org, post_import):
        content = b"\xef\xbb\xbf" + csv_bytes([person(org.a.room.code, 1)]) + b",,,,,,,,\r\n"
        response = post_import(org.admin, content)
        assert (response.status_code, response.data["rows"]) == (200, 1)


class CorrectionTests:
    def test_known_people_get_personal_data_corrected(self, org, post_import):
        assert post_import(org.admin, csv_bytes([person(org.a.room.code, 1)])).status_code == 200
        rows = [person(org.a.room.code, 1, **{"Họ và tên": "Lò Thị Hường", "Trạng thái": "ON_LEAVE"})]
        rows.append(person(org.a.room.code, 2))
        response = post_import(org.a.officer, csv_bytes(rows))
        assert (response.status_code, response.data["created"], response.data["updated"]) == (200, 1, 1)
        employee = Employee.objects.get(national_id="011191000001")
        assert (employee.full_name, employee.status) == ("Lò Thị Hường", "ON_LEAVE")
        assert employee.history.count() == 2
        assert employee.history.first().history_user == org.a.officer
        again = post_import(org.a.officer, csv_bytes(rows))
        assert (again.data["created"], again.data["updated"], again.data["unchanged"]) == (0, 0, 2)

    def test_unit_rank_and_step_change_only_by_decision(self, org, post_import):
        assert post_import(org.admin, csv_bytes([person(org.a.room.code, 1)])).status_code == 200
        moved = person(org.a.unit.code, 1, **{"Bậc lương": "3"})
        response = post_import(org.admin, csv_bytes([moved]))
        assert response.status_code == 400
        assert {e["column"] for e in response.data["errors"]} == {"Mã đơn vị", "Bậc lương"}
        assert Employee.objects.get(national_id="011191000001").unit == org.a.room


class ScopeTests:
    def test_officer_rows_outside_their_agency_are_errors(self, org, post_import):
        rows = [person(org.a.room.code, 1), person(org.b.room.code, 2)]
        response = post_import(org.a.officer, csv_bytes(rows))
        assert response.status_code == 400
        assert response.data["errors"] == [
            {"row": 3, "column": "Mã đơn vị", "message": "Đơn vị không thuộc phạm vi quản lý của bạn."}
        ]
        assert not Employee.objects.filter(national_id__startswith="011191").exists()

    def test_officer_cannot_correct_people_outside_their_agency(self, org, post_import):
        outsider = org.b.staff.employee
        row = person(org.b.room.code, 1, **{"Số định danh cá nhân": outsider.national_id})
        response = post_import(org.a.officer, csv_bytes([row]), dry_run=True)
        assert [(e["column"], e["message"]) for e in response.data["errors"]] == [
            ("Số định danh cá nhân", "Người này không thuộc phạm vi quản lý của bạn.")
        ]

    def test_officer_without_a_scope_unit_imports_nobody(self, org, post_import):
        officer = UserFactory(role=Role.PERSONNEL_OFFICER, scope_unit=None)
        response = post_import(officer, csv_bytes([person(org.a.room.code, 1)]), dry_run=True)
        assert [(e["row"], e["column"]) for e in response.data["errors"]] == [(2, "Mã đơn vị")]

    def test_admin_imports_anywhere(self, org, post_import):
        rows = [person(org.a.room.code, 1), person(org.b.room.code, 2), person(org.province.code, 3)]
        assert post_import(org.admin, csv_bytes(rows)).data["created"] == 3

    @pytest.mark.parametrize("who", ["manager", "staff"])
    def test_managers_and_staff_are_refused(self, org, post_import, who):
        user = getattr(org.a, who)
        with unchanged(Employee.objects.all()):
            response = post_import(user, csv_bytes([person(org.a.room.code, 1)]))
        refused(response, "permission_denied")

    def test_anonymous_is_refused(self, api):
        assert api.post(URL, {}, format="multipart").status_code == 401


class BadFileTests:
    def test_no_file(self, org, as_user):
        response = as_user(org.admin).post(URL, {"dry_run": "true"}, format="multipart")
        refused(response, "required", field="file", status=400)

    def test_bad_dry_run_flag(self, org, post_import, as_user):
        response = as_user(org.admin).post(
            URL, {"file": csv_bytes([person(org.a.room.code, 1)]), "dry_run": "maybe"}, format="multipart"
        )
        assert response.status_code == 400
        assert "dry_run" in response.data

    @pytest.mark.parametrize(
        ("content", "name", "code"),
        [
            (b"PK\x03\x04not really a zip", "x.xlsx", "unreadable_file"),
            (b"\xff\xfe\x00h\x00i", "x.csv", "unreadable_file"),
            (b"", "x.csv", "empty"),  # DRF's file field refuses it before it is read
        ],
    )
    def test_unreadable_files_are_a_field_error(self, org, post_import, content, name, code):
        with unchanged(Employee.objects.all()):
            response = post_import(org.admin, content, name=name)
        refused(response, code, field="file", status=400)

    def test_missing_and_unknown_columns_are_reported_on_row_1(self, org, post_import):
        row = person(org.a.room.code, 1)
        row.pop("Ngày sinh")
        row["Ghi chú lạ"] = "?"
        response = post_import(org.admin, csv_bytes([row]), dry_run=True)
        assert response.status_code == 200
        assert {(e["row"], e["column"]) for e in response.data["errors"]} == {(1, "Ngày sinh"), (1, "Ghi chú lạ")}

    def test_header_only_file_imports_nothing(self, org, post_import):
        response = post_import(org.admin, ",".join(HEADERS).encode())
        assert (response.status_code, response.data["rows"], response.data["created"]) == (200, 0, 0)


class QueryCountTests:
    def test_validation_runs_no_query_per_row(self, org):
        """Lookups are prefetched: a dry run of 60 rows runs the same queries as one of 3."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from exchange.services.imports import records_import

        counts = []
        for size in (3, 60):
            content = csv_bytes([person(org.a.room.code, n) for n in range(1, size + 1)])
            with CaptureQueriesContext(connection) as queries:
                result = records_import(
                    kind="employees", actor=org.a.officer, content=content, filename="a.csv", dry_run=True
                )
            assert result.created == size
            counts.append(len(queries))
        assert counts[0] == counts[1]

    def test_writing_runs_a_query_per_batch_not_per_row(self, org):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from exchange.services.imports import records_import

        counts = []
        for start, size in ((1, 3), (100, 60)):
            content = csv_bytes([person(org.a.room.code, n) for n in range(start, start + size)])
            with CaptureQueriesContext(connection) as queries:
                assert (
                    records_import(
                        kind="employees", actor=org.a.officer, content=content, filename="a.csv", dry_run=False
                    ).created
                    == size
                )
            counts.append(len(queries))
        # SQLite caps a query at 999 parameters, so its batches are smaller: a few more INSERTs, never one a row.
        assert counts[0] <= counts[1] <= counts[0] + 4


@pytest.mark.parametrize("dry_run", ["true", "false"])
@pytest.mark.parametrize("header", ["Số định danh cá nhân", "Họ và tên", "Mã đơn vị"])
def test_a_nul_in_a_cell_is_its_row_error_never_a_500(org, as_user, dry_run, header):
    """PostgreSQL stores no NUL: a national ID or name carrying one used to reach it and fail the request."""
    bad = person(org.a.room.code, 1)
    bad[header] += "\x00"
    before = _count()
    response = as_user(org.admin).post(
        URL, {"file": upload(csv_bytes([bad, person(org.a.room.code, 2)])), "dry_run": dry_run}, format="multipart"
    )
    assert response.status_code == (200 if dry_run == "true" else 400)
    assert {(e["row"], e["column"]) for e in response.json()["errors"]} >= {(2, header)}
    assert _count() == before
