"""Teaching in retraining courses: who taught which class for how many periods (NĐ 171/2025 Điều 3.4)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TeachingStatus(models.TextChoices):
    RECORDED = "RECORDED", _("Recorded")
    CANCELLED = "CANCELLED", _("Cancelled")


class TeachingAssignment(models.Model):
    """A person's teaching in a class; a leader's periods count toward their yearly minimum (CreditRule).

    Never deleted: a mistaken record is cancelled with its reason, and its history kept.
    """

    employee = models.ForeignKey(
        "hr.Employee", on_delete=models.PROTECT, related_name="teaching_assignments", verbose_name=_("teacher")
    )
    training_class = models.ForeignKey(
        "training.TrainingClass", on_delete=models.PROTECT, related_name="teaching_assignments", verbose_name=_("class")
    )
    periods = models.PositiveSmallIntegerField(
        _("periods taught (tiết)"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TeachingStatus.choices, default=TeachingStatus.RECORDED
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=255, blank=True)
    recorded_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("teaching assignment")
        verbose_name_plural = _("teaching assignments")
        ordering = ["-training_class__end_date", "employee__full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "training_class"],
                condition=models.Q(status="RECORDED"),
                name="teaching_one_per_class",
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} dạy {self.training_class_id}: {self.periods}"
