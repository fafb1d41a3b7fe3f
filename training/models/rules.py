"""The yearly minimum of credited periods as effective-dated rule rows (NĐ 101/2017, NĐ 171/2025)."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from backend.effective import EffectiveDated
from hr.models import Category


class Holder(models.TextChoices):
    ANY = "ANY", _("Everyone")
    LEADER = "LEADER", _("Holders of a leadership post")
    NON_LEADER = "NON_LEADER", _("People without a leadership post")


class PeriodMinimum(EffectiveDated):
    """Periods (tiết) a person must be credited per year, in force between two dates.

    The most specific row applies: category and holder, then category, then holder, then the general row.
    """

    # Blank: everyone without a row of their own category.
    category = models.CharField(_("category"), max_length=16, choices=Category.choices, blank=True)
    holder = models.CharField(_("applies to"), max_length=16, choices=Holder.choices, default=Holder.ANY)
    min_periods = models.PositiveSmallIntegerField(_("minimum periods per year"), validators=[MaxValueValidator(2000)])

    # Past decisions were taken under these rows: every change to them is kept.
    history = HistoricalRecords()

    overlap_key = ("category", "holder")

    class Meta(EffectiveDated.Meta):
        verbose_name = _("yearly training minimum")
        verbose_name_plural = _("yearly training minima")
        ordering = ["-valid_from", "category"]
        constraints = [
            *EffectiveDated.Meta.constraints,
            models.UniqueConstraint(fields=["category", "holder", "valid_from"], name="periodminimum_one_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.category or '*'}/{self.holder} ≥ {self.min_periods} ({self.valid_from})"


class CreditSource(models.TextChoices):
    """What may be credited toward the yearly minimum: a programme of a type, or teaching a course."""

    JOB_POSITION = "JOB_POSITION", _("Job-position programme")
    LEADERSHIP = "LEADERSHIP", _("Leadership-level programme")
    OTHER = "OTHER", _("Other programme")
    TEACHING = "TEACHING", _("Teaching in a retraining course")


class CreditRule(EffectiveDated):
    """Whether periods from a source count toward the yearly minimum, for whom, from a date, under which text.

    NĐ 171/2025 counts only job-position programmes for công chức (Điều 16.3) and, for a leader, the periods
    spent teaching retraining courses (Điều 3.4). The most specific row in force on 31 December of the year
    applies, as for `PeriodMinimum`; a source without a row counts for nothing.
    """

    source = models.CharField(_("source of periods"), max_length=16, choices=CreditSource.choices)
    # Blank: everyone without a row of their own category.
    category = models.CharField(_("category"), max_length=16, choices=Category.choices, blank=True)
    holder = models.CharField(_("applies to"), max_length=16, choices=Holder.choices, default=Holder.ANY)
    counts = models.BooleanField(_("counts toward the yearly minimum"))
    # Compliance was judged under these rows: every change to them is kept.
    history = HistoricalRecords()

    overlap_key = ("source", "category", "holder")

    class Meta(EffectiveDated.Meta):
        verbose_name = _("training credit rule")
        verbose_name_plural = _("training credit rules")
        ordering = ["-valid_from", "source", "category"]
        constraints = [
            *EffectiveDated.Meta.constraints,
            models.UniqueConstraint(
                fields=["source", "category", "holder", "valid_from"], name="creditrule_one_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.category or '*'}/{self.holder}: {self.counts} ({self.valid_from})"
