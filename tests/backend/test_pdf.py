"""backend.pdf: HTML to PDF in the shipped DejaVu Sans, readable Vietnamese, same bytes for the same HTML."""

import io
import subprocess
import sys
import threading
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics
from xhtml2pdf import default as xhtml2pdf_default

from backend.pdf import render_html_to_pdf
from backend.pdf.fonts import BOLD, FONT_DIR, FONT_FILES, REGULAR, ensure_fonts_registered

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["Lò Thị Hương", "Nguyễn Đức Thắng", "Cầm Văn Ướt", "Quàng Thị Ỵ"]


def page(body: str, title: str = "Thử nghiệm") -> str:
    return f'<html lang="vi"><head><title>{title}</title></head><body>{body}</body></html>'


def reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in reader(data).pages)


def base_fonts(data: bytes) -> set[str]:
    """Every /BaseFont a page of the document references, nested form XObjects included."""
    found: set[str] = set()

    def walk(resources):
        if resources is None:
            return
        resources = resources.get_object()
        for font in resources.get("/Font", {}).values():
            found.add(str(font.get_object()["/BaseFont"]))
        for xobject in resources.get("/XObject", {}).values():
            walk(xobject.get_object().get("/Resources"))

    for p in reader(data).pages:
        walk(p.get("/Resources"))
    return found


def assert_only_dejavu(data: bytes) -> None:
    fonts = base_fonts(data)
    assert fonts, "the document references no font at all"
    for name in fonts:
        # "/AAAAAA+DejaVuSans": an embedded subset of the shipped font, nothing else.
        assert "+" in name and name.split("+", 1)[1] in {REGULAR, BOLD}, fonts
        assert not any(base14 in name for base14 in ("Helvetica", "Times", "Courier", "Symbol")), fonts


class FontRegistrationTests:
    def test_font_files_ship_with_the_project_not_the_system(self):
        assert FONT_DIR == ROOT / "backend" / "fonts"
        for path in FONT_FILES.values():
            assert path.is_file()
            assert not str(path).startswith("/usr/share")
        assert (FONT_DIR / "LICENSE-DejaVu.txt").is_file()

    def test_registration_is_idempotent_and_maps_bold(self):
        ensure_fonts_registered()
        ensure_fonts_registered()
        assert pdfmetrics.getFont(REGULAR).fontName == REGULAR
        assert pdfmetrics.getFont(BOLD).fontName == BOLD
        fonts = xhtml2pdf_default.DEFAULT_FONT
        # Body-text families a stylesheet may name all reach the shipped font.
        for family in ("dejavusans", "helvetica", "arial", "sans-serif", "serif", "times", "times new roman"):
            assert fonts[family] == REGULAR, family
        assert fonts["helvetica-bold"] == BOLD

    def test_concurrent_first_use_registers_once_and_renders_identically(self):
        """A fresh process with several threads rendering at once: no double registration, same bytes."""
        script = f"""
import hashlib, os, sys, threading
sys.path.insert(0, {str(ROOT)!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "backend.settings.test"
import django
django.setup()
from reportlab.pdfbase import pdfmetrics
calls = []
original = pdfmetrics.registerFont
def counting(font):
    calls.append(font.fontName)
    return original(font)
pdfmetrics.registerFont = counting
from backend.pdf import render_html_to_pdf
html = "<html><body><p>Cầm Văn Ướt <b>Quàng Thị Ỵ</b></p></body></html>"
results = []
barrier = threading.Barrier(4)
def work():
    barrier.wait()
    results.append(hashlib.sha256(render_html_to_pdf(html)).hexdigest())
threads = [threading.Thread(target=work) for _ in range(4)]
[t.start() for t in threads]
[t.join() for t in threads]
print(len(set(results)), len(results), sorted(calls))
"""
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
        assert done.stdout.split("\n")[-2] == "1 4 ['DejaVuSans', 'DejaVuSans-Bold']", done.stderr


class RenderHtmlToPdfTests:
    @pytest.mark.parametrize("name", NAMES)
    def test_extracted_text_equals_the_vietnamese_input(self, name):
        data = render_html_to_pdf(page(f"<p>{name}</p><p><b>{name}</b></p>"))
        assert data.startswith(b"%PDF-")
        lines = [line.strip() for line in text_of(data).splitlines() if line.strip()]
        assert lines == [name, name]
        assert_only_dejavu(data)

    def test_every_family_bold_italic_and_table_stays_in_dejavu(self):
        body = (
            '<p style="font-family: Arial">Ướt</p><p style="font-family: serif">Ỵ</p>'
            '<p style="font-family: Times New Roman"><i>Đức</i> <b><i>Thắng</i></b></p>'
            '<p style="font-family: NoSuchFont">Hương</p>'
            "<table><tr><td>Lò</td><td><b>Thị</b></td></tr></table><p>☐ ☒</p>"
        )
        data = render_html_to_pdf(page(body))
        assert_only_dejavu(data)
        assert base_fonts(data) == {"/AAAAAA+DejaVuSans", "/AAAAAA+DejaVuSans-Bold"}
        text = text_of(data)
        for word in ("Ướt", "Ỵ", "Đức", "Thắng", "Hương", "Lò", "Thị", "☐ ☒"):
            assert word in text

    def test_the_same_html_gives_the_same_bytes(self):
        html = page("<p>Nguyễn Đức Thắng</p>", title="Phiếu – Nguyễn Đức Thắng")
        assert render_html_to_pdf(html) == render_html_to_pdf(html)

    def test_the_same_html_gives_the_same_bytes_in_another_process(self):
        html = page("<p>Nguyễn Đức Thắng <b>Lò Thị Hương</b></p>")
        script = (
            f"import os, sys; sys.path.insert(0, {str(ROOT)!r}); "
            "os.environ['DJANGO_SETTINGS_MODULE'] = 'backend.settings.test'; "
            "import django; django.setup(); from backend.pdf import render_html_to_pdf; "
            f"sys.stdout.buffer.write(render_html_to_pdf({html!r}))"
        )
        other = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120, check=True).stdout
        assert other == render_html_to_pdf(html)

    def test_metadata_has_no_wall_clock_date_and_keeps_the_vietnamese_title(self):
        info = reader(render_html_to_pdf(page("<p>x</p>", title="Phiếu – Quàng Thị Ỵ"))).metadata
        assert info["/Title"] == "Phiếu – Quàng Thị Ỵ"
        assert info["/CreationDate"] == info["/ModDate"] == "D:20000101000000+00'00'"

    def test_outside_resources_are_never_fetched(self, tmp_path):
        secret = tmp_path / "secret.txt"
        secret.write_text("do-not-embed")
        body = f'<p>Lò</p><img src="{secret}"><img src="http://127.0.0.1:9/x.png"><img src="file://{secret}">'
        data = render_html_to_pdf(page(body))
        assert "do-not-embed" not in text_of(data)
        assert all("/XObject" not in p["/Resources"] for p in reader(data).pages)

    def test_renders_from_several_threads_do_not_mix_fonts(self):
        html = {name: page(f"<p>{name}</p>") for name in NAMES}
        expected = {name: render_html_to_pdf(doc) for name, doc in html.items()}
        got: dict[str, bytes] = {}

        def work(name):
            got[name] = render_html_to_pdf(html[name])

        threads = [threading.Thread(target=work, args=(name,)) for name in NAMES]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert got == expected
