"""PDF rendering shared by every app: one call from HTML to bytes, in the shipped DejaVu Sans font."""

from backend.pdf.render import PdfRenderError, render_html_to_pdf

__all__ = ["PdfRenderError", "render_html_to_pdf"]
