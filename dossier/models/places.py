"""Administrative units (tỉnh, huyện, xã) with the 2025 merger lineage, for places of birth and hometowns.

District-level units ended on 01/7/2025 and most communes were merged (Luật 72/2025/QH15; for Sơn La
NQ 1681/NQ-UBTVQH15, DOMAIN.md §6.7). A person born in 1980 was born in a commune that may no longer exist:
the dossier keeps the unit as it was, and `merged_into` leads to the unit that took it over, so the old
name still resolves to today's unit.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hr.models import UnitLevel

#: A merger chain is short (a commune merged once or twice); the bound stops a cycle entered by mistake.
MAX_MERGER_STEPS = 10


class AdministrativeUnit(models.Model):
    """A province, a former district or a commune, valid over a period, with the unit it was merged into."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=128)
    # The levels of hr's organisation units: the same three, the district one ended on 30/6/2025.
    level = models.CharField(_("level"), max_length=8, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        verbose_name=_("merged into"),
    )
    instrument = models.CharField(_("legal instrument"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["level", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def is_valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    def successor(self) -> "AdministrativeUnit":
        """The unit this one is today: itself if never merged, else the end of its merger chain."""
        unit = self
        for _step in range(MAX_MERGER_STEPS):
            if unit.merged_into_id is None:
                return unit
            unit = unit.merged_into
        return unit

    def full_name(self) -> str:
        """The unit with its parents, as Mẫu 2C writes a place: "xã Chiềng Cơi, thành phố Sơn La, tỉnh Sơn La"."""
        parts, unit = [], self
        for _step in range(MAX_MERGER_STEPS):
            parts.append(unit.name)
            if unit.parent_id is None:
                break
            unit = unit.parent
        return ", ".join(parts)
