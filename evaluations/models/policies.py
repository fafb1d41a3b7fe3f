"""Provincial policy as effective-dated data of the province's own decision, apart from the national rule sets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated


class PolicyKind(models.TextChoices):
    """What a province may add on top of the decree that rates a person."""

    HEAD_REFORM_CAP = "HEAD_REFORM_CAP", _("Head of agency capped by the agency's published reform result")


class ProvincePolicy(EffectiveDated):
    """A rule of the province (or of one unit's subtree) in force between two dates, whatever decree rates people.

    Sơn La's reform plan ties each head of agency to the agency's reform band (QĐ 2407/QĐ-UBND): a policy row
    read by the evaluation decision, so a new national decree neither carries nor drops it.
    """

    kind = models.CharField(_("policy"), max_length=32, choices=PolicyKind.choices)
    # Blank: the whole province this installation serves; else the unit and its subtree.
    unit = models.ForeignKey(
        "hr.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit (blank: the whole province)"),
    )
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    overlap_key = ("kind", "unit_id")

    class Meta(EffectiveDated.Meta):
        verbose_name = _("province policy")
        verbose_name_plural = _("province policies")
        ordering = ["kind", "valid_from"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.valid_from})"
