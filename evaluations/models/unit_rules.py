"""Rules on the quality ratings of units themselves (NĐ 233/2026 Điều 5–9 for public service units)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated


class UnitRatingRule(EffectiveDated):
    """The rules of one decree on rating units of some kinds, for the years whose 31 December it is in force.

    HTXSNV units are at most `quota_pct` % of the units of the group rated HTTNV or better, the group being
    the units of those kinds in existence in the year under the same managing agency (rated by the same
    competent authority); a group smaller than `small_group_size` has at most `small_group_max`. With
    `excellent_needs_components`, no unit one of whose component units is rated KHTNV is rated HTXSNV.
    """

    code = models.CharField(_("code"), max_length=32, unique=True)
    unit_kinds = models.JSONField(_("kinds of units"), default=list)
    quota_pct = models.DecimalField(
        _("excellent quota (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    small_group_size = models.PositiveSmallIntegerField(_("small group: fewer than"), default=5)
    small_group_max = models.PositiveSmallIntegerField(_("small group: at most"), default=1)
    excellent_needs_components = models.BooleanField(
        _("no excellent rating while a component unit did not complete"), default=False
    )

    history = HistoricalRecords()

    class Meta(EffectiveDated.Meta):
        verbose_name = _("unit rating rule")
        verbose_name_plural = _("unit rating rules")
        ordering = ["valid_from", "code"]

    def overlap_keys(self):
        # The unit kinds are a list, so PostgreSQL cannot exclude overlaps by constraint: the overlap test does.
        return [(kind,) for kind in self.unit_kinds]

    def __str__(self) -> str:
        return self.code
