"""App configuration for bulk imports and exports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Import and export")

    def ready(self):
        # Registered once the models are loaded, so a worker that runs only jobs knows the import and export jobs
        # too; the views register how each export builds its table (exchange.services.export_jobs).
        from exchange.services import export_jobs, import_jobs  # noqa: F401
        from exchange.views import exports  # noqa: F401
