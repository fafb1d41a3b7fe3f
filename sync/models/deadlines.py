"""How soon a change must reach the national database: effective-dated rules of a named instrument.

NĐ 27/2026/NĐ-CP: the using agency syncs operational data within 3 working days; NĐ 233/2026/NĐ-CP: rating
results within 5 days (DOMAIN.md §6.5). A change follows the rule of its kind in force on the day it was made.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DeadlineKind(models.TextChoices):
    OPERATIONAL = "OPERATIONAL", _("Operational data (salary, posts, commendation, discipline...)")
    RATING = "RATING", _("Quality rating results")


class SyncDeadlineRule(models.Model):
    """Within how many days (working or calendar) a change of this kind is synced, from when, by which act."""

    kind = models.CharField(_("kind"), max_length=16, choices=DeadlineKind.choices)
    days = models.PositiveSmallIntegerField(_("days"))
    working_days = models.BooleanField(_("counted in working days"), default=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sync deadline rule")
        verbose_name_plural = _("sync deadline rules")
        ordering = ["kind", "valid_from"]

    def __str__(self) -> str:
        return f"{self.kind} {self.days} từ {self.valid_from}"
