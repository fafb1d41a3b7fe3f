"""HTML to PDF with xhtml2pdf, in the shipped Vietnamese-capable fonts, with no outside resources.

Templates should number items themselves rather than use <ul>/<ol>: xhtml2pdf draws list
markers in the base-14 Symbol/Helvetica faces whatever the stylesheet says.

"Page N of M" without a second layout pass: xhtml2pdf's ``<pdf:pagecount>`` lays out and
draws the whole document twice (an evaluation form takes about 30% longer with it), so
templates number their pages with a ``PageLabel`` instead. Each page ends with a reference
to a form XObject of its own, and when the canvas is saved, the number of pages is known
and each of those forms is defined with its text ("Trang 1 / 2"), right-aligned where the
label says. reportlab allows a form to be used before it is defined (``Canvas.doForm``).

Stylesheets parsed once per process: xhtml2pdf parses its default CSS and every ``<style>`` block of
every document again (about 6% of an evaluation form). A block with no at-rule and no custom property
only builds rules, so its parse is kept, keyed by its text, and handed to the next document; a block
with ``@page``, ``@font-face``… acts on the document being built and is parsed for each (templates keep
their ``@page`` in a ``<style>`` of its own for that reason).

Element styles resolved once per process: xhtml2pdf matches every element against the rules (about 10%
of a form), caching the result per document under a key that holds the element's parent node, so the
next form of the same template starts again. When no rule selects by siblings or by content (no ``+``,
``~``, ``:last-child``, ``:empty``…), what an element resolves to depends only on the stylesheets and on
the tags, attributes and positions of the element and its ancestors, so the result is shared between
documents whose stylesheets are the same text, under that path. xhtml2pdf converts one document at a time
in a process (``xhtml2pdf.document._RENDER_LOCK``), so no document reads these while another writes them.
"""

import io
import threading
from contextvars import ContextVar
from dataclasses import dataclass

from reportlab.lib.colors import Color, black
from xhtml2pdf import document as xhtml2pdf_document
from xhtml2pdf import parser as xhtml2pdf_parser
from xhtml2pdf import pisa
from xhtml2pdf.builders.printmarks import MarkedCanvas
from xhtml2pdf.config.resources import ResourceAccessPolicy
from xhtml2pdf.context import pisaContext
from xhtml2pdf.w3c import css as xhtml2pdf_css
from xhtml2pdf.w3c.cssDOMElementInterface import CSSDOMElementInterface
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


# Parsed stylesheets by (text, source name): a handful per template (its text includes the values the
# template wrote into it); bounded all the same, since nothing promises the texts are few.
_PARSED_CSS: dict[tuple[str, str | None], tuple[object, frozenset[str]]] = {}
_PARSED_CSS_LIMIT = 64
_CACHE_LOCK = threading.Lock()


def _css_is_rules_only(text: str) -> bool:
    """Only rulesets: no at-rule (which acts on the document: pages, frames, fonts, imports) and no custom
    property (a ``:root`` one is recorded on the document's CSS builder while parsing)."""
    return "@" not in text and "--" not in text


# Resolved element styles by the stylesheets' texts, then by the element's path (see the module's docstring).
_SHARED_STYLES: dict[tuple, dict[tuple, object]] = {}
_SHARED_STYLES_LIMIT = 16  # stylesheets (templates, each with its few footer sizes)
_SHARED_STYLES_PATHS = 20_000  # element paths per stylesheet


def _selects_by_sibling_or_content(selector) -> bool:
    for qualifier in getattr(selector, "qualifiers", ()):
        if isinstance(qualifier, xhtml2pdf_css.CSSSelectorCombinationQualifier):
            if qualifier.op in ("+", "~") or _selects_by_sibling_or_content(qualifier.selector):
                return True
        elif qualifier.isPseudo():
            if getattr(qualifier, "name", None) in xhtml2pdf_parser.POSITIONAL_PSEUDO_CLASSES:
                return True
            if any(_selects_by_sibling_or_content(argument) for argument in getattr(qualifier, "selectors", ())):
                return True
    return False


def _element_path(node) -> tuple:
    """The tag, attributes and position among element siblings of `node` and of each of its ancestors."""
    path = getattr(node, "_style_path", None)
    if path is None:
        parent = node.parentNode
        above = _element_path(parent) if parent is not None and parent.nodeType == node.ELEMENT_NODE else ()
        own = (node.tagName, tuple(sorted(node.attributes.items())), xhtml2pdf_parser.getElementPosition(node))
        path = node._style_path = (own, above)
    return path


_css_collect = xhtml2pdf_parser.CSSCollect


def _shared_css_collect(node, c):
    """xhtml2pdf's CSSCollect, its cache shared by the documents of the same stylesheets."""
    shared = getattr(c, "shared_styles", None)
    if shared is None or not c.css:
        return _css_collect(node, c)
    key = _element_path(node)
    cached = shared.get(key)
    # Set on every element, not only on a miss as CSSCollect does: a later getCSSAttr for a property the
    # cascade did not resolve asks the element's own, whichever document resolved its path first.
    node.cssElement = CSSDOMElementInterface(node)
    if cached is None:
        # As CSSCollect does on a miss (xhtml2pdf/parser.py), keeping the result before `rem` is resolved.
        node.cssAttrs = xhtml2pdf_parser.CSSAttrs()
        xhtml2pdf_parser.collectCSSAttrs(node, c.cssCascade, xhtml2pdf_parser.PROPERTY_NAMES)
        xhtml2pdf_parser.resolvePendingValues(node, node.cssAttrs, c)
        xhtml2pdf_parser.dropUnreadableFunctions(node.cssAttrs, c.cssDroppedFunctions, c.cssDroppedFunctionSources)
        cached = node.cssAttrs
        if len(shared) < _SHARED_STYLES_PATHS:
            shared[key] = cached
    node.cssAttrs = xhtml2pdf_parser.resolveRootEm(cached, c)
    return node.cssAttrs


# pisaLoop resolves every element through this one name.
xhtml2pdf_parser.CSSCollect = _shared_css_collect


class _Context(pisaContext):
    """xhtml2pdf's context, reusing the parse of a stylesheet made only of rulesets.

    A parsed stylesheet is only read afterwards: the cascade merges the sources into a new ruleset
    (``CSSBuilder.stylesheet`` copies before it updates) and the default CSS is read as it is, its
    selector index built once. What the parse records besides its result (the properties each source
    declares, for xhtml2pdf's warning about the ones it does not implement) is recorded again.
    """

    def _parseCSSSource(self, text, sourceName):
        if not _css_is_rules_only(text):
            return super()._parseCSSSource(text, sourceName)
        key = (text, sourceName)
        cached = _PARSED_CSS.get(key)
        if cached is None:
            before = set(self.cssParser.declaredBySource.get(sourceName, ())) if sourceName else set()
            parsed = super()._parseCSSSource(text, sourceName)
            declared = self.cssParser.declaredBySource.get(sourceName, set()) - before if sourceName else set()
            cached = (parsed, frozenset(declared))
            with _CACHE_LOCK:
                if len(_PARSED_CSS) >= _PARSED_CSS_LIMIT:
                    _PARSED_CSS.pop(next(iter(_PARSED_CSS)))
                _PARSED_CSS.setdefault(key, cached)
            return parsed
        parsed, declared = cached
        if sourceName and declared:
            self.cssParser.declaredBySource.setdefault(sourceName, set()).update(declared)
        return parsed

    def parseCSS(self):
        super().parseCSS()
        self.shared_styles = None
        rulesets = list(self.cssCascade.iterCSSRulesets())
        if any(_selects_by_sibling_or_content(selector) for ruleset in rulesets for selector in ruleset):
            return
        texts = (self.cssDefaultText, *(text for text, _name in self.cssSources))
        with _CACHE_LOCK:
            if texts not in _SHARED_STYLES and len(_SHARED_STYLES) >= _SHARED_STYLES_LIMIT:
                _SHARED_STYLES.pop(next(iter(_SHARED_STYLES)))
            self.shared_styles = _SHARED_STYLES.setdefault(texts, {})


# pisaDocument makes its context through this name, as it makes its document through PmlBaseDoc.
xhtml2pdf_document.pisaContext = _Context


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
