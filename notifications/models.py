"""A notice sent (or to be sent) to one address for one event, and a person's choice of notices."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Notice(models.Model):
    """One e-mail of one event to one address: unique per (event, address), so an event is told once."""

    kind = models.CharField(_("kind"), max_length=60)
    event_key = models.CharField(_("event"), max_length=120)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name=_("recipient"),
    )
    email = models.EmailField(_("address"))
    subject = models.CharField(_("subject"), max_length=200)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["event_key", "email"], name="notice_once_per_event")]
        indexes = [models.Index(fields=["event_key"], name="notice_event_idx")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.email}"


class NoticePreference(models.Model):
    """A person's choice for one kind of notice that may be turned off (or on, for the digest)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences", verbose_name=_("user")
    )
    kind = models.CharField(_("kind"), max_length=60)
    enabled = models.BooleanField(_("enabled"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notice preference")
        verbose_name_plural = _("notice preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notice_preference_unique")]

    def __str__(self) -> str:
        return f"{self.user} {self.kind}: {self.enabled}"
