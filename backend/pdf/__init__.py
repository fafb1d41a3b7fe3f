"""PDF rendering shared by every app: one call from HTML to bytes, in the shipped Liberation Serif font."""

from backend.pdf.render import PageLabel, PdfRenderError, render_html_to_pdf

__all__ = ["PageLabel", "PdfRenderError", "render_html_to_pdf"]
