"""The change log of people's records: one row per changed record, written in the transaction that changed it.

The national database takes a person's data again when it changes (NĐ 27/2026; sync app). Each service that
writes a record of a person adds a row here through `hr.services.changes.person_changes_record`, inside its own
transaction, so a change and its row commit or vanish together. The feed's order is not the row id (given at
insert, so a transaction that commits late would slip in below a position already handed out) but `sequence`,
numbered after commit by one numberer at a time (`person_changes_sequence`): a change committed late is
numbered after every change handed out before it (sync/README.md).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonChange(models.Model):
    """A record of a person that was created or changed: which model, which row, which fields."""

    # No index on the person: the feed reads by position, and people are never deleted (the only reader by
    # person would be the PROTECT check). A bulk load writes three rows per new person (issue 15).
    employee = models.ForeignKey(
        "hr.Employee", on_delete=models.PROTECT, related_name="+", db_index=False, verbose_name=_("employee")
    )
    # The changed record's model as "app_label.modelname" and its id: the sync registry maps it to a data group.
    source = models.CharField(_("source"), max_length=100)
    object_id = models.BigIntegerField(_("record id"))
    # The fields changed; empty when the record was created (everything is new).
    fields = models.JSONField(_("fields"), default=list, blank=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    # The position in the feed, given once the change is committed; empty until then.
    sequence = models.BigIntegerField(_("position in the feed"), null=True, blank=True, unique=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("change of a person's record")
        verbose_name_plural = _("changes of people's records")
        ordering = ["id"]
        indexes = [models.Index(fields=["acknowledged_at", "changed_at"], name="personchange_pending")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.source}#{self.object_id}"
