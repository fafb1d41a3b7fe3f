"""The tables of the report exports: training compliance, discipline and commendation lists, reform ranking.

Each takes a queryset the matching list endpoint's selector has already scoped and filtered.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from exchange.importers import commendations as commendation_import
from exchange.importers import discipline as discipline_import
from exchange.importers import employees as employee_import
from exchange.tables import Column
from exchange.writers import ExportTable
from hr.models import Commendation, DisciplineRecord, Employee
from reform.models import Appraisal

CHUNK_SIZE = 2000


# Columns an import also reads keep the import's canonical header, so the files look alike.
IMPORT_HEADERS = {
    column.key: column.header
    for module in (employee_import, discipline_import, commendation_import)
    for column in module.COLUMNS
    if column.key not in ("unit",)
}


def _columns(*pairs: tuple[str, str | None]) -> list[Column]:
    return [Column(key, str(header) if header else IMPORT_HEADERS[key]) for key, header in pairs]


def training_compliance_export(*, queryset: QuerySet[Employee], year: int) -> ExportTable:
    """Working people with the periods credited in `year` against their minimum (`training.selectors.compliance`)."""
    yes, no = _("Yes"), _("No")
    rows = (
        {
            "national_id": e.national_id,
            "full_name": e.full_name,
            "category": e.get_category_display(),
            "unit": e.unit.name,
            "credited": e.credited,
            "minimum": e.minimum,
            "compliant": yes if e.compliant else no,
            "reform_trained": yes if e.reform_trained else no,
        }
        for e in queryset.iterator(chunk_size=CHUNK_SIZE)
    )
    columns = _columns(
        ("national_id", None),
        ("full_name", None),
        ("category", _("Category")),
        ("unit", _("Unit")),
        ("credited", _("Periods credited")),
        ("minimum", _("Yearly minimum")),
        ("compliant", _("Meets the minimum")),
        ("reform_trained", _("Trained in administrative reform")),
    )
    return ExportTable(
        title=_("Training %(year)s") % {"year": year}, columns=columns, rows=rows, text_keys=frozenset({"national_id"})
    )


def discipline_export(*, queryset: QuerySet[DisciplineRecord]) -> ExportTable:
    """Discipline decisions with the period each is in force (`hr.selectors.discipline.discipline_list`)."""
    rows = (
        {
            "national_id": r.employee.national_id,
            "full_name": r.employee.full_name,
            "unit": r.employee.unit.name,
            "form": r.get_form_display(),
            "decision_number": r.decision_number,
            "issuing_authority": r.issuing_authority,
            "decision_date": r.decision_date,
            "violation_date": r.violation_date,
            "discovered_on": r.discovered_on,
            "processing_deadline": r.processing_deadline,
            "processed_late": {True: _("Yes"), False: _("No"), None: ""}[r.processed_late],
            "severity": r.get_severity_display(),
            "is_repeat": _("Yes") if r.is_repeat else "",
            "effect_start": r.effect_start,
            "effect_end": r.effect_end,
            "annulled_on": r.annulled_on,
        }
        for r in queryset.iterator(chunk_size=CHUNK_SIZE)
    )
    columns = _columns(
        ("national_id", None),
        ("full_name", None),
        ("unit", _("Unit")),
        ("form", None),
        ("decision_number", None),
        ("issuing_authority", None),
        ("decision_date", None),
        ("violation_date", None),
        ("discovered_on", None),
        ("processing_deadline", _("Processing deadline")),
        ("processed_late", _("Decided after the processing deadline")),
        ("severity", None),
        ("is_repeat", _("Repeat offence")),
        ("effect_start", _("In force from")),
        ("effect_end", _("In force until")),
        ("annulled_on", _("Annulled on")),
    )
    return ExportTable(title=_("Discipline"), columns=columns, rows=rows, text_keys=frozenset({"national_id"}))


def commendation_export(*, queryset: QuerySet[Commendation]) -> ExportTable:
    """Titles and commendations of people and units with their amounts (`hr.selectors.commendations`)."""
    rows = (
        {
            "national_id": c.employee.national_id if c.employee_id else "",
            "recipient": c.employee.full_name if c.employee_id else c.unit.name,
            "unit": c.employee.unit.name if c.employee_id else c.unit.name,
            "award": c.get_award_display(),
            "year": c.year,
            "decision_number": c.decision_number,
            "issuing_authority": c.issuing_authority,
            "decision_date": c.decision_date,
            "coefficient": c.coefficient,
            "base_salary": c.base_salary,
            "amount": c.amount,
            "annulled_on": c.annulled_on,
        }
        for c in queryset.iterator(chunk_size=CHUNK_SIZE)
    )
    columns = _columns(
        ("national_id", None),
        ("recipient", _("Recipient")),
        ("unit", _("Unit")),
        ("award", None),
        ("year", None),
        ("decision_number", None),
        ("issuing_authority", None),
        ("decision_date", None),
        ("coefficient", _("Award coefficient")),
        ("base_salary", _("Base salary used")),
        ("amount", _("Amount (VND)")),
        ("annulled_on", _("Annulled on")),
    )
    return ExportTable(title=_("Commendations"), columns=columns, rows=rows, text_keys=frozenset({"national_id"}))


def reform_ranking_export(*, queryset: QuerySet[Appraisal]) -> ExportTable:
    """Published appraisals of one year and level, ranked (`reform.selectors.appraisals.appraisal_ranking`)."""
    rows = (
        {
            "rank": a.rank,
            "unit": a.unit.name,
            "total": a.total,
            "percentage": a.percentage,
            "band": a.band.code if a.band_id else "",
            "decision_number": a.decision_number,
        }
        for a in queryset
    )
    columns = _columns(
        ("rank", _("Rank")),
        ("unit", _("Unit")),
        ("total", _("Total points")),
        ("percentage", _("Result (%)")),
        ("band", _("Band")),
        ("decision_number", _("Publication decision number")),
    )
    return ExportTable(title=_("Reform ranking"), columns=columns, rows=rows)
