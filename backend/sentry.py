"""Optional error reporting through sentry-sdk, started by the settings only when SENTRY_DSN is set."""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration, ignore_logger


def sentry_init(*, dsn: str, environment: str, traces_sample_rate: float = 0.0) -> None:
    """Report unhandled errors (and ERROR log records) to the Sentry project of `dsn`; no personal data is sent."""
    # A 5xx is reported once, by the Django integration, not again through its request-log line.
    ignore_logger("backend.requests")
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
        integrations=[DjangoIntegration(), LoggingIntegration(event_level="ERROR")],
    )
