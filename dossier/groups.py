"""NĐ 27/2026's ten data groups and one person's dossier as a JSON-safe dict of them: the hook for a sync feed.

`GROUPS` lists the groups in the decree's order: key, Vietnamese label, the models holding each group's data
and whether it is sensitive. `dossier_as_dict(employee=..., user=None)` reads the catalogue fields in force
and returns `{group key: {field key: value}}` in that order; with a `user`, the sensitive groups they may not
read are None. Values are JSON-safe (dates ISO, decimals as strings, places with their successor unit).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Model

from dossier.access import can_read_sensitive
from dossier.models import (
    RECORD,
    AdministrativeUnit,
    Allowance,
    DataGroup,
    FamilyMember,
    FieldDefinition,
    FieldType,
    GroupRecord,
    PositionHolding,
    Qualification,
)
from dossier.selectors.catalogue import fields_in_force
from hr.models import AnnualRating, Assignment, Commendation, DisciplineRecord, Employee, SalaryRecord, User


@dataclass(frozen=True)
class DossierGroup:
    """One of NĐ 27's ten groups: its place, key, label, the models of its data, and its sensitivity."""

    number: int
    key: str
    label_vi: str
    models: tuple[type[Model], ...]
    sensitive: bool


GROUPS: tuple[DossierGroup, ...] = (
    DossierGroup(1, DataGroup.IDENTITY, "Thông tin định danh, nguồn gốc", (Employee, GroupRecord), False),
    DossierGroup(2, DataGroup.FAMILY, "Quan hệ gia đình", (FamilyMember,), True),
    DossierGroup(3, DataGroup.PERSONAL_HISTORY, "Lịch sử bản thân", (GroupRecord,), False),
    DossierGroup(
        4,
        DataGroup.RECRUITMENT,
        "Tuyển dụng, bầu cử, bổ nhiệm, quy hoạch, điều động, luân chuyển, biệt phái, thôi việc, nghỉ hưu",
        (Employee, Assignment, GroupRecord),
        False,
    ),
    DossierGroup(5, DataGroup.EDUCATION, "Trình độ, đào tạo, bồi dưỡng", (Employee, Qualification, GroupRecord), False),
    DossierGroup(
        6,
        DataGroup.WORK,
        "Cơ quan, đơn vị; vị trí việc làm; chức danh, chức vụ; lương, phụ cấp; đánh giá, xếp loại; "
        "thi đua, khen thưởng; kỷ luật",
        (Employee, PositionHolding, Allowance, SalaryRecord, AnnualRating, Commendation, DisciplineRecord, GroupRecord),
        False,
    ),
    DossierGroup(7, DataGroup.POLITICAL, "Tổ chức chính trị, chính trị - xã hội", (GroupRecord,), False),
    DossierGroup(8, DataGroup.MILITARY, "Tham gia lực lượng vũ trang", (GroupRecord,), False),
    DossierGroup(9, DataGroup.ASSETS, "Tài sản, thu nhập", (GroupRecord,), True),
    DossierGroup(10, DataGroup.HEALTH, "Sức khỏe", (GroupRecord,), True),
)
GROUP_BY_KEY = {group.key: group for group in GROUPS}
SENSITIVE_GROUPS = frozenset(group.key for group in GROUPS if group.sensitive)


def plain(value):
    """A JSON-safe form of a model value."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Model):
        return str(value)
    return value


def _rows(queryset, fields: tuple[str, ...]) -> list[dict]:
    return [{name: plain(getattr(row, name)) for name in fields} for row in queryset]


# Each `table.<name>` source of the catalogue: the rows of one person, as plain dicts.
TABLES: dict[str, Callable[[Employee], list[dict]]] = {
    "family_members": lambda e: _rows(
        e.family_members.all(),
        ("id", "side", "relation", "full_name", "birth_year", "hometown", "occupation", "workplace", "residence"),
    ),
    "qualifications": lambda e: _rows(
        e.qualifications.all(),
        (
            "id",
            "kind",
            "level",
            "institution",
            "field_of_study",
            "start_year",
            "end_year",
            "mode",
            "diploma",
            "certificate_id",
        ),
    ),
    "position_holdings": lambda e: _rows(
        e.position_holdings.select_related("job_position"),
        ("id", "job_position_id", "job_position", "start_date", "end_date", "decision_number"),
    ),
    "allowances": lambda e: _rows(
        e.allowances.all(), ("id", "kind", "coefficient", "percent", "start_date", "end_date", "decision_number")
    ),
    "assignments": lambda e: _rows(
        e.assignments.select_related("unit", "position"),
        ("id", "unit", "position", "start_date", "end_date", "decision_number"),
    ),
    "salary_records": lambda e: _rows(
        e.salary_records.select_related("rank", "salary_step"),
        ("id", "rank", "salary_step", "coefficient", "effective_date", "decision_number"),
    ),
    "annual_ratings": lambda e: _rows(e.annual_ratings.all(), ("year", "rating", "decision_number")),
    "commendations": lambda e: _rows(
        e.commendations.filter(annulled_on__isnull=True), ("id", "award", "year", "decision_number", "decision_date")
    ),
    "discipline": lambda e: _rows(
        e.discipline_records.filter(annulled_on__isnull=True),
        ("id", "form", "decision_number", "decision_date", "effect_start", "effect_end"),
    ),
}


def place_dict(unit: AdministrativeUnit | None) -> dict | None:
    """A place as the dossier shows it: the unit named, with today's unit it became part of."""
    if unit is None:
        return None
    current = unit.successor()
    return {
        "id": unit.pk,
        "name": unit.name,
        "full_name": unit.full_name(),
        "current": {"id": current.pk, "name": current.name, "full_name": current.full_name()},
    }


def places_of(records: list[GroupRecord], fields: list[FieldDefinition]) -> dict[int, AdministrativeUnit]:
    """The places the records name in their administrative-unit fields, with two steps of their merger chain."""
    keys = {field.key for field in fields if field.value_type == FieldType.ADMIN_UNIT}
    ids = {record.values[key] for record in records for key in keys if record.values.get(key)}
    related = ("parent__parent", "merged_into__parent", "merged_into__merged_into__parent")
    return AdministrativeUnit.objects.select_related(*related).in_bulk(ids)


def field_value(employee: Employee, field: FieldDefinition, record: GroupRecord | None, places: dict):
    """The value of one catalogue field for the person, from its record, hr's record or its table."""
    if field.source == RECORD:
        value = (record.values if record else {}).get(field.key)
        if field.value_type == FieldType.ADMIN_UNIT:
            return place_dict(places.get(value)) if value else None
        return value
    kind, _dot, name = field.source.partition(".")
    if kind == "employee":
        return plain(getattr(employee, name, None))
    if kind == "table" and name in TABLES:
        return TABLES[name](employee)
    return None


def dossier_as_dict(*, employee: Employee, user: User | None = None, on: datetime.date | None = None) -> dict:
    """One person's dossier: `{group key: {field key: value}}` in NĐ 27's order; hidden sensitive groups None."""
    fields = list(fields_in_force(on=on))
    records = {record.group: record for record in GroupRecord.objects.filter(employee=employee)}
    places = places_of(list(records.values()), fields)
    sensitive_ok = can_read_sensitive(user, employee)
    dossier: dict = {}
    for group in GROUPS:
        if group.sensitive and not sensitive_ok:
            dossier[group.key] = None
            continue
        record = records.get(group.key)
        dossier[group.key] = {
            field.key: field_value(employee, field, record, places) for field in fields if field.group == group.key
        }
    return dossier
