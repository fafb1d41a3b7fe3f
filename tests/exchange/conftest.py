"""Helpers of the exchange tests: build CSV and XLSX uploads from rows, read downloads back."""

import csv
import io

import openpyxl
import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

HEADERS = [
    "Số định danh cá nhân",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Phân loại",
    "Mã đơn vị",
    "Mã ngạch",
    "Bậc lương",
    "Ngày tuyển dụng",
]


def person(unit_code: str, serial: int, **changes) -> dict:
    """A valid row (Vietnamese headers) for a woman born 12/04/1991 in a unit."""
    row = {
        "Số định danh cá nhân": f"011191{serial:06d}",
        "Họ và tên": f"Lò Thị Hương {serial}",
        "Ngày sinh": "12/04/1991",
        "Giới tính": "Nữ",
        "Phân loại": "CONG_CHUC",
        "Mã đơn vị": unit_code,
        "Mã ngạch": "01.003",
        "Bậc lương": "2",
        "Ngày tuyển dụng": "2020-01-02",
    }
    row.update(changes)
    return row


def _headers(rows: list[dict]) -> list[str]:
    """Every key of the rows, in order of first appearance."""
    return list(dict.fromkeys(key for row in rows for key in row))


def csv_bytes(rows: list[dict], *, headers: list[str] | None = None, separator: str = ",") -> bytes:
    headers = headers or _headers(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers, delimiter=separator)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[dict], *, headers: list[str] | None = None) -> bytes:
    headers = headers or _headers(rows)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "can-bo.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def read_download(response) -> pd.DataFrame:
    """The downloaded CSV or XLSX as text cells, the way an import reads it."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return pd.read_excel(io.BytesIO(content), dtype=str, keep_default_na=False, engine="openpyxl")


@pytest.fixture
def post_import(as_user):
    """post_import(user, content, name=..., dry_run=...) → the response of POST /api/v1/imports/employees/."""

    def _post(user, content: bytes, *, name: str = "can-bo.csv", dry_run: bool = False, url=None):
        return as_user(user).post(
            url or "/api/v1/imports/employees/",
            {"file": upload(content, name), "dry_run": "true" if dry_run else "false"},
            format="multipart",
        )

    return _post


def export_url(url: str, fmt: str) -> str:
    """The route of an export in one format: XLSX at the route, CSV at its `csv/` twin."""
    return url + "csv/" if fmt == "csv" else url
