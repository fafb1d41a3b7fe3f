"""The tables of the dossier exports, in the columns the matching import reads, so a file round-trips.

Each takes a queryset the matching dossier list's selector has already scoped (family by the sensitive rule).
"""

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from dossier.models import AdministrativeUnit, DataGroup, FieldType, GroupRecord
from exchange.importers.dossier import (
    AllowanceImporter,
    FamilyMemberImporter,
    PositionHoldingImporter,
    QualificationImporter,
)
from exchange.importers.dossier_groups import group_columns
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


def group_record_export(*, group: str, queryset: QuerySet) -> ExportTable:
    """One row per person of `queryset` (already scoped): their values of `group`'s record fields in force,
    in the columns `dossier-group-<group>` reads (places by their code), so the file re-imports unchanged."""
    columns, fields = group_columns(group)
    places = {
        key for key, field in fields.items() if field.value_type == FieldType.ADMIN_UNIT
    }  # stored as the unit's id; the file names it by code
    codes = dict(AdministrativeUnit.objects.values_list("pk", "code")) if places else {}
    people = queryset.prefetch_related(
        Prefetch("dossier_records", queryset=GroupRecord.objects.filter(group=group), to_attr="group_records")
    )

    def row(employee) -> dict:
        values = employee.group_records[0].values if employee.group_records else {}
        cells = {key: values.get(key) for key in fields}
        for key in places:
            cells[key] = codes.get(cells[key], cells[key])
        return {"national_id": employee.national_id, "full_name": employee.full_name, **cells}

    rows = (row(employee) for employee in people.iterator(chunk_size=CHUNK_SIZE))
    title = str(DataGroup(group).label)
    return ExportTable(
        title=title, columns=[columns[0], FULL_NAME, *columns[1:]], rows=rows, text_keys=frozenset({"national_id"})
    )
