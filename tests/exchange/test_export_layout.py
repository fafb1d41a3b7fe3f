"""XLSX exports a person reads: columns as wide as their content, an autofilter, labels instead of codes,
the codes an import needs in columns of their own."""

import datetime
import io

import openpyxl
import pytest

from exchange.tables import Column
from exchange.writers import MAX_WIDTH, MIN_WIDTH, ExportTable, write_xlsx
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
EMPLOYEES = "/api/v1/exports/employees/"


def _sheet(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


def _by_header(sheet) -> dict[str, list]:
    header = [cell.value for cell in sheet[1]]
    return {name: [row[i].value for row in sheet.iter_rows(min_row=2)] for i, name in enumerate(header)}


class WriterTests:
    def test_widths_follow_the_content_within_bounds(self):
        table = ExportTable(
            title="Bảng",
            columns=[Column("a", "Mã"), Column("b", "Họ và tên"), Column("c", "Ghi chú"), Column("d", "Ngày")],
            rows=[{"a": "X1", "b": "Nguyễn Thị Minh Khai Phương Thảo", "c": "x" * 500, "d": datetime.date(2026, 1, 2)}],
        )
        sheet = _sheet(write_xlsx(table))
        widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCD"}
        assert widths["A"] == MIN_WIDTH  # a two-letter code: the minimum
        assert widths["B"] == len("Nguyễn Thị Minh Khai Phương Thảo") + 2  # the longest value, not the header
        assert widths["C"] == MAX_WIDTH  # very long text is capped
        assert widths["D"] == 12  # DD/MM/YYYY

    def test_the_header_row_has_an_autofilter_over_every_row(self):
        table = ExportTable(title="T", columns=[Column("a", "A"), Column("b", "B")], rows=[{"a": 1, "b": 2}] * 3)
        sheet = _sheet(write_xlsx(table))
        assert sheet.auto_filter.ref == "A1:B4" and sheet.freeze_panes == "A2"

    def test_an_empty_table_still_filters_its_header(self):
        sheet = _sheet(write_xlsx(ExportTable(title="T", columns=[Column("a", "A")], rows=[])))
        assert sheet.auto_filter.ref == "A1:A1"


class EmployeeExportLayoutTests:
    def test_labels_instead_of_codes_and_codes_beside_names(self, org, as_user):
        EmployeeFactory(
            unit=org.a.room, full_name="Quàng Thị Hợp", category="HOP_DONG", education_level="DAI_HOC", ranked=True
        )
        sheet = _sheet(as_user(org.admin).get(EMPLOYEES).content)
        columns = _by_header(sheet)
        row = columns["Họ và tên"].index("Quàng Thị Hợp")
        assert columns["Phân loại"][row] == "Lao động hợp đồng"
        assert "HOP_DONG" not in columns["Phân loại"] and "DAI_HOC" not in columns["Trình độ chuyên môn"]
        assert columns["Trình độ chuyên môn"][row] == "Đại học"
        assert columns["Mã đơn vị"][row] == org.a.room.code and columns["Tên đơn vị"][row] == org.a.room.name
        assert columns["Tên ngạch"][row] and columns["Mã ngạch"][row]
        assert sheet.auto_filter.ref.startswith("A1:")
        name_column = openpyxl.utils.get_column_letter(list(columns).index("Họ và tên") + 1)
        assert sheet.column_dimensions[name_column].width >= len("Quàng Thị Hợp") + 2
