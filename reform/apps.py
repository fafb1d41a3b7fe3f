"""App configuration for the administrative-reform appraisal."""

from django.apps import AppConfig


class ReformConfig(AppConfig):
    name = "reform"
