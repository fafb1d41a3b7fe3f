"""A person's proposed change to their own dossier: nothing changes until a personnel officer approves it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dossier.models.catalogue import DataGroup


class ProposalStatus(models.TextChoices):
    PENDING = "PENDING", _("Awaiting a decision")
    APPROVED = "APPROVED", _("Approved")
    REJECTED = "REJECTED", _("Rejected")


class ChangeProposal(models.Model):
    """New values for `record` fields of one group, as JSON the catalogue validates."""

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="dossier_proposals")
    group = models.CharField(_("data group"), max_length=24, choices=DataGroup.choices)
    values = models.JSONField(_("proposed values"))
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
