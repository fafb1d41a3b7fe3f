"""App configuration for the national database feed; registers the data groups hr already holds."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyncConfig(AppConfig):
    name = "sync"
    verbose_name = _("National database feed")

    def ready(self):
        # Imported here because models can only be imported once the app registry is ready.
        from sync.hr_groups import hr_groups_register

        hr_groups_register()
