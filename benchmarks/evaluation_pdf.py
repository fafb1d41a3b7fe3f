"""Evaluation-form PDFs: median time for one form, and a batch of 200 forms into one ZIP.

Run: python benchmarks/evaluation_pdf.py [--forms 200] [--samples 30]
No database is touched; the forms are built in memory like the evaluations services build them.
"""

import argparse
import io
import os
import statistics
import sys
import time
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings.local")

import django

django.setup()

from evaluations.pdf_form import (  # noqa: E402
    EvaluationForm,
    FormCriterion,
    render_evaluation_pdf,
    render_forms_zip,
)

FAMILY = ["Lò", "Nguyễn", "Cầm", "Quàng", "Hoàng", "Lường", "Đinh", "Tòng"]
GIVEN = ["Thị Hương", "Đức Thắng", "Văn Ướt", "Thị Ỵ", "Văn Đạt", "Thị Ánh", "Minh Quyết", "Thị Yến"]
RATINGS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def make_form(i: int) -> EvaluationForm:
    """A realistic two-page công chức form: six scored criteria, comments, signatures."""
    name = f"{FAMILY[i % len(FAMILY)]} {GIVEN[(i // len(FAMILY)) % len(GIVEN)]}"
    rows = [
        ("Chính trị tư tưởng, đạo đức, lối sống, ý thức kỷ luật", "10", "9.5", "9", "9"),
        ("Năng lực chuyên môn, nghiệp vụ; tinh thần trách nhiệm", "10", "9", "9", "9"),
        ("Đổi mới, sáng tạo, dám nghĩ, dám làm", "10", "8", "8", "8"),
        ("Số lượng sản phẩm, công việc đã quy đổi", "23.33", "23.33", "22", "22"),
        ("Chất lượng sản phẩm, công việc", "23.33", "21", "20.5", "20"),
        ("Tiến độ hoàn thành", "23.34", "22", "21", "21"),
    ]
    criteria = tuple(FormCriterion(label, *(Decimal(p) for p in points)) for label, *points in rows)
    return EvaluationForm(
        regime="ND335",
        agency_name="Sở Nội vụ tỉnh Sơn La",
        unit_name="Phòng Công chức, viên chức",
        year=2026,
        full_name=name,
        position_title="Chuyên viên chính",
        category_label="CÔNG CHỨC",
        general_score=Decimal("26.5") + i % 3,
        task_score=Decimal("61") + i % 7,
        total_score=Decimal("87.5") + i % 10,
        criteria=criteria,
        self_rating=RATINGS[i % 4],
        final_rating=RATINGS[(i + 1) % 4],
        self_comment="Hoàn thành đầy đủ, đúng tiến độ các nhiệm vụ được giao.\nTích cực tham gia chuyển đổi số.",
        manager_comment="Đồng ý với kết quả tự đánh giá; cần nâng cao chất lượng tham mưu.",
        authority_comment="Có phẩm chất chính trị tốt; một số văn bản tham mưu còn chậm tiến độ.",
        self_signed_on=date(2026, 12, 5),
        decided_on=date(2026, 12, 14),
        decided_by_name="Nguyễn Đức Thắng",
        place_name="Sơn La",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=200, help="forms in the ZIP batch")
    parser.add_argument("--samples", type=int, default=30, help="single renders timed for the median")
    args = parser.parse_args()

    started = time.perf_counter()
    first = render_evaluation_pdf(make_form(0))
    cold = time.perf_counter() - started

    timings = []
    for i in range(args.samples):
        form = make_form(i)
        started = time.perf_counter()
        render_evaluation_pdf(form)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)

    forms = [(f"{i:03d} – {make_form(i).full_name}.pdf", make_form(i)) for i in range(args.forms)]
    started = time.perf_counter()
    archive = render_forms_zip(forms)
    batch = time.perf_counter() - started
    with zipfile.ZipFile(io.BytesIO(archive)) as check:
        assert len(check.namelist()) == args.forms

    expected = median * args.forms
    print(f"first render (font registration included): {cold * 1000:8.1f} ms, {len(first) / 1024:.1f} KiB")
    print(f"one form, median of {args.samples}:            {median * 1000:8.1f} ms")
    print(f"batch of {args.forms} forms into one ZIP:        {batch:8.2f} s  ({args.forms / batch:.1f} forms/s)")
    print(f"ZIP size: {len(archive) / 1024 / 1024:.2f} MiB ({len(archive) / args.forms / 1024:.1f} KiB per form)")
    print(f"batch / (median x {args.forms}):               {batch / expected:8.2f}")


if __name__ == "__main__":
    main()
