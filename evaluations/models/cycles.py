"""Evaluation cycles (a period over a unit subtree) and the per-agency quota rows."""

import calendar
import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PeriodKind(models.TextChoices):
    MONTHLY = "MONTHLY", _("Monthly")
    QUARTERLY = "QUARTERLY", _("Quarterly")
    ANNUAL = "ANNUAL", _("Annual")


PERIODS_PER_YEAR = {PeriodKind.MONTHLY: 12, PeriodKind.QUARTERLY: 4, PeriodKind.ANNUAL: 1}


class EvaluationCycle(models.Model):
    """One round of evaluation: a year (and month or quarter) for everyone in a unit subtree."""

    name = models.CharField(_("name"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    period_kind = models.CharField(_("period"), max_length=16, choices=PeriodKind.choices)
    period_number = models.PositiveSmallIntegerField(_("period number"), default=1)
    scope_unit = models.ForeignKey(
        "hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit (with its subtree)")
    )
    self_assessment_deadline = models.DateField(_("self-assessment deadline"), null=True, blank=True)
    decision_deadline = models.DateField(_("decision deadline"), null=True, blank=True)
    created_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    generated_at = models.DateTimeField(_("evaluations generated at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation cycle")
        verbose_name_plural = _("evaluation cycles")
        ordering = ["-year", "period_kind", "-period_number", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope_unit", "year", "period_kind", "period_number"], name="cycle_unique_period"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_annual(self) -> bool:
        return self.period_kind == PeriodKind.ANNUAL

    @property
    def period_start(self) -> datetime.date:
        if self.period_kind == PeriodKind.MONTHLY:
            return datetime.date(self.year, self.period_number, 1)
        if self.period_kind == PeriodKind.QUARTERLY:
            return datetime.date(self.year, 3 * self.period_number - 2, 1)
        return datetime.date(self.year, 1, 1)

    @property
    def period_end(self) -> datetime.date:
        """The last day of the period: the date that chooses the rule set."""
        if self.period_kind == PeriodKind.MONTHLY:
            month = self.period_number
        elif self.period_kind == PeriodKind.QUARTERLY:
            month = 3 * self.period_number
        else:
            month = 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])


class QuotaGroup(models.Model):
    """The per-agency row of a cycle: whether the unit is outstanding, and the lock that serialises quota checks."""

    cycle = models.ForeignKey(EvaluationCycle, on_delete=models.PROTECT, related_name="quota_groups")
    unit = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    outstanding = models.BooleanField(_("outstanding unit (raised quota)"), default=False)
    note = models.CharField(_("note"), max_length=255, blank=True)
    set_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quota group")
        verbose_name_plural = _("quota groups")
        ordering = ["cycle", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["cycle", "unit"], name="quotagroup_unique_unit")]

    def __str__(self) -> str:
        return f"{self.cycle_id}/{self.unit_id}"
