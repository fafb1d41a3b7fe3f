"""The annulment of a decision-backed record: marked by a later decision, never deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Annullable(models.Model):
    """A record a later decision may annul (discipline, commendation, initiative); set by `record_annul` only.

    An annulled record stays, with when and by which decision it was annulled and why; it then counts for
    no date or year (`is_annulled`).
    """

    annulled_on = models.DateField(_("annulled on"), null=True, blank=True, editable=False)
    annulling_decision_number = models.CharField(
        _("annulling decision number"), max_length=64, blank=True, editable=False
    )
    annulment_reason = models.CharField(_("reason for annulment"), max_length=255, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_annulled(self) -> bool:
        return self.annulled_on is not None
