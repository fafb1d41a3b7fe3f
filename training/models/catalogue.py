"""The training catalogue: content areas, topic tags (reform areas among them) and programmes."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ContentArea(models.Model):
    """A content area of retraining (NĐ 171/2025 Điều 14), loaded as reference data."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("content area")
        verbose_name_plural = _("content areas")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class TopicTag(models.Model):
    """A topic of a programme; the administrative-reform areas are tags with `is_reform` set."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    # Training with a reform tag counts towards the agency's reform appraisal.
    is_reform = models.BooleanField(_("administrative-reform content"), default=False)

    class Meta:
        verbose_name = _("topic tag")
        verbose_name_plural = _("topic tags")
        ordering = ["-is_reform", "code"]

    def __str__(self) -> str:
        return self.name


class ProgrammeType(models.TextChoices):
    LEADERSHIP = "LEADERSHIP", _("Leadership level")
    JOB_POSITION = "JOB_POSITION", _("Job position")
    OTHER = "OTHER", _("Other")


class Programme(models.Model):
    """A retraining programme of the catalogue; classes are held from it."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=255)
    content_area = models.ForeignKey(
        ContentArea, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("content area")
    )
    programme_type = models.CharField(_("programme type"), max_length=16, choices=ProgrammeType.choices)
    periods = models.PositiveSmallIntegerField(
        _("periods (tiết)"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    tags = models.ManyToManyField(TopicTag, blank=True, related_name="programmes", verbose_name=_("topic tags"))
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("offered"), default=True)
    history = HistoricalRecords(m2m_fields=[tags])

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
