"""Self-updates: the person proposes new values for their own groups, a personnel officer approves or rejects.

Nothing in the dossier changes until approval. The approved version of the group record names the proposal
(and through it the proposer) and is recorded under the approver, so its history names both.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import ApplicationError, Conflict
from dossier.access import access_own_dossier
from dossier.models import ChangeProposal, GroupRecord, ProposalStatus
from dossier.services.changes import group_record_changes_record
from dossier.services.records import group_fields
from dossier.services.values import values_clean, values_merge
from hr.access import access_employee_for_write
from hr.models import Employee, User

NOTHING = _("Propose at least one value.")
NO_CHANGE = _("These are already the values of your dossier.")
PENDING = _("A proposal for this group is already awaiting a decision.")
DECIDED = _("This proposal has already been decided.")
REASON = _("Give the reason for the rejection.")


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
    if ChangeProposal.objects.filter(employee=employee, group=group, status=ProposalStatus.PENDING).exists():
        raise Conflict(PENDING, field="group", code="proposal_pending")
    proposal = ChangeProposal(employee=employee, group=group, values=cleaned, note=note, proposed_by=actor)
    proposal.full_clean()
    proposal._history_user = actor
    proposal.save()
    return proposal


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
    """Apply the proposed values to the person's group record, checked again against today's catalogue."""
    proposal = _lock_pending(actor, proposal)
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
