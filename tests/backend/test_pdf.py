"""backend.pdf: HTML to PDF in the shipped Liberation Serif, readable Vietnamese, page labels, reproducible bytes."""

import io
import subprocess
import sys
import threading
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase import pdfmetrics
from xhtml2pdf import default as xhtml2pdf_default
from xhtml2pdf import document as xhtml2pdf_document
from xhtml2pdf import parser as xhtml2pdf_parser
from xhtml2pdf.context import pisaContext

from backend.pdf import PageLabel, render, render_html_to_pdf
from backend.pdf.fonts import (
    BOLD,
    BOLD_ITALIC,
    FONT_DIR,
    FONT_FILES,
    ITALIC,
    LICENSE_FILES,
    REGULAR,
    SYMBOL,
    TEXT_FACES,
    ensure_fonts_registered,
)

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


def text_by_font(data: bytes) -> dict[str, str]:
    """The text each font draws, page content and form XObjects (the page labels) alike."""
    drawn: dict[str, list[str]] = {}

    def visit(text, _cm, _tm, font, _size):
        if text.strip() and font is not None:
            drawn.setdefault(str(font["/BaseFont"]).split("+", 1)[-1], []).append(text)

    for p in reader(data).pages:
        p.extract_text(visitor_text=visit)
    return {name: "".join(parts) for name, parts in drawn.items()}


def assert_only_shipped_fonts(data: bytes) -> None:
    """Every font is an embedded subset of the shipped serif, or of DejaVu Sans for the check boxes alone."""
    fonts = base_fonts(data)
    assert fonts, "the document references no font at all"
    for name in fonts:
        # "/AAAAAA+LiberationSerif-Bold": an embedded subset of a shipped face, nothing else.
        assert "+" in name and name.split("+", 1)[1] in {*TEXT_FACES, SYMBOL}, fonts
        assert not any(base14 in name for base14 in ("Helvetica", "Times", "Courier", "Symbol")), fonts
    symbol_text = "".join(text_by_font(data).get(SYMBOL, "").split())
    assert set(symbol_text) <= {"☐", "☒"}, f"DejaVu Sans drew more than check boxes: {symbol_text!r}"


class FontRegistrationTests:
    def test_font_files_ship_with_the_project_not_the_system(self):
        assert FONT_DIR == ROOT / "backend" / "fonts"
        for path in FONT_FILES.values():
            assert path.is_file()
            assert not str(path).startswith("/usr/share")
        for path in LICENSE_FILES:
            assert path.is_file()
        assert "SIL Open Font License" in (FONT_DIR / "LICENSE-LiberationSerif.txt").read_text()

    def test_the_serif_has_every_vietnamese_letter_in_every_face(self):
        ensure_fonts_registered()
        letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
        letters += letters.upper()
        for face in TEXT_FACES:
            cmap = pdfmetrics.getFont(face).face.charToGlyph
            assert [ch for ch in letters if ord(ch) not in cmap] == [], face
        symbols = pdfmetrics.getFont(SYMBOL).face.charToGlyph
        assert ord("☐") in symbols and ord("☒") in symbols

    def test_registration_is_idempotent_and_maps_bold(self):
        ensure_fonts_registered()
        ensure_fonts_registered()
        for face in (*TEXT_FACES, SYMBOL):
            assert pdfmetrics.getFont(face).fontName == face
        fonts = xhtml2pdf_default.DEFAULT_FONT
        # Body-text families a stylesheet may name all reach the shipped serif.
        for family in ("liberationserif", "helvetica", "arial", "sans-serif", "serif", "times", "times new roman"):
            assert fonts[family] == REGULAR, family
        assert fonts["helvetica-bold"] == fonts["times-bold"] == BOLD
        assert fonts["times-oblique"] == ITALIC
        assert fonts["times-boldoblique"] == BOLD_ITALIC
        assert fonts["dejavusans"] == SYMBOL

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
        expected = sorted([REGULAR, BOLD, ITALIC, BOLD_ITALIC, SYMBOL])
        assert done.stdout.split("\n")[-2] == f"1 4 {expected}", done.stderr


class RenderHtmlToPdfTests:
    @pytest.mark.parametrize("name", NAMES)
    def test_extracted_text_equals_the_vietnamese_input(self, name):
        data = render_html_to_pdf(page(f"<p>{name}</p><p><b>{name}</b></p>"))
        assert data.startswith(b"%PDF-")
        lines = [line.strip() for line in text_of(data).splitlines() if line.strip()]
        assert lines == [name, name]
        assert_only_shipped_fonts(data)

    def test_every_family_bold_italic_and_table_stays_in_the_shipped_serif(self):
        body = (
            '<p style="font-family: Arial">Ướt</p><p style="font-family: serif">Ỵ</p>'
            '<p style="font-family: Times New Roman"><i>Đức</i> <b><i>Thắng</i></b></p>'
            '<p style="font-family: NoSuchFont">Hương</p>'
            "<table><tr><td>Lò</td><td><b>Thị</b></td></tr></table>"
            '<p><span style="font-family: DejaVuSans">☐ ☒</span></p>'
        )
        data = render_html_to_pdf(page(body))
        assert_only_shipped_fonts(data)
        assert base_fonts(data) == {f"/AAAAAA+{face}" for face in (*TEXT_FACES, SYMBOL)}
        drawn = text_by_font(data)
        assert drawn[ITALIC].strip() == "Đức"
        assert drawn[BOLD_ITALIC].strip() == "Thắng"
        assert "".join(drawn[SYMBOL].split()) == "☐☒"
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


class PageLabelTests:
    """ "Trang N / M" drawn once the page count is known, in one layout pass."""

    LABEL = PageLabel(text="Trang {page} / {pages}", right=550, baseline=30)

    def long_document(self, lines: int = 150) -> str:
        return page("".join(f"<p>Dòng {i} – Nguyễn Đức Thắng</p>" for i in range(lines)))

    def test_every_page_says_its_number_and_the_total(self):
        data = render_html_to_pdf(self.long_document(), page_label=self.LABEL)
        pages = reader(data).pages
        assert len(pages) >= 3
        for number, p in enumerate(pages, start=1):
            lines = [line.strip() for line in p.extract_text().splitlines() if line.strip()]
            assert f"Trang {number} / {len(pages)}" in lines
        assert_only_shipped_fonts(data)

    def test_a_one_page_document_is_page_1_of_1(self):
        data = render_html_to_pdf(page("<p>Lò Thị Hương</p>"), page_label=self.LABEL)
        assert "Trang 1 / 1" in text_of(data)

    def test_the_label_is_right_aligned_on_its_baseline(self):
        data = render_html_to_pdf(self.long_document(60), page_label=self.LABEL)
        found = []

        def visit(text, cm, tm, _font, _size):
            if text.startswith("Trang"):
                found.append((cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5], text))

        reader(data).pages[0].extract_text(visitor_text=visit)
        ((x, y, text),) = found
        assert y == pytest.approx(30)
        width = pdfmetrics.stringWidth(text.strip(), REGULAR, 8)
        assert x + width == pytest.approx(550, abs=0.01)

    def test_labelled_renders_are_deterministic_and_one_layout_pass(self, monkeypatch):
        from reportlab.platypus.doctemplate import BaseDocTemplate

        passes = []
        original = BaseDocTemplate.handle_documentBegin

        def counting(doc):
            passes.append(1)
            return original(doc)

        monkeypatch.setattr(BaseDocTemplate, "handle_documentBegin", counting)
        html = self.long_document()
        first = render_html_to_pdf(html, page_label=self.LABEL)
        assert len(passes) == 1, "the page count must not cost a second layout pass"
        assert render_html_to_pdf(html, page_label=self.LABEL) == first

    def test_without_a_label_nothing_is_added(self):
        html = page("<p>Cầm Văn Ướt</p>")
        assert "Trang" not in text_of(render_html_to_pdf(html))
        assert render_html_to_pdf(html) != render_html_to_pdf(html, page_label=self.LABEL)


STYLED = """<html lang="vi"><head><title>Phiếu</title>
<style>@page { size: a4 portrait; margin: 2cm; }</style>
<style>
  p { font-size: 12pt; margin: 0 0 4pt 0; }
  td.num { text-align: center; font-weight: bold; }
  .note p { font-style: italic; color: #333; }
</style></head><body>%s</body></html>"""


def _styled(name: str) -> str:
    rows = "".join(f'<tr><td>{n}</td><td class="num">{n * 7}</td></tr>' for n in range(1, 6))
    return STYLED % f'<p>{name}</p><table>{rows}</table><div class="note"><p>Ghi chú của {name}</p></div>'


@pytest.fixture
def uncached(monkeypatch):
    """Render as xhtml2pdf does on its own: every stylesheet parsed and every element matched per document."""

    def plain():
        monkeypatch.setattr(xhtml2pdf_document, "pisaContext", pisaContext)
        monkeypatch.setattr(xhtml2pdf_parser, "CSSCollect", render._css_collect)

    return plain


class SharedStylesheetTests:
    """Stylesheets parsed, and element styles resolved, once per process: the same bytes as without."""

    def test_the_bytes_are_those_of_xhtml2pdf_alone_whatever_was_rendered_before(self, uncached):
        render._PARSED_CSS.clear()
        render._SHARED_STYLES.clear()
        first = [render_html_to_pdf(_styled(name)) for name in NAMES]
        again = [render_html_to_pdf(_styled(name)) for name in reversed(NAMES)][::-1]
        rules = next(text for text, _name in render._PARSED_CSS if "td.num" in text)
        assert "@page" not in rules and not any("@page" in text for text, _name in render._PARSED_CSS)
        assert len(render._SHARED_STYLES) == 1 and len(next(iter(render._SHARED_STYLES.values()))) > 5
        uncached()
        alone = [render_html_to_pdf(_styled(name)) for name in NAMES]
        assert first == again == alone
        assert len(set(alone)) == len(NAMES)

    def test_a_rule_that_reads_siblings_keeps_styles_per_document(self, uncached):
        html = page(
            "<style>p + p { font-weight: bold; } li:last-child { font-style: italic; }</style>"
            "<p>Lò Thị Hương</p><p>Nguyễn Đức Thắng</p><ul><li>Một</li><li>Hai</li></ul>"
        )
        render._SHARED_STYLES.clear()
        shared = render_html_to_pdf(html)
        assert render._SHARED_STYLES == {}  # the cascade reads siblings: nothing shared
        bold = "".join(text for font, text in text_by_font(shared).items() if font.endswith(BOLD))
        assert "Thắng" in bold and "Hương" not in bold
        uncached()
        assert render_html_to_pdf(html) == shared
