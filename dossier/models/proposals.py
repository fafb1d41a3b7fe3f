"""A person's proposed change to their own dossier: nothing changes until a personnel officer approves it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dossier.models.catalogue import DataGroup
from dossier.models.tables import FamilyMember, Qualification

YES = _("yes")
NO = _("no")


class ProposalStatus(models.TextChoices):
    PENDING = "PENDING", _("Awaiting a decision")
    APPROVED = "APPROVED", _("Approved")
    REJECTED = "REJECTED", _("Rejected")


class ProposalTable(models.TextChoices):
    """The dossier tables whose rows the person proposes: their family (group 2) and qualifications (group 5)."""

    FAMILY_MEMBERS = "family_members", _("Family members")
    QUALIFICATIONS = "qualifications", _("Qualifications")


class RowOperation(models.TextChoices):
    ADD = "ADD", _("Add a row")
    CHANGE = "CHANGE", _("Change a row")


class ChangeProposal(models.Model):
    """New values for `record` fields of one group, or for one row of a table, as JSON the services validate.

    A field proposal leaves `table` blank. A row proposal names the `table` and the `operation`: to add a row,
    `values` are its columns in full (and `row_id` names the row once approved); to change one, `row_id` and
    `row_label` name the row as it read when proposed and `values` hold the columns that change.
    """

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="dossier_proposals")
    group = models.CharField(_("data group"), max_length=24, choices=DataGroup.choices)
    values = models.JSONField(_("proposed values"))
    table = models.CharField(_("table"), max_length=24, choices=ProposalTable.choices, blank=True)
    operation = models.CharField(_("operation"), max_length=8, choices=RowOperation.choices, blank=True)
    row_id = models.PositiveIntegerField(_("row"), null=True, blank=True)
    row_label = models.CharField(_("row as proposed"), max_length=255, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ProposalStatus.choices, default="PENDING")
    proposed_by = models.ForeignKey("hr.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("proposer"))
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        "hr.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dossier change proposal")
        verbose_name_plural = _("dossier change proposals")
        ordering = ["proposed_at", "id"]
        indexes = [models.Index(fields=["status", "employee"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.employee_id}/{self.group} ({self.status})"

    @property
    def summary(self) -> str:
        """A readable line for the officer's task list, from the stored values alone (no query)."""
        if not self.table:
            return ", ".join(sorted(self.values))
        model, described = ROW_SUMMARY[self.table]
        if self.operation == RowOperation.ADD:
            shown = (_shown(model, name, self.values.get(name)) for name in described if name in self.values)
            return f"{self.get_operation_display()}: {' – '.join(shown)}"
        changes = "; ".join(
            f"{model._meta.get_field(name).verbose_name}: {_shown(model, name, value)}"
            for name, value in sorted(self.values.items())
        )
        return f"{self.get_operation_display()} #{self.row_id} ({self.row_label}): {changes}"


#: Each table's model and the columns that describe a new row in the task list.
ROW_SUMMARY = {
    ProposalTable.FAMILY_MEMBERS: (FamilyMember, ("relation", "full_name", "birth_year")),
    ProposalTable.QUALIFICATIONS: (Qualification, ("level", "institution", "start_year")),
}


def _shown(model, name: str, value) -> str:
    """A column's value as people read it: a choice by its label, yes or no, blank as a dash."""
    field = model._meta.get_field(name)
    if field.choices and value in dict(field.choices):
        return str(dict(field.choices)[value])
    if isinstance(value, bool):
        return str(YES if value else NO)
    return "—" if value in ("", None) else str(value)
