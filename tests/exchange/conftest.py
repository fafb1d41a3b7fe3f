"""Helpers of the exchange tests: build CSV and XLSX uploads from rows, read downloads back."""

import csv
import datetime
import io

import openpyxl
import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hr.services.commendations import commendation_create
from hr.services.discipline import discipline_record_create

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


@pytest.fixture
def decisions(org):
    """Two discipline decisions (agencies A and B, the second decided late) and two commendations."""
    common = {
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "effective_date": datetime.date(2025, 10, 2),
        "violation_date": datetime.date(2025, 6, 15),
        "reason": "Chậm giải quyết hồ sơ",
        "severity": "IT_NGHIEM_TRONG",
    }
    discipline_record_create(
        actor=org.admin,
        employee=org.a.staff.employee,
        form="KHIEN_TRACH",
        decision_number="07/QĐ-SNV",
        decision_date=datetime.date(2025, 10, 1),
        **common,
    )
    discipline_record_create(
        actor=org.admin,
        employee=org.b.staff.employee,
        form="CANH_CAO",
        decision_number="08/QĐ-UBND",
        decision_date=datetime.date(2025, 10, 1),
        discovered_on=datetime.date(2025, 6, 20),  # 90 days ran to 18/09/2025: decided late
        **common,
    )
    for recipient in ({"employee": org.a.manager.employee}, {"unit": org.b.room}):
        commendation_create(
            actor=org.admin,
            award="LDTT" if "employee" in recipient else "TT_LDTT",
            year=2025,
            decision_number="12/QĐ-SNV",
            issuing_authority="Giám đốc Sở Nội vụ",
            decision_date=datetime.date(2026, 1, 10),
            **recipient,
        )
