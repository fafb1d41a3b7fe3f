"""GET /api/v1/exports/…: downloads read back with pandas/openpyxl and compared with the database."""

import io

import openpyxl
import pytest

from hr.models import Employee
from tests.evaluations.factories import decide, evaluation_of, generated, ready_for_decision
from tests.exchange.conftest import read_download
from tests.refusals import refused

pytestmark = pytest.mark.django_db
EMPLOYEES = "/api/v1/exports/employees/"
RATINGS = "/api/v1/exports/rating-distribution/"


class EmployeeExportTests:
    def test_xlsx_holds_every_visible_employee_field_by_field(self, org, as_user):
        response = as_user(org.admin).get(EMPLOYEES, {"format": "xlsx"})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        assert response["Content-Disposition"].startswith('attachment; filename="can-bo-')
        frame = read_download(response)
        employees = Employee.objects.select_related("unit", "rank", "salary_step").order_by("full_name", "id")
        assert list(frame["Số định danh cá nhân"]) == [e.national_id for e in employees]
        for (_, row), employee in zip(frame.iterrows(), employees, strict=True):
            assert row["Họ và tên"] == employee.full_name
            assert row["Mã đơn vị"] == employee.unit.code
            assert row["Tên đơn vị"] == employee.unit.name
            assert row["Ngày sinh"].startswith(employee.date_of_birth.isoformat())
            assert row["Giới tính"] == employee.get_sex_display()
            assert row["Mã ngạch"] == (employee.rank.code if employee.rank else "")
            assert row["Bậc lương"] == (str(employee.salary_step.step) if employee.salary_step else "")

    def test_xlsx_cells_are_typed(self, org, as_user):
        response = as_user(org.a.officer).get(EMPLOYEES)
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        header = [cell.value for cell in sheet[1]]
        first = dict(zip(header, sheet[2], strict=True))
        assert first["Số định danh cá nhân"].data_type == "s"  # text: leading zeros survive
        assert first["Ngày sinh"].is_date
        assert first["Ngày sinh"].number_format == "DD/MM/YYYY"

    def test_csv_is_utf8_with_bom(self, org, as_user):
        response = as_user(org.a.officer).get(EMPLOYEES + "csv/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert response.content.startswith(b"\xef\xbb\xbf")
        frame = read_download(response)
        assert "Cán bộ tổ chức SNV" in set(frame["Họ và tên"])
        assert frame.columns[0] == "Số định danh cá nhân"

    def test_same_scope_and_filters_as_the_list(self, org, as_user):
        for user, params in [
            (org.a.officer, {}),
            (org.a.manager, {}),
            (org.b.staff, {}),
            (org.admin, {"unit": org.a.room.pk}),
            (org.admin, {"is_leader": "true"}),
            (org.admin, {"search": "Chuyên viên", "ordering": "-full_name"}),
        ]:
            client = as_user(user)
            listed = client.get("/api/v1/employees/", {**params, "page_size": 500}).data["results"]
            exported = read_download(client.get(EMPLOYEES + "csv/", params))
            assert list(exported["Số định danh cá nhân"]) == [row["national_id"] for row in listed], (user, params)

    def test_bad_format_and_filter_are_json_400(self, org, as_user):
        client = as_user(org.admin)
        for wrong in ("pdf", "csv"):  # one media type per route: CSV has its own
            response = client.get(EMPLOYEES, {"format": wrong})
            assert response["Content-Type"] == "application/json"
            refused(response, "unknown_format", field="format")
        assert client.get(EMPLOYEES, {"format": "xlsx"}).status_code == 200
        response = client.get(EMPLOYEES, {"status": "NOPE"})
        assert response.status_code == 400
        assert "status" in response.json()

    def test_anonymous_is_refused_in_json(self, api):
        response = api.get(EMPLOYEES)
        assert (response.status_code, response["Content-Type"]) == (401, "application/json")


@pytest.fixture
def decided(org):
    """2026 annual cycles over both agencies; two of agency A's evaluations decided."""
    a, b = generated(org.admin, org.a.unit), generated(org.admin, org.b.unit)
    decide(ready_for_decision(evaluation_of(a, org.a.staff.employee), total="80"), actor=org.admin)
    decide(ready_for_decision(evaluation_of(a, org.a.manager.employee), total="60"), actor=org.admin)
    return a, b


class RatingDistributionExportTests:
    def test_matches_the_statistics_endpoint(self, org, as_user, decided):
        for user, params in [(org.a.officer, {}), (org.admin, {}), (org.admin, {"unit": org.b.unit.pk})]:
            client = as_user(user)
            stats = client.get("/api/v1/evaluations/statistics/", {"year": 2026, **params}).data
            for suffix in ("", "csv/"):
                frame = read_download(client.get(RATINGS + suffix, {"year": 2026, **params}))
                body, total = frame.iloc[:-1], frame.iloc[-1]
                assert list(body["Đơn vị"]) == [row["unit_name"] for row in stats["units"]]
                for column, key in [
                    ("HTTNV – Hoàn thành tốt nhiệm vụ", "HTTNV"),
                    ("HTNV – Hoàn thành nhiệm vụ", "HTNV"),
                    ("Chưa có quyết định", "pending"),
                    ("Tổng cộng", "total"),
                ]:
                    assert [int(v) for v in body[column]] == [row[key] for row in stats["units"]], column
                    assert int(total[column]) == stats["totals"][key]
                assert total["Đơn vị"] == "Tổng cộng"

    def test_roles_and_bad_input(self, org, as_user, decided):
        refused(as_user(org.a.staff).get(RATINGS, {"year": 2026}), "permission_denied")
        refused(as_user(org.a.officer).get(RATINGS, {"year": 2026, "unit": org.b.unit.pk}), "out_of_scope")
        refused(as_user(org.a.manager).get(RATINGS, {"year": 2026, "unit": org.a.unit.pk}), "out_of_scope")
        assert as_user(org.a.manager).get(RATINGS, {"year": 2026}).status_code == 200
        response = as_user(org.admin).get(RATINGS, {"year": "x"})
        assert response.status_code == 400
        assert "year" in response.json()
        assert "year" in as_user(org.admin).get(RATINGS).json()


class ExportQueryCountTests:
    def test_employee_export_runs_the_same_queries_for_few_and_many_rows(self, org, as_user):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from tests.factories import EmployeeFactory

        client = as_user(org.a.officer)
        counts = []
        for extra in (0, 40):
            EmployeeFactory.create_batch(extra, unit=org.a.room, ranked=True)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(EMPLOYEES, {"format": "xlsx"})
            assert len(read_download(response)) == 3 + extra  # the officer, head and staff member of agency A
            counts.append(len(queries))
        assert counts[0] == counts[1]
