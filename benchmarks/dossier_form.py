"""Mẫu 2C PDFs: how long one form takes to render, with a short and with a long dossier.

Run: python benchmarks/dossier_form.py [--samples 20]
No database is touched: the form's context is built in memory from unsaved rows, as `dossier.pdf_form`
builds it from a person's dossier, so the figure is the layout and drawing alone.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings.local")

import django

django.setup()

from dossier.models import FamilyMember, Qualification  # noqa: E402
from dossier.pdf_form import render_form_2c  # noqa: E402
from hr.models import Assignment, OrgUnit, Position, Rank, SalaryRecord, SalaryStep  # noqa: E402


def context(rows: int) -> dict:
    """A form with `rows` lines in each of its tables (training, work, family on each side, salary)."""
    unit = OrgUnit(name="Phòng Cải cách hành chính – Sở Nội vụ")
    rank, step = Rank(code="01.003", name="Chuyên viên"), SalaryStep(step=4, coefficient=Decimal("3.33"))
    items = [(str(n), f"Mục số {n} của sơ yếu lý lịch", "Lò Thị Hương, bản Hụm, xã Mường Bám") for n in range(1, 27)]
    return {
        "managing_agency": "UBND tỉnh Sơn La",
        "using_agency": "Sở Nội vụ tỉnh Sơn La",
        "dossier_number": "SL-000123",
        "items": items,
        "training": [
            Qualification(
                institution="Trường Đại học Tây Bắc",
                field_of_study="Quản lý nhà nước",
                start_year=2000 + n,
                end_year=2001 + n,
                mode="CHINH_QUY",
                level="Đại học",
            )
            for n in range(rows)
        ],
        "work": [
            Assignment(
                unit=unit,
                position=Position(name="Chuyên viên"),
                start_date=datetime.date(2005 + n, 1, 1),
                end_date=datetime.date(2006 + n, 1, 1),
            )
            for n in range(rows)
        ],
        "history": {},
        "family_self": [
            FamilyMember(relation="CHILD", full_name="Cầm Văn Ướt", birth_year=2000 + n, occupation="Học sinh")
            for n in range(rows)
        ],
        "family_spouse": [
            FamilyMember(relation="SIBLING", full_name="Quàng Thị Ỵ", birth_year=1980 + n, occupation="Làm ruộng")
            for n in range(rows)
        ],
        "salary": [
            SalaryRecord(
                rank=rank, salary_step=step, coefficient=Decimal("3.33"), effective_date=datetime.date(2005 + n, 1, 1)
            )
            for n in range(rows)
        ],
        "full_name": "Lò Thị Hương",
    }


def timed(ctx: dict, samples: int) -> tuple[float, int]:
    render_form_2c(ctx)  # warm-up: fonts registered, templates compiled
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        content = render_form_2c(ctx)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    short_ms, short_size = timed(context(3), args.samples)
    long_ms, long_size = timed(context(25), args.samples)
    print(f"Mẫu 2C, 3 rows per table:  median {short_ms:7.1f} ms, {short_size / 1024:6.1f} KiB")
    print(f"Mẫu 2C, 25 rows per table: median {long_ms:7.1f} ms, {long_size / 1024:6.1f} KiB")
    print(f"long / short: {long_ms / short_ms:.2f}×")


if __name__ == "__main__":
    main()
