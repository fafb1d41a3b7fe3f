"""App configuration for bulk imports and exports."""

from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "exchange"
