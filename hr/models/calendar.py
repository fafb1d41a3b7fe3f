"""The working-day calendar: public holidays, compensatory days off and swapped working Saturdays, as dated rows.

Monday to Friday are working days and Saturday and Sunday are not (the civil service's five-day week), except
where a row says otherwise for that date. The rows are what each year's notice sets (Bộ luật Lao động 2019
Điều 112: the holidays, the adjacent day of 2/9, the compensatory day when a holiday falls on a weekend, and the
exchanges of days the Prime Minister allows), so a new year or a corrected notice is data, never code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DayKind(models.TextChoices):
    HOLIDAY = "HOLIDAY", _("Public holiday")
    DAY_OFF = "DAY_OFF", _("Compensatory or exchanged day off")
    WORKING = "WORKING", _("Weekend day worked in exchange")


# The kinds that make a weekday a day off.
OFF_KINDS = frozenset({DayKind.HOLIDAY, DayKind.DAY_OFF})


class DayBasis(models.TextChoices):
    NOTICE = "NOTICE", _("The year's notice, checked against its text")
    RECALLED_NOTICE = "RECALLED_NOTICE", _("The year's notice as recalled, not checked against its text")
    STATUTORY = "STATUTORY", _("The statutory rule alone, until the year's notice is loaded")


class CalendarDay(models.Model):
    """One date that departs from the five-day week: a holiday, a day off given for one, or a Saturday worked."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=DayKind.choices)
    name = models.CharField(_("name"), max_length=128)
    basis = models.CharField(_("basis"), max_length=16, choices=DayBasis.choices)
    # The instrument that sets this date (the yearly notice, or the article of the Labour Code it follows).
    source = models.CharField(_("source"), max_length=255)
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"
