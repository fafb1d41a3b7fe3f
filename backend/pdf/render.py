"""HTML to PDF with xhtml2pdf, in the shipped Vietnamese-capable font, with no outside resources.

Templates should number items themselves rather than use <ul>/<ol>: xhtml2pdf draws list
markers in the base-14 Symbol/Helvetica faces whatever the stylesheet says.
"""

import io

from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from backend.pdf.fonts import ensure_fonts_registered

# Documents are rendered from the project's own autoescaped templates and need
# nothing from outside: no network, no local files. Every other limit of the
# library's server profile (render time, nesting depth, size) stays on.
_POLICY = ResourceAccessPolicy.server(base_dir=None, allow_remote=False)


class PdfRenderError(RuntimeError):
    """xhtml2pdf reported errors while converting a document."""


def render_html_to_pdf(html: str) -> bytes:
    """Convert an HTML document to PDF bytes; the same HTML always gives the same bytes."""
    ensure_fonts_registered()
    out = io.BytesIO()
    result = pisa.pisaDocument(html, dest=out, encoding="utf-8", resource_policy=_POLICY)
    if result.err:
        messages = [msg for mode, _line, msg, _frag in result.log if mode == "error"]
        raise PdfRenderError("; ".join(messages) or f"{result.err} error(s) while rendering the PDF")
    return out.getvalue()
