"""Yearly quality ratings: the shared scale, the ratings of people and of units, units' published reform results."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RatingLevel(models.TextChoices):
    """The four levels of Luật CBCC 2025 Điều 26, best first."""

    EXCELLENT = "HTXSNV", _("Excellently completed duties")
    GOOD = "HTTNV", _("Well completed duties")
    COMPLETED = "HTNV", _("Completed duties")
    NOT_COMPLETED = "KHTNV", _("Did not complete duties")


# Higher is better; lets rules compare levels ("not above HTNV").
RATING_ORDER = {
    RatingLevel.NOT_COMPLETED: 0,
    RatingLevel.COMPLETED: 1,
    RatingLevel.GOOD: 2,
    RatingLevel.EXCELLENT: 3,
}


class RatingSource(models.TextChoices):
    MANUAL = "MANUAL", _("Recorded by a personnel officer")
    EVALUATION = "EVALUATION", _("Decided evaluation")


class AnnualRating(models.Model):
    """A person's quality rating for one year, as used by commendation and later rules."""

    employee = models.ForeignKey("hr.Employee", on_delete=models.PROTECT, related_name="annual_ratings")
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=8, choices=RatingLevel.choices)
    source = models.CharField(_("source"), max_length=16, choices=RatingSource.choices, default=RatingSource.MANUAL)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("annual rating")
        verbose_name_plural = _("annual ratings")
        ordering = ["employee", "-year"]
        constraints = [models.UniqueConstraint(fields=["employee", "year"], name="annualrating_one_per_year")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.year}: {self.rating}"


class UnitRating(models.Model):
    """A unit's own quality rating for a year; its head may not be rated above it."""

    unit = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=8, choices=RatingLevel.choices)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    recorded_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The tables keep the names they had in the evaluations app, where the model was first: the move
    # changed no data and needs no migration of the evaluations app before this one.
    history = HistoricalRecords(table_name="evaluations_historicalunitrating")

    class Meta:
        db_table = "evaluations_unitrating"
        verbose_name = _("unit rating")
        verbose_name_plural = _("unit ratings")
        ordering = ["-year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="unitrating_one_per_year")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}: {self.rating}"


class UnitReformResult(models.Model):
    """An agency's published reform (PAR) result for a year: its band and the best rating its head may get.

    Written by the reform app when it publishes the appraisal, read by the evaluation of the head of agency
    (Sơn La's reform plan); the values are those of the day of publication.
    """

    unit = models.ForeignKey("hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    band = models.CharField(_("band"), max_length=8)
    head_rating_cap = models.CharField(
        _("highest rating of the head"), max_length=8, choices=RatingLevel.choices, blank=True
    )
    decision_number = models.CharField(_("publication decision number"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("published reform result")
        verbose_name_plural = _("published reform results")
        ordering = ["-year", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="unitreformresult_one_per_year")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.year}: {self.band}"
