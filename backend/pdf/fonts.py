"""The shipped DejaVu Sans font, registered once with reportlab and xhtml2pdf.

The base-14 PDF fonts (Helvetica, Times) and reportlab's bundled Vera have no
glyphs for much of Vietnamese (ư, ơ, ạ, ế, ộ …), and an ``@font-face`` whose
``src`` is a file path is silently ignored by xhtml2pdf. So the TTF files that
ship with the project are registered with reportlab directly, bold is tied to
the family with ``addMapping``, and every family name a stylesheet may use for
body text (the CSS generic families, Helvetica, Arial, Times …) is pointed at
DejaVu Sans in xhtml2pdf's font table. A template can therefore not fall back
to a font that draws Vietnamese as empty boxes, whatever family it names.
"""

import threading
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import tables
from xhtml2pdf import default as xhtml2pdf_default

#: Resolved from this package, never from /usr/share: a fresh server may have no system fonts.
FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_FILES = {REGULAR: FONT_DIR / "DejaVuSans.ttf", BOLD: FONT_DIR / "DejaVuSans-Bold.ttf"}

# Base-14 faces of xhtml2pdf's font table replaced by the shipped font. Courier,
# Symbol and ZapfDingbats stay: they are asked for by name, for what they are.
_REPLACED_FACES = {
    "Helvetica": REGULAR,
    "Helvetica-Oblique": REGULAR,
    "Helvetica-Bold": BOLD,
    "Helvetica-BoldOblique": BOLD,
    "Times-Roman": REGULAR,
    "Times-Italic": REGULAR,
    "Times-Bold": BOLD,
    "Times-BoldItalic": BOLD,
}
_OWN_NAMES = {"dejavusans": REGULAR, "dejavu sans": REGULAR, "dejavusans-bold": BOLD, "dejavu sans bold": BOLD}

_lock = threading.Lock()
_ready = False


def ensure_fonts_registered() -> None:
    """Register DejaVu Sans (regular and bold) and make it xhtml2pdf's default; idempotent and thread-safe."""
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        missing = [str(path) for path in FONT_FILES.values() if not path.is_file()]
        if missing:
            raise FileNotFoundError(f"Shipped PDF fonts are missing: {', '.join(missing)}")
        for name, path in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # No oblique face is shipped: italic text keeps the upright glyphs rather than
        # falling back to Helvetica-Oblique, which has no Vietnamese. The upright
        # mappings go last because each also records the reverse lookup (face name ->
        # family, bold, italic) that bold-inside-bold resolution reads.
        addMapping(FAMILY, 0, 1, REGULAR)
        addMapping(FAMILY, 1, 1, BOLD)
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        fonts = xhtml2pdf_default.DEFAULT_FONT
        for key, face in list(fonts.items()):
            if face in _REPLACED_FACES:
                fonts[key] = _REPLACED_FACES[face]
        fonts.update(_OWN_NAMES)
        # Same bytes for the same document: no wall-clock creation date, no random
        # document ID. Decided evaluation forms are stored with a SHA-256 that a
        # later re-render must reproduce.
        rl_config.invariant = 1
        # A canvas selects its initial font in every page's preamble; with the
        # default (Helvetica) that adds an unused base-14 font to each page.
        rl_config.canvas_basefontname = REGULAR
        # Likewise every table cell sets its style's font before drawing the cell's
        # paragraphs; xhtml2pdf never gives that style a font of its own.
        tables.CellStyle.fontname = REGULAR
        _ready = True
