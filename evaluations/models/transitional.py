"""Transitional clauses of a decree: units that may still rate a year under the older rules, and their choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TransitionalRules(models.Model):
    """Units of some kinds may rate their people of `year` under `older_rule_set` instead of `rule_set`.

    NĐ 233/2026 Điều 20.1: a public service unit that has not issued its own evaluation rules may rate its
    viên chức for 2026 under NĐ 90/2020.
    """

    code = models.CharField(_("code"), max_length=32, unique=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    rule_set = models.ForeignKey(
        "evaluations.RuleSet", on_delete=models.PROTECT, related_name="+", verbose_name=_("rules in force")
    )
    older_rule_set = models.ForeignKey(
        "evaluations.RuleSet", on_delete=models.PROTECT, related_name="+", verbose_name=_("older rules allowed")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    unit_kinds = models.JSONField(_("kinds of units"), default=list)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("transitional rules")
        verbose_name_plural = _("transitional rules")
        ordering = ["year", "code"]

    def __str__(self) -> str:
        return self.code


class UnitRulesChoice(models.Model):
    """A unit's choice, for one year, to rate its people under the older rules a transitional clause allows."""

    unit = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    transitional = models.ForeignKey(
        TransitionalRules, on_delete=models.PROTECT, related_name="choices", verbose_name=_("transitional rules")
    )
    # Why the unit may: it has not issued its own evaluation rules (and the document saying so).
    basis = models.TextField(_("basis of the choice"))
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    recorded_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("choice of the older evaluation rules")
        verbose_name_plural = _("choices of the older evaluation rules")
        ordering = ["-year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="unitruleschoice_one_per_year")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}"
