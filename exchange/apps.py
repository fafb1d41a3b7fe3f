"""App configuration for bulk imports and exports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Import and export")

    def ready(self):
        # Registered once the models are loaded, so a worker that runs only jobs knows the import job too.
        from exchange.services import import_jobs  # noqa: F401
