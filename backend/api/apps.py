"""App configuration of the shared API plumbing: installs strict input parsing for every serializer and filter."""

from django.apps import AppConfig

from backend.api.strict import strict_json_fields_install, strict_query_flags_install


class ApiConfig(AppConfig):
    name = "backend.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        strict_json_fields_install()
        strict_query_flags_install()
