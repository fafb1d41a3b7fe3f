"""Reading uploaded CSV/XLSX files into text rows: every cell a string, headers mapped, text in NFC."""

import csv
import datetime
import io
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from backend.api.text import FORBIDDEN_MESSAGE, has_forbidden_characters, without_forbidden_characters
from exchange.errors import HEADER_ROW, RowErrors

# Zip archives (and so XLSX workbooks) start with these bytes.
ZIP_MAGIC = b"PK\x03\x04"
# Blank rows read beyond twice the row cap before a file counts as too long (formatted empty rows).
BLANK_ROW_ALLOWANCE = 10_000


class UnreadableFile(Exception):
    """The upload is neither a CSV nor an XLSX file we can parse; `code` is the error's stable code."""

    def __init__(self, message, *, code: str = "unreadable_file"):
        super().__init__(message)
        self.code = code


# A cell a spreadsheet reads as a formula starts with one of these (OWASP, CSV injection); exports
# put an apostrophe before it, and reading a file takes that apostrophe away again.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def formula_guarded(text: str) -> bool:
    """True when an export must put an apostrophe before `text` (it would read as a formula, or it
    already starts with apostrophes before such a character and must survive the import's removal)."""
    return text.lstrip("'").startswith(FORMULA_TRIGGERS)


def unguard(text: str) -> str:
    """The text an export protected with a leading apostrophe, as it was before."""
    if text.startswith("'") and formula_guarded(text[1:]):
        return text[1:]
    return text


@dataclass(frozen=True)
class Column:
    """One column of an import or export: a key, its canonical Vietnamese header, other accepted headers."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


@dataclass
class Table:
    """The rows of a file as dicts keyed by column key; `numbers` are the spreadsheet row numbers."""

    rows: list[dict[str, str]]
    numbers: list[int]
    headers: dict[str, str] = field(default_factory=dict)  # key -> header as written in the file


def nfc(text: str) -> str:
    """Vietnamese arrives precomposed (NFC) or decomposed (NFD, macOS); we keep NFC."""
    return unicodedata.normalize("NFC", text).strip()


def _header_key(text: str) -> str:
    return " ".join(nfc(text).casefold().replace("_", " ").split())


def _limits() -> tuple[int, int]:
    return settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_BYTES


def _too_many_rows(limit: int) -> UnreadableFile:
    return UnreadableFile(
        _("The file has more than %(limit)s rows; split it into smaller files.") % {"limit": f"{limit:,}"},
        code="too_many_rows",
    )


def _cell_text(value) -> str:
    """A workbook cell as the text a user typed: whole numbers without ".0", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _xlsx_rows(content: bytes) -> Iterator[list[str]]:
    # read_only streams the sheet's XML row by row instead of building every cell in memory.
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_cell_text(value) for value in values]
    finally:
        workbook.close()


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    text = content.decode("utf-8-sig")
    # Excel in a Vietnamese locale writes ";"-separated CSV; sniff the separator from the header line.
    first_line = text.split("\n", 1)[0]
    separator = ";" if first_line.count(";") > first_line.count(",") else ","
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=separator)


def grid_chunks(content: bytes, filename: str, *, chunk_rows: int | None = None) -> Iterator[list[list[str]]]:
    """The header row alone, then the data rows `chunk_rows` at a time (all at once without it), as text.

    At most `IMPORT_MAX_ROWS` non-empty data rows; the file checks and `UnreadableFile` errors are raised
    as the rows are read.
    """
    max_rows, max_bytes = _limits()
    if len(content) > max_bytes:
        raise UnreadableFile(
            _("The file is larger than %(limit)s MB.") % {"limit": f"{max_bytes / 1024 / 1024:g}"},
            code="file_too_large",
        )
    is_xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or content.startswith(ZIP_MAGIC)
    lines = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    try:
        header = next(lines, None)
        if header is None:
            raise UnreadableFile(_("The file could not be read as CSV or XLSX."), code="unreadable_file")
        yield [header]
        rows: list[list[str]] = []
        filled = 0
        # Blank rows cost little but are not free: a sheet of empty rows is bounded too.
        for read, values in enumerate(lines, start=1):
            if any(values):
                filled += 1
            if filled > max_rows or read > 2 * max_rows + BLANK_ROW_ALLOWANCE:
                raise _too_many_rows(max_rows)
            rows.append(values)
            if len(rows) == chunk_rows:
                yield rows
                rows = []
        if rows:
            yield rows
    except UnreadableFile:
        raise
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The CSV file is not UTF-8 encoded."), code="unreadable_file") from exc
    except Exception as exc:  # csv errors; openpyxl raises assorted zip and XML errors on corrupt workbooks
        raise UnreadableFile(_("The file could not be read as CSV or XLSX."), code="unreadable_file") from exc
    finally:
        lines.close()  # a workbook left early (too many rows) is closed now, not when collected


def read_grid(content: bytes, filename: str) -> tuple[list[str], list[list[str]]]:
    """The header row and the data rows as text, at most `IMPORT_MAX_ROWS` non-empty data rows."""
    chunks = grid_chunks(content, filename)
    (header,) = next(chunks)
    return header, next(chunks, [])


def read_table(
    content: bytes, *, filename: str, columns: list[Column], ignored: frozenset[str], errors: RowErrors
) -> Table:
    """Parse `content`, map its headers onto `columns` and normalise every cell; header problems go to `errors`.

    Headers match case- and accent-form-insensitively; `ignored` headers (informative
    columns of our own exports) are skipped; any other unknown header is an error.
    """
    header, grid = read_grid(content, filename)
    mapping, headers = map_headers(header, columns=columns, ignored=ignored, errors=errors)
    rows, numbers = [], []
    # Row 1 is the header, so the first data row is spreadsheet row 2.
    for number, values in enumerate(grid, start=HEADER_ROW + 1):
        row = {key: _cell(values, position) for position, key in mapping.items()}
        if any(row.values()):
            for key, value in row.items():
                if has_forbidden_characters(value):
                    # Refused with its cell, and removed so no later look-up sends it to the database (NUL).
                    errors.add(number, headers[key], FORBIDDEN_MESSAGE)
                    row[key] = without_forbidden_characters(value)
            rows.append(row)
            numbers.append(number)
    return Table(rows=rows, numbers=numbers, headers=headers)


def map_headers(
    header: list[str], *, columns: list[Column], ignored: frozenset[str], errors: RowErrors
) -> tuple[dict[int, str], dict[str, str]]:
    """Which column key each position of the header row holds, and each key's header as written."""
    lookup = {}
    for column in columns:
        for name in (column.header, column.key, *column.aliases):
            lookup[_header_key(name)] = column
    ignored_keys = {_header_key(name) for name in ignored}
    mapping: dict[int, str] = {}  # position in the row -> column key
    headers: dict[str, str] = {}
    for position, raw in enumerate(header):
        written = nfc(raw)
        if not written:
            continue
        column = lookup.get(_header_key(written))
        if column is None:
            if _header_key(written) not in ignored_keys:
                errors.add(HEADER_ROW, written, _("Unknown column."))
            continue
        if column.key in headers:
            errors.add(HEADER_ROW, written, _("The column appears twice."))
            continue
        mapping[position] = column.key
        headers[column.key] = written
    for column in columns:
        if column.required and column.key not in headers:
            errors.add(HEADER_ROW, column.header, _("A required column is missing."))
    return mapping, headers


def _cell(values: list[str], position: int) -> str:
    # Spreadsheets and CSV writers leave trailing empty cells out of a row.
    text = values[position] if position < len(values) else ""
    return unguard(nfc(text)) if text else ""
