"""App configuration for training."""

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "training"

    def ready(self):
        # Imported here because models can only be imported once the app registry is ready: hr does not
        # import training, so completed training reaches a person's record history through hr's registry.
        from hr.selectors.history_events import employee_history_provider_register
        from training.selectors.records import training_history_events

        employee_history_provider_register(training_history_events)
