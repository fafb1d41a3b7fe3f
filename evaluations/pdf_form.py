"""The printed evaluation form (Phiếu xếp loại / đánh giá chất lượng) as PDF, one form or a ZIP of many.

Layouts follow DOMAIN.md §1.6: the scored form of NĐ 335/2025 (công chức) and
NĐ 233/2026 (viên chức, Phụ lục II), and Mẫu 01–03 of NĐ 90/2020 for years
rated under the old regime. The wording is the decree's own, so the form is
always Vietnamese whatever language the request asked for.
"""

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation

from backend.pdf import PageLabel, render_html_to_pdf
from hr.models import RatingLevel

REGIME_ND335 = "ND335"
REGIME_ND233 = "ND233"
REGIME_ND90 = "ND90"

CATEGORY_LABELS = ("CÔNG CHỨC", "VIÊN CHỨC", "CÁN BỘ")


@dataclass(frozen=True)
class _Regime:
    """What differs between the printed forms of the decrees."""

    template: str
    title: str  # "{category}" is replaced by the category label
    form_reference: dict[str, str]  # per category label; "" prints nothing
    handling_footnote: str


_REGIMES = {
    REGIME_ND335: _Regime(
        template="evaluations/pdf/form_scored.html",
        title="PHIẾU XẾP LOẠI CHẤT LƯỢNG {category}",
        # The form number of NĐ 335 Phụ lục II is not confirmed (DOMAIN.md §1.6): none is printed.
        form_reference={},
        handling_footnote="Đề xuất phương án xử lý theo quy định của Nghị định số 335/2025/NĐ-CP.",
    ),
    REGIME_ND233: _Regime(
        template="evaluations/pdf/form_scored.html",
        title="PHIẾU XẾP LOẠI CHẤT LƯỢNG {category}",
        form_reference={"VIÊN CHỨC": "Phụ lục II – Nghị định số 233/2026/NĐ-CP"},
        handling_footnote="Đề xuất phương án xử lý theo quy định tại Điều 16 Nghị định số 233/2026/NĐ-CP.",
    ),
    REGIME_ND90: _Regime(
        template="evaluations/pdf/form_nd90.html",
        title="PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG {category}",
        form_reference={
            "CÁN BỘ": "Mẫu số 01 – Nghị định số 90/2020/NĐ-CP",
            "CÔNG CHỨC": "Mẫu số 02 – Nghị định số 90/2020/NĐ-CP",
            "VIÊN CHỨC": "Mẫu số 03 – Nghị định số 90/2020/NĐ-CP",
        },
        handling_footnote="",
    ),
}

# The aspects Mẫu 01–03 of NĐ 90/2020 print under "I. Kết quả tự đánh giá" when no criteria are given.
_ND90_ITEMS = (
    "Chính trị tư tưởng",
    "Đạo đức, lối sống",
    "Tác phong, lề lối làm việc",
    "Ý thức tổ chức kỷ luật",
    "Kết quả thực hiện chức trách, nhiệm vụ được giao",
    "Thái độ phục vụ nhân dân, doanh nghiệp (đối với những vị trí tiếp xúc trực tiếp hoặc trực tiếp "
    "giải quyết công việc của người dân và doanh nghiệp)",
)
_ND90_LEADER_ITEMS = (
    "Kết quả hoạt động của cơ quan, tổ chức, đơn vị được giao lãnh đạo, quản lý, phụ trách",
    "Năng lực lãnh đạo, quản lý",
    "Năng lực tập hợp, đoàn kết",
)

_BLANK = "……"
# One text line of dots for a comment left blank, to be written by hand (39 × 12 pt fits the 16.5 cm body).
_DOTTED_LINE = "…" * 39
_CHECKED = "☒"
_UNCHECKED = "☐"


@dataclass(frozen=True)
class FormCriterion:
    """One row of the criteria table: its maximum and the points of each reviewer."""

    label: str
    max_points: Decimal | None
    self_points: Decimal | None
    manager_points: Decimal | None
    final_points: Decimal | None


@dataclass(frozen=True)
class EvaluationForm:
    """Everything printed on one evaluation form; built by the evaluations services from a stored evaluation."""

    regime: str
    agency_name: str
    unit_name: str
    year: int
    full_name: str
    position_title: str
    category_label: str
    general_score: Decimal | None
    task_score: Decimal | None
    total_score: Decimal | None
    criteria: tuple[FormCriterion, ...] = ()
    self_rating: str | None = None
    final_rating: str | None = None
    self_comment: str = ""
    manager_comment: str = ""
    authority_comment: str = ""
    handling_proposal: str = ""
    self_signed_on: date | None = None
    decided_on: date | None = None
    decided_by_name: str = ""
    # The competent person's post ("Giám đốc sở"), printed above their name; "" prints no line.
    authority_title: str = ""
    version: int = 1
    amended_from_version: int | None = None
    # Địa danh of the date lines ("Sơn La, ngày … tháng … năm …"); dots when not given.
    place_name: str = ""

    @property
    def is_decided(self) -> bool:
        """Whether the competent authority decided this version; any other form is a draft (DỰ THẢO)."""
        return self.decided_on is not None

    def __post_init__(self):
        if self.regime not in _REGIMES:
            raise ValueError(f"Unknown evaluation regime {self.regime!r}; expected one of {sorted(_REGIMES)}")
        if self.category_label not in CATEGORY_LABELS:
            raise ValueError(f"Unknown category label {self.category_label!r}; expected one of {CATEGORY_LABELS}")
        for name in ("self_rating", "final_rating"):
            value = getattr(self, name)
            if value is not None and value not in RatingLevel.values:
                raise ValueError(f"{name} {value!r} is not a rating level; expected one of {RatingLevel.values}")
        if self.version < 1:
            raise ValueError(f"version must be at least 1, got {self.version}")
        if self.amended_from_version is not None and not 1 <= self.amended_from_version < self.version:
            raise ValueError(
                f"amended_from_version {self.amended_from_version} must be an earlier version than {self.version}"
            )
        if not isinstance(self.criteria, tuple):
            raise ValueError("criteria must be a tuple of FormCriterion, so that the form stays immutable")


def format_points(value: Decimal | None) -> str:
    """Points the Vietnamese way: decimal comma, no trailing zeros ("27,5", "30"); dots when unknown."""
    if value is None:
        return _BLANK
    text = format(Decimal(value).normalize(), "f")
    return text.replace(".", ",")


def format_date_line(place: str | None, day: date | None) -> str:
    """A signature block's date line: "Sơn La, ngày 05 tháng 02 năm 2026", or "Ngày …" when place is None.

    NĐ 30/2020 writes a zero before days 1–9 and before months 1 and 2; unknown parts are dots to fill in by hand.
    """
    if day is None:
        when = f"ngày {_BLANK} tháng {_BLANK} năm {_BLANK}"
    else:
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        when = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    if place is None:
        return when[0].upper() + when[1:]
    return f"{place or _BLANK}, {when}"


def _rating_boxes(selected: str | None) -> list[dict[str, str]]:
    with translation.override("vi"):
        return [
            {"mark": _CHECKED if level.value == selected else _UNCHECKED, "label": str(level.label)}
            for level in RatingLevel
        ]


def authority_points(criterion: FormCriterion, *, decided: bool) -> Decimal | None:
    """The points in the competent authority's column.

    A decided form's total counts, for each criterion, the latest reviewer's points (the
    authority's own, else the manager's, else the person's: ``CriterionScore.effective_points``),
    so the authority's column shows what it adopted. Before the decision it shows only
    points the authority actually gave.
    """
    if not decided:
        return criterion.final_points
    for value in (criterion.final_points, criterion.manager_points, criterion.self_points):
        if value is not None:
            return value
    return None


def _criteria_rows(criteria: tuple[FormCriterion, ...], *, decided: bool) -> list[dict[str, str]]:
    def cell(value: Decimal | None) -> str:
        return "" if value is None else format_points(value)

    return [
        {
            "number": str(number),
            "label": criterion.label,
            "max": cell(criterion.max_points),
            "self": cell(criterion.self_points),
            "manager": cell(criterion.manager_points),
            "final": cell(authority_points(criterion, decided=decided)),
        }
        for number, criterion in enumerate(criteria, start=1)
    ]


def _has_points(criteria: tuple[FormCriterion, ...]) -> bool:
    return any(
        value is not None for c in criteria for value in (c.max_points, c.self_points, c.manager_points, c.final_points)
    )


def _version_note(form: EvaluationForm) -> str:
    if form.amended_from_version is not None:
        return f"Phiên bản {form.version} – Phiếu điều chỉnh, thay thế phiên bản {form.amended_from_version}"
    return f"Phiên bản {form.version}"


# Separators between a unit's own name and the agency's in a unit name ("Văn phòng – Sở Nội vụ").
_NAME_SEPARATOR = re.compile(r"\s+[–—-]\s+|\s*,\s+")


def _names_agency(part: str, agency: str) -> bool:
    """Whether `part` of a unit name is the agency's name, or its head ("Sở Nội vụ" of "Sở Nội vụ tỉnh Sơn La")."""
    part, agency = part.casefold(), agency.casefold()
    return bool(part) and (part == agency or agency.startswith(part + " "))


def unit_own_name(unit: str, agency: str) -> str:
    """The unit's name without the agency's: "Phòng Cải cách hành chính – Sở Nội vụ" gives "Phòng Cải cách hành chính".

    The agency is printed on its own header line, so the unit's line must not name it again.
    A unit that is the agency itself, or whose name is only the agency's, gives "".
    """
    unit, agency = unit.strip(), agency.strip()
    if not agency or _names_agency(unit, agency):
        return "" if agency and unit else unit
    pieces = _NAME_SEPARATOR.split(unit)
    if len(pieces) > 1 and _names_agency(pieces[-1], agency):
        return unit[: unit.casefold().rindex(pieces[-1].casefold())].rstrip(" –—-,")
    if len(pieces) > 1 and _names_agency(pieces[0], agency):
        return unit[len(pieces[0]) :].lstrip(" –—-,")
    return unit


#: Where the footer and its "Trang N / M" go: in the bottom margin, the label on the footer's baseline.
#: Strings, so that the Vietnamese locale does not print them with a decimal comma into the CSS.
FOOTER_LAYOUT = {"footer_bottom_cm": "0.8", "footer_height_cm": "0.8", "footer_size": "9"}
_PAGE_LABEL = PageLabel(
    text="Trang {page} / {pages}",
    right=(21.0 - 1.5) / 2.54 * 72,  # A4 width less the 1.5 cm right margin
    baseline=39.1,  # the baseline xhtml2pdf gives the footer's first line (checked by a test)
    size=float(FOOTER_LAYOUT["footer_size"]),
)


def _context(form: EvaluationForm) -> dict:
    regime = _REGIMES[form.regime]
    category = form.category_label
    agency = form.agency_name.strip()
    unit = form.unit_name.strip()
    own_unit = unit_own_name(unit, agency)
    title = regime.title.format(category=category)
    version_note = _version_note(form)
    footer = f"{form.full_name} – {title.lower().capitalize()} năm {form.year} – {version_note}"
    if not form.is_decided:
        footer += " – Dự thảo"
    return {
        "form": form,
        "category": category,
        "title": title,
        "document_title": f"{title} năm {form.year} – {form.full_name}",
        "form_reference": regime.form_reference.get(category, ""),
        "is_draft": not form.is_decided,
        # NĐ 30/2020 header: the parent body above in regular capitals, the unit below in bold,
        # each named once.
        "header_parent": agency.upper() if own_unit and agency else "",
        "header_unit": (own_unit or agency or unit).upper(),
        "unit_line": f"{own_unit}, {agency}" if own_unit and agency else own_unit or agency or unit,
        "footer_text": footer,
        "layout": FOOTER_LAYOUT,
        "general_score": format_points(form.general_score),
        "task_score": format_points(form.task_score),
        "total_score": format_points(form.total_score),
        "criteria_rows": _criteria_rows(form.criteria, decided=form.is_decided),
        "criteria_have_points": _has_points(form.criteria),
        "nd90_items": _ND90_ITEMS,
        "nd90_leader_items": _ND90_LEADER_ITEMS,
        "self_boxes": _rating_boxes(form.self_rating),
        "final_boxes": _rating_boxes(form.final_rating),
        "self_date_line": format_date_line(form.place_name, form.self_signed_on),
        "decided_date_line": format_date_line(form.place_name, form.decided_on),
        # Phụ lục II of NĐ 233 dates the authority's block without a place name.
        "authority_date_line": format_date_line(None, form.decided_on),
        "handling_footnote": regime.handling_footnote,
        "version_note": version_note,
        "blank_date_line": format_date_line(form.place_name, None),
        "blank": _BLANK,
        "dots": _DOTTED_LINE,
    }


# Whitespace between two tags: xhtml2pdf handles every such text node, and the layout ignores it.
_BETWEEN_TAGS = re.compile(r">\s+<")


def render_evaluation_html(form: EvaluationForm) -> str:
    """The form as the HTML document that becomes the PDF (autoescaped; useful to inspect a layout).

    The indentation between tags is dropped (about 4% of the render time); text next to a tag keeps
    its spaces, and user text cannot hold a bare ``<`` or ``>`` once escaped.
    """
    with translation.override("vi"):
        html = render_to_string(_REGIMES[form.regime].template, _context(form))
    return _BETWEEN_TAGS.sub("><", html)


def render_evaluation_pdf(form: EvaluationForm) -> bytes:
    """The form as an A4 PDF; the same form always gives the same bytes, so a stored SHA-256 can be re-checked."""
    return render_html_to_pdf(render_evaluation_html(form), page_label=_PAGE_LABEL)


def _safe_member_name(name: str) -> str:
    """A flat, NFC-normalised ``.pdf`` name: no directories, no path tricks, no control characters."""
    name = unicodedata.normalize("NFC", name)
    name = "".join("_" if ch in "/\\:" or unicodedata.category(ch).startswith("C") else ch for ch in name)
    name = name.strip().lstrip(".").strip() or "phieu-danh-gia"
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    return name


def _unique(name: str, taken: set[str]) -> str:
    if name.lower() not in taken:
        return name
    stem = name[: -len(".pdf")]
    number = 2
    while f"{stem} ({number}).pdf".lower() in taken:
        number += 1
    return f"{stem} ({number}).pdf"


def render_forms_zip(items: Iterable[tuple[str, EvaluationForm]]) -> bytes:
    """One ZIP holding a PDF per (file name, form); Vietnamese names are kept (UTF-8 flag), clashes numbered."""
    buffer = io.BytesIO()
    stamp = timezone.localtime().timetuple()[:6]
    taken: set[str] = set()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for filename, form in items:
            name = _unique(_safe_member_name(filename), taken)
            taken.add(name.lower())
            member = zipfile.ZipInfo(name, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, render_evaluation_pdf(form))
    return buffer.getvalue()
