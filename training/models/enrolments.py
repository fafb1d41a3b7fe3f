"""Enrolments of people in classes, their attendance and results, and certificates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "ENROLLED", _("Enrolled")
    WITHDRAWN = "WITHDRAWN", _("Withdrawn")


class Result(models.TextChoices):
    PENDING = "PENDING", _("Pending")
    PASSED = "PASSED", _("Passed")
    FAILED = "FAILED", _("Failed")
    ABSENT = "ABSENT", _("Absent")


class Enrolment(models.Model):
    """A person's place in a class and, once recorded, their result and credited periods."""

    employee = models.ForeignKey(
        "hr.Employee", on_delete=models.PROTECT, related_name="training_enrolments", verbose_name=_("employee")
    )
    training_class = models.ForeignKey(
        "training.TrainingClass", on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("class")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    result = models.CharField(_("result"), max_length=16, choices=Result.choices, default=Result.PENDING)
    periods_credited = models.PositiveSmallIntegerField(_("periods credited"), default=0)
    result_note = models.CharField(_("note"), max_length=255, blank=True)
    enrolled_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    enrolled_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["training_class", "employee__full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "training_class"],
                condition=models.Q(status="ENROLLED"),
                name="enrolment_one_active_per_class",
            )
        ]
        indexes = [models.Index(fields=["employee", "result"])]

    def __str__(self) -> str:
        return f"{self.employee_id} @ {self.training_class_id}"


class Attendance(models.Model):
    """Whether an enrolled person attended one session day."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="attendances")
    session = models.ForeignKey("training.ClassSession", on_delete=models.PROTECT, related_name="attendances")
    present = models.BooleanField(_("present"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session__date", "enrolment"]
        constraints = [models.UniqueConstraint(fields=["enrolment", "session"], name="attendance_one_per_session")]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.session_id}: {self.present}"


class Certificate(models.Model):
    """A certificate for a passed result; its verification code is confirmed publicly."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.PROTECT, related_name="certificate")
    number = models.CharField(_("certificate number"), max_length=64, unique=True)
    issue_date = models.DateField(_("issue date"))
    verification_code = models.CharField(_("verification code"), max_length=32, unique=True, editable=False)
    issued_by = models.ForeignKey("hr.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issue_date", "-id"]

    def __str__(self) -> str:
        return self.number
