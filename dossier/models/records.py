"""A person's values for the catalogue fields of one group, stored as JSON the catalogue validates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dossier.models.catalogue import DataGroup


class GroupRecord(models.Model):
    """The `record` fields of one group for one person; each change is a history version.

    `proposal` names the approved self-update that made the version (None for an officer's own entry),
    so a version's history names both the proposer (through the proposal) and the approver (history user).
    """

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="dossier_records")
    group = models.CharField(_("data group"), max_length=24, choices=DataGroup.choices)
    values = models.JSONField(_("values"), default=dict, blank=True)
    proposal = models.ForeignKey(
        "dossier.ChangeProposal",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved proposal"),
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dossier group record")
        verbose_name_plural = _("dossier group records")
        ordering = ["employee", "group"]
        constraints = [models.UniqueConstraint(fields=["employee", "group"], name="dossier_record_one_per_group")]

    def __str__(self) -> str:
        return f"{self.employee_id}/{self.group}"
