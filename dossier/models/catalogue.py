"""The field catalogue: which fields each of NĐ 27's ten groups holds, as data a migration loads.

The decree's appendix (194 fields) was not available when this was written; the rows loaded come from
Mẫu 2C-BNV/2008 (TT 11/2012/TT-BNV) and name that instrument. The appendix's list is loaded later as new
rows of its own instrument, without code: validation, self-updates and the dossier all read this table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DataGroup(models.TextChoices):
    """NĐ 27/2026's ten data groups, in the decree's order (DOMAIN.md §6.5)."""

    IDENTITY = "IDENTITY", _("Identity and origin")
    FAMILY = "FAMILY", _("Family relations")
    PERSONAL_HISTORY = "PERSONAL_HISTORY", _("Personal history")
    RECRUITMENT = "RECRUITMENT", _("Recruitment, appointment, transfer and departure")
    EDUCATION = "EDUCATION", _("Education, qualifications and training")
    WORK = "WORK", _("Agency, job position, salary, allowances, rating, commendation, discipline")
    POLITICAL = "POLITICAL", _("Political and socio-political organisations")
    MILITARY = "MILITARY", _("Armed-forces service")
    ASSETS = "ASSETS", _("Assets and income")
    HEALTH = "HEALTH", _("Health")


class FieldType(models.TextChoices):
    TEXT = "TEXT", _("Text")
    DATE = "DATE", _("Date")
    INTEGER = "INTEGER", _("Whole number")
    DECIMAL = "DECIMAL", _("Decimal number")
    CHOICE = "CHOICE", _("One of a list")
    ADMIN_UNIT = "ADMIN_UNIT", _("Administrative unit")
    TABLE = "TABLE", _("Table of rows")


#: Where a catalogue field's value lives. `RECORD` fields are stored in the person's group record (and may be
#: proposed by the person); `employee.<attr>` fields are read from hr's record; `table.<name>` from a dossier
#: table or another app's rows.
RECORD = "record"


class FieldDefinition(models.Model):
    """One field of a group, as an instrument lists it; effective-dated, so a new appendix replaces rows by date."""

    instrument = models.CharField(_("legal instrument"), max_length=64)
    group = models.CharField(_("data group"), max_length=24, choices=DataGroup.choices)
    key = models.SlugField(_("field key"), max_length=64)
    label_vi = models.CharField(_("label (Vietnamese)"), max_length=255)
    value_type = models.CharField(_("type"), max_length=16, choices=FieldType.choices)
    required = models.BooleanField(_("required"), default=False)
    source = models.CharField(_("source"), max_length=64, default=RECORD)
    options = models.JSONField(_("allowed values"), default=list, blank=True)
    max_length = models.PositiveIntegerField(_("maximum length"), null=True, blank=True)
    self_service = models.BooleanField(_("the person may propose it"), default=False)
    form_item = models.CharField(_("item of Mẫu 2C"), max_length=8, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dossier field")
        verbose_name_plural = _("dossier fields")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "key"], name="dossier_field_unique_per_instrument"),
        ]

    def __str__(self) -> str:
        return f"{self.group}.{self.key}"

    @property
    def is_record(self) -> bool:
        return self.source == RECORD
