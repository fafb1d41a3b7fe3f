"""The personnel office enters a person's values for one group's catalogue fields."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import ApplicationError
from dossier.models import DataGroup, FieldDefinition, GroupRecord
from dossier.selectors.catalogue import fields_in_force
from dossier.services.changes import group_record_changes_record
from dossier.services.values import values_clean
from hr.access import access_employee_for_write
from hr.models import Employee, User

NO_RECORD_FIELDS = _("This group holds no fields entered here: its rows have endpoints of their own.")
UNKNOWN_GROUP = _("No data group has this name.")


def group_fields(group: str) -> tuple[dict[str, FieldDefinition], dict[str, FieldDefinition]]:
    """The group's record fields and all its fields in force, by key; an unknown group is refused."""
    if group not in DataGroup.values:
        raise ApplicationError(UNKNOWN_GROUP, field="group", code="unknown_group")
    known = {field.key: field for field in fields_in_force(group=group)}
    return {key: field for key, field in known.items() if field.is_record}, known


def group_record_get(*, employee: Employee, group: str) -> GroupRecord:
    """The person's record of `group`, unsaved and empty if nothing was entered yet."""
    record = GroupRecord.objects.filter(employee=employee, group=group).first()
    return record or GroupRecord(employee=employee, group=group, values={})


@transaction.atomic
def group_record_update(*, actor: User | None, employee: Employee, group: str, values: dict) -> GroupRecord:
    """Replace the person's values of `group`'s record fields; history names the officer."""
    access_employee_for_write(actor, employee)
    fields, known = group_fields(group)
    if not fields:
        raise ApplicationError(NO_RECORD_FIELDS, field="group", code="group_not_editable")
    cleaned = values_clean(values=values, fields=fields, known=known, complete=True)
    record = GroupRecord.objects.select_for_update().filter(employee=employee, group=group).first()
    record = record or GroupRecord(employee=employee, group=group)
    before = dict(record.values) if record.pk else None
    record.values = {key: value for key, value in cleaned.items() if value is not None}
    record.proposal = None
    record.full_clean()
    record._history_user = actor
    record.save()
    group_record_changes_record(record=record, before=before)
    return record
