"""App configuration for training."""

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"
