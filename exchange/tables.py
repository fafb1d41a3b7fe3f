"""Reading uploaded CSV/XLSX files into text rows: every cell a string, headers mapped, text in NFC."""

import csv
import io
import unicodedata
from dataclasses import dataclass, field

import pandas as pd
from django.utils.translation import gettext as _

from exchange.errors import HEADER_ROW, RowErrors

# Zip archives (and so XLSX workbooks) start with these bytes.
ZIP_MAGIC = b"PK\x03\x04"


class UnreadableFile(Exception):
    """The upload is neither a CSV nor an XLSX file we can parse."""


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


def _read_frame(content: bytes, filename: str) -> pd.DataFrame:
    is_xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or content.startswith(ZIP_MAGIC)
    try:
        if is_xlsx:
            return pd.read_excel(io.BytesIO(content), dtype=str, keep_default_na=False, engine="openpyxl")
        text = content.decode("utf-8-sig")
        # Excel in a Vietnamese locale writes ";"-separated CSV; sniff the separator from the header line.
        first_line = text.split("\n", 1)[0]
        separator = ";" if first_line.count(";") > first_line.count(",") else ","
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=separator)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(_("The CSV file is not UTF-8 encoded.")) from exc
    except (ValueError, KeyError, OSError, csv.Error, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise UnreadableFile(_("The file could not be read as CSV or XLSX.")) from exc
    except Exception as exc:  # openpyxl raises assorted zip and XML errors on corrupt workbooks
        raise UnreadableFile(_("The file could not be read as CSV or XLSX.")) from exc


def read_table(
    content: bytes, *, filename: str, columns: list[Column], ignored: frozenset[str], errors: RowErrors
) -> Table:
    """Parse `content`, map its headers onto `columns` and normalise every cell; header problems go to `errors`.

    Headers match case- and accent-form-insensitively; `ignored` headers (informative
    columns of our own exports) are skipped; any other unknown header is an error.
    """
    frame = _read_frame(content, filename)
    lookup = {}
    for column in columns:
        for name in (column.header, column.key, *column.aliases):
            lookup[_header_key(name)] = column
    ignored_keys = {_header_key(name) for name in ignored}
    mapping: dict[str, str] = {}
    headers: dict[str, str] = {}
    for raw in frame.columns:
        written = nfc(str(raw))
        column = lookup.get(_header_key(written))
        if column is None:
            if _header_key(written) not in ignored_keys and not written.startswith("Unnamed:"):
                errors.add(HEADER_ROW, written, _("Unknown column."))
            continue
        if column.key in headers:
            errors.add(HEADER_ROW, written, _("The column appears twice."))
            continue
        mapping[raw] = column.key
        headers[column.key] = written
    for column in columns:
        if column.required and column.key not in headers:
            errors.add(HEADER_ROW, column.header, _("A required column is missing."))
    rows, numbers = [], []
    selected = frame[list(mapping)]
    # Row 1 is the header, so the first data row is spreadsheet row 2.
    for number, values in enumerate(selected.itertuples(index=False, name=None), start=HEADER_ROW + 1):
        row = {mapping[raw]: nfc(value) if value else "" for raw, value in zip(mapping, values, strict=True)}
        if any(row.values()):
            rows.append(row)
            numbers.append(number)
    return Table(rows=rows, numbers=numbers, headers=headers)
