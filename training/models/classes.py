"""Classes held from a programme, with their lifecycle and session days."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Delivery(models.TextChoices):
    IN_PERSON = "IN_PERSON", _("In person")
    ONLINE = "ONLINE", _("Online")
    BLENDED = "BLENDED", _("Blended")


class ClassStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Draft")
    OPEN = "OPEN", _("Open for enrolment")
    IN_PROGRESS = "IN_PROGRESS", _("In progress")
    COMPLETED = "COMPLETED", _("Completed")
    CANCELLED = "CANCELLED", _("Cancelled")


class TrainingClass(models.Model):
    """One course held from a programme by a provider, organised by a unit."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    programme = models.ForeignKey(
        "training.Programme", on_delete=models.PROTECT, related_name="classes", verbose_name=_("programme")
    )
    # The unit running the class: its personnel officers (and admins) manage it.
    organiser = models.ForeignKey(
        "hr.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("organising unit")
    )
    provider = models.CharField(_("training provider"), max_length=255)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    delivery = models.CharField(_("delivery"), max_length=16, choices=Delivery.choices)
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1), MaxValueValidator(10000)])
    status = models.CharField(_("status"), max_length=16, choices=ClassStatus.choices, default=ClassStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="trainingclass_date_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} – {self.programme_id}"


class ClassSession(models.Model):
    """One session day of a class, worth a number of periods; attendance is taken per session."""

    training_class = models.ForeignKey(TrainingClass, on_delete=models.PROTECT, related_name="sessions")
    date = models.DateField(_("date"))
    periods = models.PositiveSmallIntegerField(
        _("periods (tiết)"), validators=[MinValueValidator(1), MaxValueValidator(16)]
    )

    class Meta:
        verbose_name = _("session day")
        verbose_name_plural = _("session days")
        ordering = ["training_class", "date"]
        constraints = [models.UniqueConstraint(fields=["training_class", "date"], name="classsession_one_per_day")]

    def __str__(self) -> str:
        return f"{self.training_class_id} {self.date}"
