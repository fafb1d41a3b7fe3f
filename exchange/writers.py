"""Writing export tables as CSV (UTF-8 with BOM, so Excel shows Vietnamese) or XLSX (openpyxl)."""

import csv
import datetime
import decimal
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from backend.api.text import without_forbidden_characters
from exchange.tables import Column, formula_guarded

# Excel's sheet titles are at most 31 characters.
SHEET_TITLE_LIMIT = 31
HEADER_FONT = Font(bold=True)
# Column widths (in characters) fit the content within these bounds, measured on the first rows.
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_SAMPLE = 1000


@dataclass
class ExportTable:
    """What an export holds: a title, its columns and its rows (dicts keyed by column key)."""

    title: str
    columns: list[Column]
    rows: Iterable[dict]
    # Keys whose values are identifiers kept as text so leading zeros survive in Excel.
    text_keys: frozenset[str] = frozenset()


def safe_text(value) -> str:
    """Text as a spreadsheet may hold it: no forbidden control character, and never read as a formula.

    OWASP's advice for CSV injection: a cell starting with =, +, -, @, tab or carriage return
    gets a leading apostrophe, so Excel and LibreOffice show it as text. Text that already starts
    with apostrophes before such a character gets one more, so the import (which removes exactly
    one) gives back the original. Numbers and dates are never text here and stay as they are.
    """
    text = without_forbidden_characters(str(value))
    return f"'{text}" if formula_guarded(text) else text


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, int | float | decimal.Decimal):
        return str(value)
    return safe_text(value)


def write_csv(table: ExportTable) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_text(column.header) for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(row.get(column.key)) for column in table.columns])
    # The BOM tells Excel the file is UTF-8; without it Vietnamese letters are garbled.
    return buffer.getvalue().encode("utf-8-sig")


def _shown_length(value) -> int:
    """How many characters a cell shows (dates as DD/MM/YYYY, numbers as written, the longest line of text)."""
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    if isinstance(value, bool | int | float | decimal.Decimal):
        return len(str(value))
    return max((len(line) for line in str(value).splitlines()), default=0)


def column_widths(table: ExportTable, rows: list[dict]) -> list[float]:
    """Widths that fit the header and the widest value of each column among `rows` (bounded, plus a margin)."""
    widths = []
    for column in table.columns:
        longest = max([len(column.header), *(_shown_length(row.get(column.key)) for row in rows)])
        # Room for the autofilter's drop-down button beside the header.
        widths.append(float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))))
    return widths


def write_xlsx(table: ExportTable) -> bytes:
    # A write-only workbook streams rows instead of holding every cell object in memory. Its column
    # widths are written before the first row, so they are measured on the first rows (WIDTH_SAMPLE).
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=without_forbidden_characters(table.title)[:SHEET_TITLE_LIMIT])
    rows = iter(table.rows)
    sample = list(itertools.islice(rows, WIDTH_SAMPLE))
    for index, width in enumerate(column_widths(table, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, column.header) for column in table.columns])
    count = 0
    for row in itertools.chain(sample, rows):
        sheet.append([_xlsx_cell(sheet, row.get(col.key), as_text=col.key in table.text_keys) for col in table.columns])
        count += 1
    # A filter on every column of the header row, over all the rows written.
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(table.columns)))}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_cell(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=safe_text(text))
    cell.font = HEADER_FONT
    return cell


def _xlsx_cell(sheet, value, *, as_text: bool):
    if value is None:
        return None
    if as_text:
        cell = _text_cell(sheet, value)
        cell.number_format = "@"
        return cell
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None) if value.tzinfo is not None else value
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD/MM/YYYY"
        return cell
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bool | int | float):
        return value
    return _text_cell(sheet, value)


def _text_cell(sheet, value) -> WriteOnlyCell:
    # A plain string cell: openpyxl would otherwise store any text starting with "=" as a formula.
    cell = WriteOnlyCell(sheet, value=safe_text(value))
    cell.data_type = "s"
    return cell
