"""The shipped Liberation Serif (text) and DejaVu Sans (check boxes), registered once with reportlab and xhtml2pdf.

Administrative documents are set in Times New Roman (NĐ 30/2020/NĐ-CP, Phụ lục I).
Liberation Serif has the metrics of Times New Roman, every Vietnamese letter, and the
SIL Open Font License, so it ships with the project in its four faces. It has no ballot
boxes (☐ ☒), which the evaluation forms print: those two glyphs come from DejaVu Sans,
asked for by name (``font-family: DejaVuSans``) and used for nothing else.

The base-14 PDF fonts (Helvetica, Times) and reportlab's bundled Vera have no glyphs for
much of Vietnamese (ư, ơ, ạ, ế, ộ …), and an ``@font-face`` whose ``src`` is a file path is
silently ignored by xhtml2pdf. So the TTF files are registered with reportlab directly,
the faces are tied to their family with ``addMapping``, and every family name a
stylesheet may use for body text (the CSS generic families, Helvetica, Arial, Times …) is
pointed at Liberation Serif in xhtml2pdf's font table. A template can therefore not fall
back to a font that draws Vietnamese as empty boxes, whatever family it names.
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

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"
#: The face of the check boxes ☐ ☒, which Liberation Serif lacks.
SYMBOL = "DejaVuSans"
TEXT_FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
FONT_FILES = {
    REGULAR: FONT_DIR / "LiberationSerif-Regular.ttf",
    BOLD: FONT_DIR / "LiberationSerif-Bold.ttf",
    ITALIC: FONT_DIR / "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: FONT_DIR / "LiberationSerif-BoldItalic.ttf",
    SYMBOL: FONT_DIR / "DejaVuSans.ttf",
}
LICENSE_FILES = (FONT_DIR / "LICENSE-LiberationSerif.txt", FONT_DIR / "LICENSE-DejaVu.txt")

# Base-14 faces of xhtml2pdf's font table replaced by the shipped font. Courier,
# Symbol and ZapfDingbats stay: they are asked for by name, for what they are.
_REPLACED_FACES = {
    "Helvetica": REGULAR,
    "Helvetica-Oblique": ITALIC,
    "Helvetica-Bold": BOLD,
    "Helvetica-BoldOblique": BOLD_ITALIC,
    "Times-Roman": REGULAR,
    "Times-Italic": ITALIC,
    "Times-Bold": BOLD,
    "Times-BoldItalic": BOLD_ITALIC,
    # xhtml2pdf's own spellings of the Times obliques.
    "Times-Oblique": ITALIC,
    "Times-BoldOblique": BOLD_ITALIC,
}
_OWN_NAMES = {
    "liberationserif": REGULAR,
    "liberation serif": REGULAR,
    "liberationserif-bold": BOLD,
    "liberationserif-italic": ITALIC,
    "liberationserif-bolditalic": BOLD_ITALIC,
    "dejavusans": SYMBOL,
    "dejavu sans": SYMBOL,
}

_lock = threading.Lock()
_ready = False


def ensure_fonts_registered() -> None:
    """Register the shipped faces and make Liberation Serif xhtml2pdf's default; idempotent and thread-safe."""
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
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        # Only the regular DejaVu face ships: a bold or italic check box keeps it.
        # The upright mapping goes last: each call also records the reverse lookup
        # (face name -> family, bold, italic) that bold-inside-bold resolution reads.
        for bold in (1, 0):
            for italic in (1, 0):
                addMapping(SYMBOL, bold, italic, SYMBOL)
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
