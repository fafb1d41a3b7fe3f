"""Vietnamese branding of the Django admin (header, title and index title)."""

from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _


def admin_site_brand(site: AdminSite) -> None:
    """Name the admin after the system instead of "Django administration"."""
    site.site_header = _("Civil servant evaluation and training system")
    site.site_title = _("Personnel department administration")
    site.index_title = _("System administration")
