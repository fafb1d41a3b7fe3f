"""App configuration for evaluations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")

    def ready(self):
        # Registered once the models are loaded, so a worker that runs only jobs knows these kinds too.
        from evaluations import notices  # noqa: F401  (notice kinds)
        from evaluations.services import forms_batch  # noqa: F401  (the forms batch job kind)
