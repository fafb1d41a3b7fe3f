"""A job: who started it, what it does, how far it got, and its result file or the reason it failed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "QUEUED", _("Queued")
    RUNNING = "RUNNING", _("Running")
    SUCCEEDED = "SUCCEEDED", _("Succeeded")
    FAILED = "FAILED", _("Failed")


class Job(models.Model):
    """One run of a registered kind of work (jobs.registry); its rows are kept, its result file expires."""

    kind = models.CharField(_("kind"), max_length=40)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jobs", verbose_name=_("started by")
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # The work split into parts run by separate tasks (and so by separate worker processes).
    parts = models.JSONField(_("parts"), default=list, blank=True)
    parts_done = models.JSONField(_("parts done"), default=list, blank=True)
    total = models.PositiveIntegerField(_("items to do"), default=0)
    done = models.PositiveIntegerField(_("items done"), default=0)
    result = models.FileField(_("result file"), upload_to="jobs/", blank=True)
    result_name = models.CharField(_("result file name"), max_length=200, blank=True)
    result_content_type = models.CharField(_("result content type"), max_length=100, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    error_code = models.CharField(_("error code"), max_length=60, blank=True)
    error_detail = models.JSONField(_("error detail"), default=None, null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("result expires at"), null=True, blank=True)
    result_expired = models.BooleanField(_("result removed"), default=False)

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["started_by", "-created_at"], name="job_started_by_idx")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)
