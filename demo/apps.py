"""App configuration for the demo province builder (`manage.py seed_demo`); no other app imports it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Demo data")
