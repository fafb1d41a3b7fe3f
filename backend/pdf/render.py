"""HTML to PDF with xhtml2pdf, in the shipped Vietnamese-capable fonts, with no outside resources.

Templates should number items themselves rather than use <ul>/<ol>: xhtml2pdf draws list
markers in the base-14 Symbol/Helvetica faces whatever the stylesheet says.

"Page N of M" without a second layout pass: xhtml2pdf's ``<pdf:pagecount>`` lays out and
draws the whole document twice (an evaluation form takes about 30% longer with it), so
templates number their pages with a ``PageLabel`` instead. Each page ends with a reference
to a form XObject of its own, and when the canvas is saved, the number of pages is known
and each of those forms is defined with its text ("Trang 1 / 2"), right-aligned where the
label says. reportlab allows a form to be used before it is defined (``Canvas.doForm``).
"""

import io
from contextvars import ContextVar
from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from xhtml2pdf import document as xhtml2pdf_document
from xhtml2pdf import pisa
from xhtml2pdf.builders.printmarks import MarkedCanvas
from xhtml2pdf.config.resources import ResourceAccessPolicy
from xhtml2pdf.xhtml2pdf_reportlab import PmlBaseDoc

from backend.pdf.fonts import REGULAR, ensure_fonts_registered

# Documents are rendered from the project's own autoescaped templates and need
# nothing from outside: no network, no local files. Every other limit of the
# library's server profile (render time, nesting depth, size) stays on.
_POLICY = ResourceAccessPolicy.server(base_dir=None, allow_remote=False)


class PdfRenderError(RuntimeError):
    """xhtml2pdf reported errors while converting a document."""


@dataclass(frozen=True)
class PageLabel:
    """A line drawn on every page once the number of pages is known, such as "Trang 2 / 3".

    ``text`` is formatted with ``page`` (1, 2 …, counting every page drawn) and ``pages``;
    ``right`` and ``baseline`` are in points from the page's left and bottom edges.
    """

    text: str
    right: float
    baseline: float
    font: str = REGULAR
    size: float = 8
    color: Color = black


_page_label: ContextVar[PageLabel | None] = ContextVar("page_label", default=None)


def _form_name(page: int) -> str:
    return f"PageLabel{page}"


class _PageLabelCanvas(MarkedCanvas):
    """A canvas that ends every page with its label's form, and defines the forms on saving."""

    page_label: PageLabel

    def showPage(self):
        self.saveState()
        self.doForm(_form_name(self._pageNumber))
        self.restoreState()
        super().showPage()

    def save(self):
        if self._code:  # what Canvas.save would do, so that the last page has its label too
            self.showPage()
        label = self.page_label
        pages = self._pageNumber - 1
        for page in range(1, pages + 1):
            self.beginForm(_form_name(page))
            self.setFont(label.font, label.size)
            self.setFillColor(label.color)
            self.drawRightString(label.right, label.baseline, label.text.format(page=page, pages=pages))
            self.endForm()
        super().save()


class _Document(PmlBaseDoc):
    """xhtml2pdf's document, drawing on a labelling canvas while a render asks for a page label."""

    def _makeCanvas(self, filename=None, canvasmaker=None):
        label = _page_label.get()
        if label is None:
            return super()._makeCanvas(filename=filename, canvasmaker=canvasmaker)
        canv = super()._makeCanvas(filename=filename, canvasmaker=_PageLabelCanvas)
        canv.page_label = label
        return canv


# xhtml2pdf builds every document through this one name; the subclass behaves exactly like
# the original unless render_html_to_pdf was given a page label (in this thread or task).
xhtml2pdf_document.PmlBaseDoc = _Document


def render_html_to_pdf(html: str, *, page_label: PageLabel | None = None) -> bytes:
    """Convert an HTML document to PDF bytes; the same HTML and label always give the same bytes."""
    ensure_fonts_registered()
    out = io.BytesIO()
    token = _page_label.set(page_label)
    try:
        result = pisa.pisaDocument(html, dest=out, encoding="utf-8", resource_policy=_POLICY)
    finally:
        _page_label.reset(token)
    if result.err:
        messages = [msg for mode, _line, msg, _frag in result.log if mode == "error"]
        raise PdfRenderError("; ".join(messages) or f"{result.err} error(s) while rendering the PDF")
    return out.getvalue()
