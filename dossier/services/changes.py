"""Logging the dossier's writes in the change log the national database feed reads (`hr.PersonChange`).

Each write service of the dossier calls these in its own transaction, after the save: the change and its log
row commit or roll back together, and a refused write logs nothing. A table row logs its creation (no fields)
or the fields whose values changed; a replacement that changes nothing logs nothing.

A group record logs its data group's key (upper case, `DataGroup`) before the value keys that changed: the
record holds one group's values for one person, and the feed registers `(GroupRecord, [group key])` for each
group (`dossier.sync_groups`), so the change reaches that group alone. A value key is lower case and never
equals a group key.
"""

from django.db.models import Model

from dossier.models import GroupRecord
from hr.services.changes import person_changes_record


def row_snapshot(row: Model) -> dict | None:
    """The stored values of `row` by field name, None for a row not saved yet; taken before a service edits it."""
    if row.pk is None:
        return None
    return {field.name: getattr(row, field.attname) for field in row._meta.concrete_fields}


def row_changes_record(*, row: Model, before: dict | None) -> None:
    """Log `row` (of a person: it has `employee_id`) as created, or the fields that changed since `before`."""
    if before is None:
        fields: list[str] = []
    else:
        after = row_snapshot(row) or {}
        fields = [name for name, value in after.items() if before.get(name) != value]
        if not fields:
            return
    person_changes_record(model=type(row), rows=[(row.employee_id, row.pk)], fields=fields)


def group_record_changes_record(*, record: GroupRecord, before: dict | None) -> None:
    """Log the group's key and the value keys changed since `before` (None: the record is new)."""
    old = before or {}
    changed = sorted(key for key in old.keys() | record.values.keys() if old.get(key) != record.values.get(key))
    if before is not None and not changed:
        return
    person_changes_record(model=GroupRecord, rows=[(record.employee_id, record.pk)], fields=[record.group, *changed])
