"""Evaluation-form PDFs: one form (with or without a page-count pass and the C accelerator) and batches.

Run: python benchmarks/evaluation_pdf.py [--forms 200] [--samples 30] [--workers 1 2]
No database is touched; the forms are built in memory like the evaluations services build them.

- "one form": ``render_evaluation_pdf`` as the application calls it; "Trang N / M" comes from a
  page label written when the canvas is saved, so the form is laid out once.
- "with <pdf:pagecount>": the same HTML with the page count left to xhtml2pdf, which lays out
  and draws the whole form twice (how the form was numbered before). Timed alternately with
  the first, so both see the same machine.
- "stylesheets per document": the same form rendered the way xhtml2pdf does on its own, every
  stylesheet parsed and every element matched against the rules again for each document
  (before ``backend.pdf.render`` shared them within the process). Timed alternately with the
  first; the bytes are compared too.
- "accelerator": the one-form median in child processes with reportlab's C helpers (rl_accel)
  and with reportlab's pure-Python fallback; the bytes are compared too.
- "batch": a ZIP of --forms forms in this process, then the same renders spread over 1 and 2
  worker processes (rendering only, no job machinery).
"""

import argparse
import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

if "--no-accel" in sys.argv:
    sys.modules["_rl_accel"] = None  # reportlab then uses its pure-Python helpers

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings.local")

import django
import pypdf

django.setup()

from reportlab.lib import rl_accel  # noqa: E402
from xhtml2pdf import document as xhtml2pdf_document  # noqa: E402
from xhtml2pdf import parser as xhtml2pdf_parser  # noqa: E402
from xhtml2pdf.context import pisaContext  # noqa: E402

from backend.pdf import render as pdf_render  # noqa: E402
from backend.pdf import render_html_to_pdf  # noqa: E402
from evaluations.pdf_form import (  # noqa: E402
    EvaluationForm,
    FormCriterion,
    render_evaluation_html,
    render_evaluation_pdf,
    render_forms_zip,
)

FAMILY = ["Lò", "Nguyễn", "Cầm", "Quàng", "Hoàng", "Lường", "Đinh", "Tòng"]
GIVEN = ["Thị Hương", "Đức Thắng", "Văn Ướt", "Thị Ỵ", "Văn Đạt", "Thị Ánh", "Minh Quyết", "Thị Yến"]
RATINGS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
FOOTER_START = '<div id="page-footer"><p>'


def make_form(i: int) -> EvaluationForm:
    """A realistic decided công chức form: six scored criteria, comments, signatures."""
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


def html_with_pagecount(form: EvaluationForm) -> str:
    """The form's HTML numbered by xhtml2pdf itself (<pdf:pagecount>: two layout passes)."""
    html = render_evaluation_html(form)
    assert FOOTER_START in html, "the form's footer changed; update the benchmark"
    return html.replace(FOOTER_START, FOOTER_START + "Trang <pdf:pagenumber> / <pdf:pagecount> – ", 1)


@contextlib.contextmanager
def stylesheets_per_document():
    """Render as xhtml2pdf does alone: its own context and element-style cache, reset for each document."""
    saved = xhtml2pdf_document.pisaContext, xhtml2pdf_parser.CSSCollect
    xhtml2pdf_document.pisaContext, xhtml2pdf_parser.CSSCollect = pisaContext, pdf_render._css_collect
    try:
        yield
    finally:
        xhtml2pdf_document.pisaContext, xhtml2pdf_parser.CSSCollect = saved


def timed(call) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call. On a busy machine the CPU time is the better
    stand-in for the wall time an idle machine would show."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def medians(timings: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Median wall time, median CPU time, and the fastest wall time (what an idle machine gives every time)."""
    return (
        statistics.median(t[0] for t in timings),
        statistics.median(t[1] for t in timings),
        min(t[0] for t in timings),
    )


def ms(figures) -> str:
    wall, cpu, fastest = figures
    return f"median {wall * 1000:6.1f} ms wall / {cpu * 1000:6.1f} ms CPU, fastest {fastest * 1000:6.1f} ms"


def one_form_median(samples: int) -> tuple[tuple[float, float, float], str]:
    """medians() of one form and the SHA-256 of the first, as the application renders it."""
    render_evaluation_pdf(make_form(0))  # font registration, template loading
    timings = [timed(lambda i=i: render_evaluation_pdf(make_form(i))) for i in range(samples)]
    return medians(timings), hashlib.sha256(render_evaluation_pdf(make_form(0))).hexdigest()


def child_median(samples: int, *, accelerated: bool) -> dict:
    args = [sys.executable, __file__, "--child", "--samples", str(samples)]
    if not accelerated:
        args.append("--no-accel")
    done = subprocess.run(args, capture_output=True, text=True, check=True, timeout=600)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _render_one(i: int) -> int:
    return len(render_evaluation_pdf(make_form(i)))


def pool_seconds(forms: int, workers: int) -> float:
    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with context.Pool(workers) as pool:
        pool.map(_render_one, range(workers))  # warm every worker (fonts, templates)
        started = time.perf_counter()
        sizes = pool.map(_render_one, range(forms), chunksize=max(1, forms // (workers * 8)))
        elapsed = time.perf_counter() - started
    assert len(sizes) == forms and all(sizes)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=200, help="forms in the batches")
    parser.add_argument("--samples", type=int, default=30, help="single renders timed for each median")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="process counts for the batch")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-accel", action="store_true", help="time without reportlab's C accelerator")
    args = parser.parse_args()

    if args.child:
        median, digest = one_form_median(args.samples)
        print(json.dumps({"median": median, "sha256": digest, "accelerated": bool(rl_accel._c_funcs)}))
        return

    started = time.perf_counter()
    first = render_evaluation_pdf(make_form(0))
    cold = time.perf_counter() - started
    pages = len(pypdf.PdfReader(io.BytesIO(first)).pages)

    labelled, counted, alone = [], [], []
    same_bytes = True
    for i in range(args.samples):
        form = make_form(i)
        html = html_with_pagecount(form)
        labelled.append(timed(lambda form=form: render_evaluation_pdf(form)))
        counted.append(timed(lambda html=html: render_html_to_pdf(html)))
        with stylesheets_per_document():
            alone.append(timed(lambda form=form: render_evaluation_pdf(form)))
            before = render_evaluation_pdf(form)
        same_bytes = same_bytes and before == render_evaluation_pdf(form)
    one = medians(labelled)
    two = medians(counted)
    per_document = medians(alone)

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"first render (font registration included):    {cold * 1000:6.1f} ms, {len(first) / 1024:.1f} KiB")
    print(f"one form, {args.samples} renders (one layout pass):   {ms(one)}   <- the figure of record")
    print(f"same form with <pdf:pagecount> (two passes): {ms(two)}   ({two[2] / one[2]:.2f}x fastest)")
    print(
        f"stylesheets per document (xhtml2pdf alone):  {ms(per_document)}   "
        f"({(1 - one[1] / per_document[1]) * 100:.0f}% of the CPU saved by sharing them; "
        f"same bytes: {'yes' if same_bytes else 'NO'})"
    )
    print(f"C accelerator in this process: {'yes' if rl_accel._c_funcs else 'no (pip install rl_accel)'}")

    runs = {True: [], False: []}
    for _round in range(3):  # alternated, so that both see the same machine
        for accelerated in (True, False):
            runs[accelerated].append(child_median(args.samples, accelerated=accelerated))
    with_c = [tuple(run["median"]) for run in runs[True] if run["accelerated"]]
    without_c = [tuple(run["median"]) for run in runs[False]]
    digests = {run["sha256"] for run in runs[True] + runs[False]}
    best_without = min(without_c, key=lambda figures: figures[2])
    if with_c:
        best_with = min(with_c, key=lambda figures: figures[2])
        print(f"one form, child process, with rl_accel:       {ms(best_with)}   (best of 3 runs)")
        print(
            f"one form, child process, without rl_accel:    {ms(best_without)}   "
            f"({(1 - best_with[2] / best_without[2]) * 100:.0f}% of the fastest saved by the accelerator)"
        )
    else:
        print(f"one form without the accelerator (child):     {ms(best_without)}; rl_accel is not installed")
    print(f"same bytes with and without the accelerator:  {'yes' if len(digests) == 1 else 'NO: ' + str(digests)}")

    forms = [(f"{i:03d} – {make_form(i).full_name}.pdf", make_form(i)) for i in range(args.forms)]
    started = time.perf_counter()
    archive = render_forms_zip(forms)
    batch = time.perf_counter() - started
    with zipfile.ZipFile(io.BytesIO(archive)) as check:
        assert len(check.namelist()) == args.forms
    print(f"pages per form: {pages}")
    print(f"batch of {args.forms} forms into one ZIP (1 process): {batch:8.2f} s  ({args.forms / batch:.1f} forms/s)")
    print(f"ZIP size: {len(archive) / 1024 / 1024:.2f} MiB ({len(archive) / args.forms / 1024:.1f} KiB per form)")
    base = None
    for workers in args.workers:
        seconds = pool_seconds(args.forms, workers)
        base = base or seconds
        print(
            f"{args.forms} forms over {workers} worker process(es): {seconds:8.2f} s  "
            f"({args.forms / seconds:.1f} forms/s, {base / seconds:.2f}x)"
        )


if __name__ == "__main__":
    main()
