"""App configuration for the personnel dossier; registers its part of the national database feed."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossierConfig(AppConfig):
    name = "dossier"
    verbose_name = _("Personnel dossier")

    def ready(self):
        # Imported here because models can only be imported once the app registry is ready.
        from dossier.sync_groups import dossier_groups_register

        dossier_groups_register()
