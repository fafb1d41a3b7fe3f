"""Self-updates: the person proposes new values for their own groups, a personnel officer approves or rejects.

Nothing in the dossier changes until approval. The approved version of the group record names the proposal
(and through it the proposer) and is recorded under the approver, so its history names both.

Rows of the family (group 2) and qualifications (group 5) tables are proposed too: add a row, or change one of
one's own. The row is checked at proposal time by the rules the officer's table service applies
(`family_member_check`, `qualification_check`, the model's own field checks), and on approval that very service
runs as the approver; the row's new version is recorded under the approver with the proposal and proposer as
its change reason, and the proposal names the row. Rows are never deleted, so no proposal removes one.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import update_change_reason

from backend.api.exceptions import ApplicationError, Conflict
from dossier.access import access_own_dossier
from dossier.models import (
    ChangeProposal,
    DataGroup,
    FamilyMember,
    GroupRecord,
    ProposalStatus,
    ProposalTable,
    Qualification,
    RowOperation,
)
from dossier.services.changes import group_record_changes_record
from dossier.services.records import group_fields
from dossier.services.tables import family_member_check, family_member_save, qualification_check, qualification_save
from dossier.services.values import values_clean, values_merge
from hr.access import access_employee_for_write
from hr.models import Employee, User

NOTHING = _("Propose at least one value.")
NO_CHANGE = _("These are already the values of your dossier.")
PENDING = _("A proposal for this group is already awaiting a decision.")
DECIDED = _("This proposal has already been decided.")
REASON = _("Give the reason for the rejection.")
ROW_PENDING = _("A proposal for this row is already awaiting a decision.")
UNKNOWN_ROW = _("No row of this table of your dossier has this id.")
UNKNOWN_COLUMN = _("The table has no such column.")
ROW_REQUIRED = _("Name the row to change.")


@dataclass(frozen=True)
class RowTable:
    """A table whose rows the person proposes: its model, NĐ 27 group, columns, rules and the officer's service."""

    model: type[Model]
    group: str
    columns: tuple[str, ...]
    check: Callable[[Model], None]
    save: Callable[..., Model]
    row_argument: str


ROW_TABLES: dict[str, RowTable] = {
    ProposalTable.FAMILY_MEMBERS: RowTable(
        FamilyMember,
        DataGroup.FAMILY,
        ("side", "relation", "full_name", "birth_year", "hometown", "occupation", "workplace", "residence", "deceased"),
        family_member_check,
        family_member_save,
        "member",
    ),
    ProposalTable.QUALIFICATIONS: RowTable(
        Qualification,
        DataGroup.EDUCATION,
        (
            "kind",
            "level",
            "institution",
            "field_of_study",
            "start_year",
            "end_year",
            "mode",
            "diploma",
            "certificate",
        ),
        qualification_check,
        qualification_save,
        "qualification",
    ),
}


def _current_values(employee: Employee, group: str) -> dict:
    record = GroupRecord.objects.filter(employee=employee, group=group).first()
    return dict(record.values) if record else {}


@transaction.atomic
def proposal_submit(*, actor: User, employee: Employee, group: str, values: dict, note: str = "") -> ChangeProposal:
    """The person proposes `values` for fields of `group` they may update; one pending proposal per group."""
    access_own_dossier(actor, employee)
    fields, known = group_fields(group)
    if not values:
        raise ApplicationError(NOTHING, field="values", code="nothing_proposed")
    # Serialise proposals of one person: the "one pending per group" check cannot race.
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    current = _current_values(employee, group)
    cleaned = values_clean(
        values=values, fields=fields, known=known, complete=False, self_service=True, current=current
    )
    if values_merge(current, cleaned) == current:
        raise ApplicationError(NO_CHANGE, field="values", code="no_change")
    pending = ChangeProposal.objects.filter(employee=employee, group=group, table="", status=ProposalStatus.PENDING)
    if pending.exists():
        raise Conflict(PENDING, field="group", code="proposal_pending")
    proposal = ChangeProposal(employee=employee, group=group, values=cleaned, note=note, proposed_by=actor)
    proposal.full_clean()
    proposal._history_user = actor
    proposal.save()
    return proposal


def _row_values(spec: RowTable, row: Model) -> dict:
    """The row's columns as JSON-safe values (a training certificate by its id)."""
    return {name: getattr(row, row._meta.get_field(name).attname) for name in spec.columns}


def _own_row(spec: RowTable, employee: Employee, row_id: int | None) -> Model:
    if row_id is None:
        raise ApplicationError(ROW_REQUIRED, field="row", code="unknown_row")
    row = spec.model.objects.filter(employee=employee, pk=row_id).first()
    if row is None:
        raise ApplicationError(UNKNOWN_ROW, field="row", code="unknown_row")
    return row


def _row_clean(spec: RowTable, row: Model, values: dict) -> dict:
    """Put `values` on the unsaved `row` and check it as the officer's service would; the cleaned values."""
    unknown = sorted(set(values) - set(spec.columns))
    if unknown:
        raise ApplicationError(UNKNOWN_COLUMN, field=unknown[0], code="unknown_field")
    for name, value in values.items():
        setattr(row, row._meta.get_field(name).attname, value)
    row.full_clean()  # the columns' own types, lengths and choices; the certificate exists
    spec.check(row)
    return _row_values(spec, row)


@transaction.atomic
def proposal_row_submit(
    *,
    actor: User,
    employee: Employee,
    table: str,
    operation: str,
    values: dict,
    row: int | None = None,
    note: str = "",
) -> ChangeProposal:
    """The person proposes a new row of `table`, or new values for their row `row`; one pending proposal per row."""
    access_own_dossier(actor, employee)
    spec = ROW_TABLES[ProposalTable(table)]
    if not values:
        raise ApplicationError(NOTHING, field="values", code="nothing_proposed")
    # Serialise proposals of one person: the "one pending per row" check cannot race.
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    label = ""
    if operation == RowOperation.CHANGE:
        target = _own_row(spec, employee, row)
        label, current = str(target), _row_values(spec, target)
        cleaned = _row_clean(spec, target, values)
        # Only the columns that change are kept: the officer's later corrections of the others stand.
        cleaned = {name: value for name, value in cleaned.items() if value != current[name]}
        if not cleaned:
            raise ApplicationError(NO_CHANGE, field="values", code="no_change")
        row_id = target.pk
    else:
        cleaned = _row_clean(spec, spec.model(employee=employee), values)
        row_id = None
    # A new row of the table counts as one row: one pending addition per table.
    pending = ChangeProposal.objects.filter(employee=employee, table=table, row_id=row_id)
    if pending.filter(status=ProposalStatus.PENDING).exists():
        raise Conflict(ROW_PENDING, field="row", code="proposal_pending")
    proposal = ChangeProposal(
        employee=employee,
        group=spec.group,
        table=table,
        operation=operation,
        row_id=row_id,
        row_label=label[:255],
        values=cleaned,
        note=note,
        proposed_by=actor,
    )
    proposal.full_clean()
    proposal._history_user = actor
    proposal.save()
    return proposal


def _row_apply(actor: User | None, proposal: ChangeProposal) -> None:
    """Run the officer's table service as the approver, on values checked again against today's row and data."""
    spec = ROW_TABLES[ProposalTable(proposal.table)]
    changing = proposal.operation == RowOperation.CHANGE
    target = _own_row(spec, proposal.employee, proposal.row_id) if changing else spec.model(employee=proposal.employee)
    _row_clean(spec, target, proposal.values)
    values = {name: getattr(target, name) for name in spec.columns}
    # The service assigns the values to the row it is given (None: a new row) and saves it as the approver.
    saved = spec.save(
        actor=actor, employee=proposal.employee, **values, **{spec.row_argument: target if changing else None}
    )
    update_change_reason(saved, f"#{proposal.pk} {proposal.proposed_by.get_username()}")
    proposal.row_id = saved.pk


def _lock_pending(actor: User | None, proposal: ChangeProposal) -> ChangeProposal:
    access_employee_for_write(actor, proposal.employee)
    proposal = ChangeProposal.objects.select_for_update().select_related("employee", "proposed_by").get(pk=proposal.pk)
    if proposal.status != ProposalStatus.PENDING:
        raise Conflict(DECIDED, code="proposal_decided")
    return proposal


def _decide(actor: User | None, proposal: ChangeProposal, status: str, reason: str) -> None:
    proposal.status = status
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.reason = reason
    proposal.full_clean()
    proposal._history_user = actor
    proposal.save()


@transaction.atomic
def proposal_approve(*, actor: User | None, proposal: ChangeProposal, reason: str = "") -> ChangeProposal:
    """Apply the proposed values to the person's group record or table row, checked again against today's rules."""
    proposal = _lock_pending(actor, proposal)
    if proposal.table:
        _row_apply(actor, proposal)
        _decide(actor, proposal, ProposalStatus.APPROVED, reason)
        return proposal
    fields, known = group_fields(proposal.group)
    record = GroupRecord.objects.select_for_update().filter(employee=proposal.employee, group=proposal.group).first()
    record = record or GroupRecord(employee=proposal.employee, group=proposal.group, values={})
    before = dict(record.values) if record.pk else None
    cleaned = values_clean(
        values=proposal.values,
        fields=fields,
        known=known,
        complete=False,
        self_service=True,
        current=record.values,
    )
    record.values = values_merge(record.values, cleaned)
    record.proposal = proposal
    record.full_clean()
    record._history_user = actor
    record._change_reason = f"#{proposal.pk} {proposal.proposed_by.get_username()}"
    record.save()
    group_record_changes_record(record=record, before=before)
    _decide(actor, proposal, ProposalStatus.APPROVED, reason)
    return proposal


@transaction.atomic
def proposal_reject(*, actor: User | None, proposal: ChangeProposal, reason: str) -> ChangeProposal:
    """Refuse the proposal with its reason; the dossier stays as it was."""
    proposal = _lock_pending(actor, proposal)
    if not reason.strip():
        raise ApplicationError(REASON, field="reason", code="reason_required")
    _decide(actor, proposal, ProposalStatus.REJECTED, reason.strip())
    return proposal
