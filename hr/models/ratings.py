"""Annual quality ratings: the shared rating scale and each person's yearly result."""

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
