"""The tables of the dossier exports, in the columns the matching import reads, so a file round-trips.

Each takes a queryset the matching dossier list's selector has already scoped (family by the sensitive rule).
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from exchange.importers.dossier import (
    AllowanceImporter,
    FamilyMemberImporter,
    PositionHoldingImporter,
    QualificationImporter,
)
from exchange.tables import Column
from exchange.writers import ExportTable

CHUNK_SIZE = 2000
FULL_NAME = Column("full_name", "Họ và tên")


def _table(title: str, importer, queryset: QuerySet, row) -> ExportTable:
    columns = [importer.columns[0], FULL_NAME, *importer.columns[1:]]
    rows = (
        {"national_id": item.employee.national_id, "full_name": item.employee.full_name, **row(item)}
        for item in queryset.iterator(chunk_size=CHUNK_SIZE)
    )
    return ExportTable(title=title, columns=columns, rows=rows, text_keys=frozenset({"national_id"}))


def qualification_export(*, queryset: QuerySet) -> ExportTable:
    def row(q):
        return {
            "kind": q.get_kind_display(),
            "level": q.level,
            "institution": q.institution,
            "field_of_study": q.field_of_study,
            "start_year": q.start_year,
            "end_year": q.end_year,
            "mode": q.get_mode_display(),
            "diploma": q.diploma,
        }

    return _table(_("Qualifications"), QualificationImporter, queryset, row)


def family_member_export(*, queryset: QuerySet) -> ExportTable:
    def row(m):
        return {
            "side": m.get_side_display(),
            "relation": m.get_relation_display(),
            "relative_name": m.full_name,
            "birth_year": m.birth_year,
            "hometown": m.hometown,
            "occupation": m.occupation,
            "workplace": m.workplace,
            "residence": m.residence,
            "deceased": _("Yes") if m.deceased else "",
        }

    return _table(_("Family relations"), FamilyMemberImporter, queryset, row)


def position_holding_export(*, queryset: QuerySet) -> ExportTable:
    def row(h):
        return {
            "job_position": h.job_position.code,
            "start_date": h.start_date,
            "end_date": h.end_date,
            "decision_number": h.decision_number,
        }

    return _table(_("Job positions held"), PositionHoldingImporter, queryset, row)


def allowance_export(*, queryset: QuerySet) -> ExportTable:
    def row(a):
        return {
            "kind": a.get_kind_display(),
            "coefficient": a.coefficient,
            "percent": a.percent,
            "start_date": a.start_date,
            "end_date": a.end_date,
            "decision_number": a.decision_number,
        }

    return _table(_("Allowances"), AllowanceImporter, queryset, row)
