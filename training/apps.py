"""App configuration for training."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = _("Training")

    def ready(self):
        # Imported here because models can only be imported once the app registry is ready: hr does not
        # import training, so completed training reaches a person's record history through hr's registry.
        from hr.selectors.history_events import employee_history_provider_register
        from training.selectors.records import training_history_events

        employee_history_provider_register(training_history_events)
        from training import notices  # noqa: F401  (notice kinds, known to a worker too)
