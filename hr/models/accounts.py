"""User accounts, their role and the unit subtree the role applies to."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    PROVINCE_ADMIN = "PROVINCE_ADMIN", _("Province administrator")
    PERSONNEL_OFFICER = "PERSONNEL_OFFICER", _("Personnel officer")
    MANAGER = "MANAGER", _("Manager")
    STAFF = "STAFF", _("Staff")
    # A machine account of the national CBCCVC database's connector: reads and acknowledges the sync feed only.
    NATIONAL_SYNC = "NATIONAL_SYNC", _("National database connector")


class User(AbstractUser):
    """A login; linked one-to-one to an employee, scoped to a unit subtree by role."""

    role = models.CharField(_("role"), max_length=24, choices=Role.choices, default=Role.STAFF)
    employee = models.OneToOneField(
        "hr.Employee",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="account",
        verbose_name=_("employee"),
    )
    # For officers: their agency; for managers: the unit they head. Admins need none.
    scope_unit = models.ForeignKey(
        "hr.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("scope unit"),
    )
    history = HistoricalRecords(excluded_fields=["last_login", "password"])

    class Meta(AbstractUser.Meta):
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        swappable = "AUTH_USER_MODEL"

    @property
    def is_province_admin(self) -> bool:
        return self.role == Role.PROVINCE_ADMIN or self.is_superuser
