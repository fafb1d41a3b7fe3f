"""The change log of people's records: one row per changed record, written in the transaction that changed it.

The national database takes a person's data again when it changes (NĐ 27/2026; sync app). Each service that
writes a record of a person adds a row here through `hr.services.changes.person_changes_record`, inside its own
transaction, so a change and its row commit or vanish together. On PostgreSQL the row carries the id of the
writing transaction (`xid`): the feed hands out only rows of transactions that no snapshot can still see as
running, so a transaction that commits late is never skipped (sync/README.md).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonChange(models.Model):
    """A record of a person that was created or changed: which model, which row, which fields."""

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="+", verbose_name=_("employee"))
    # The changed record's model as "app_label.modelname" and its id: the sync registry maps it to a data group.
    source = models.CharField(_("source"), max_length=100)
    object_id = models.BigIntegerField(_("record id"))
    # The fields changed; empty when the record was created (everything is new).
    fields = models.JSONField(_("fields"), default=list, blank=True)
    # PostgreSQL: the writing transaction's id (pg_current_xact_id()); SQLite, whose writers are serialised: 0.
    xid = models.BigIntegerField(_("transaction id"), default=0)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("change of a person's record")
        verbose_name_plural = _("changes of people's records")
        ordering = ["xid", "id"]
        indexes = [
            models.Index(fields=["xid", "id"], name="personchange_cursor"),
            models.Index(fields=["acknowledged_at", "changed_at"], name="personchange_pending"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.source}#{self.object_id}"
