"""What the national database said it has taken: each acknowledgement, kept as it came."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Acknowledgement(models.Model):
    """One acknowledgement call: up to a cursor, or a list of change ids; never changed afterwards."""

    cursor = models.CharField(_("cursor"), max_length=64, blank=True)
    change_ids = models.JSONField(_("change ids"), default=list, blank=True)
    acknowledged = models.PositiveIntegerField(_("changes newly acknowledged"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    received_from = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("account")
    )

    class Meta:
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.received_at:%d/%m/%Y %H:%M}: {self.acknowledged}"
