"""Importing the dossier's group records: one row per person, one column per catalogue field in force.

Each editable group (its catalogue fields stored in the person's `GroupRecord`) has its own kind,
`dossier-group-<group>`. The columns are the group's record fields in force today, headed by their Vietnamese
labels, so the file follows the catalogue when a decree changes it. Every row goes through
`dossier.services.records.group_record_update` (the one door: scope, validation, history, the feed's change
log); a field whose column the file leaves out keeps its value, and a row equal to the stored record is left as
it is, so an export re-imports unchanged. The whole file is written or nothing (`ServiceRowImporter`).
"""

import datetime
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from dossier.models import AdministrativeUnit, DataGroup, FieldDefinition, FieldType, GroupRecord
from dossier.selectors.catalogue import record_fields
from dossier.services.records import group_record_update
from exchange.cells import CellError, parse_date, parse_decimal, parse_int
from exchange.errors import RowErrors
from exchange.importers.rows import CREATED, UNCHANGED, UPDATED, ServiceRowImporter
from exchange.tables import Column, Table, read_table
from hr.access import access_employee_for_write

PERSON = Column("national_id", "Số định danh cá nhân", ("national id", "CCCD"), required=True)
IGNORED = frozenset({"Họ và tên", "full name", "full_name", "Đơn vị", "unit"})

#: The groups whose single values are entered on the person's record. Family is a table of rows, imported as
#: `dossier-family`; a group the catalogue in force gives no record field is refused by the service.
EDITABLE_GROUPS = tuple(group for group in DataGroup.values if group != DataGroup.FAMILY)


def group_slug(group: str) -> str:
    """The group's part of a kind or an address: `PERSONAL_HISTORY` → `personal-history`."""
    return group.lower().replace("_", "-")


def group_columns(group: str) -> tuple[list[Column], dict[str, FieldDefinition]]:
    """The file's columns (the person first) and the group's record fields in force, by key."""
    fields = record_fields(group=group)
    columns = [PERSON, *(Column(key, field.label_vi, (key,)) for key, field in fields.items())]
    return columns, fields


def _place(text: str) -> int:
    """An administrative unit by its code, or by its name when one unit alone bears it."""
    units = list(AdministrativeUnit.objects.filter(Q(code=text) | Q(name=text)).values_list("pk", "code")[:2])
    exact = [pk for pk, code in units if code == text]
    if exact:
        return exact[0]
    if len(units) == 1:
        return units[0][0]
    if units:
        raise CellError(_("Several administrative units bear this name: enter the code of one."))
    raise CellError(_("No administrative unit has this code or name."))


def _date(text: str) -> str | None:
    day = parse_date(text)
    return day.isoformat() if isinstance(day, datetime.date) else None


def _decimal(text: str) -> str | None:
    number = parse_decimal(text)
    return str(number) if isinstance(number, Decimal) else None


BLANK = (None, "")

PARSERS: dict[str, Callable] = {
    FieldType.DATE: _date,
    FieldType.INTEGER: parse_int,
    FieldType.DECIMAL: _decimal,
    FieldType.ADMIN_UNIT: lambda text: _place(text) if text else None,
}


class GroupRecordImporter(ServiceRowImporter):
    """One group's record fields, one row per person; `group` is set by each kind's subclass."""

    group = ""
    ignored = IGNORED
    field_columns = {"employee": "national_id", "group": "national_id"}
    default_column = "national_id"
    columns = [PERSON]

    @classmethod
    def read(cls, content: bytes, *, filename: str, errors: RowErrors) -> Table:
        columns, _fields = group_columns(cls.group)
        return read_table(content, filename=filename, columns=columns, ignored=cls.ignored, errors=errors)

    def validate(self, table: Table, result) -> None:
        self.columns, self.fields = group_columns(self.group)
        super().validate(table, result)

    def prepare(self, table: Table) -> None:
        self.employees = self.employees_named({row.get("national_id", "") for row in table.rows} - {""})
        self.records = {
            record.employee_id: record
            for record in GroupRecord.objects.filter(employee__in=self.employees.values(), group=self.group)
        }
        # Only the columns the file has: a field left out keeps the person's value.
        self.given = [key for key in self.fields if key in table.headers]
        self.seen: dict[int, int] = {}  # person → the row that gave their values

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        employee = self.person(number, row.get("national_id", ""))
        ok = employee is not None
        changes: dict = {}
        for key in self.given:
            parse = PARSERS.get(self.fields[key].value_type, str)
            try:
                changes[key] = parse(row.get(key, ""))
            except CellError as exc:
                ok = False
                self.errors.add(number, self.headers[key], str(exc))
        if employee is not None and employee.pk in self.seen:
            # One record per person: a second row would silently replace the first.
            message = _("This person's values are already in row %(row)d.") % {"row": self.seen[employee.pk]}
            self.errors.add(number, self.headers["national_id"], message)
            return None
        if not ok:
            return None
        self.seen[employee.pk] = number
        record = self.records.get(employee.pk)
        # Stored keys the catalogue no longer lists are left out: the service would refuse them.
        current = {key: value for key, value in (record.values if record else {}).items() if key in self.fields}
        values = {**current, **changes}
        return {"employee": employee, "values": {key: value for key, value in values.items() if value not in BLANK}}

    def apply(self, *, employee, values: dict) -> str:
        # Named by the file, an out-of-scope person is an error on the row's ID column, not a 404 of the upload.
        access_employee_for_write(self.actor, employee, field="employee")
        record = self.records.get(employee.pk)
        if record is not None and record.values == values:
            return UNCHANGED
        group_record_update(actor=self.actor, employee=employee, group=self.group, values=values)
        return UPDATED if record is not None else CREATED


GROUP_IMPORTERS: tuple[type[GroupRecordImporter], ...] = tuple(
    type(
        f"{group.title().replace('_', '')}RecordImporter",
        (GroupRecordImporter,),
        {"group": group, "kind": f"dossier-group-{group_slug(group)}", "__module__": __name__},
    )
    for group in EDITABLE_GROUPS
)
