"""The health endpoint (/health/): database, cache, file storage, applied migrations and, when set up, the broker."""

import dataclasses

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.contrib.redis import Redis
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView
from kombu import Connection
from redis.asyncio import Redis as RedisClient


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration of the code is applied to the database (a deploy that skipped `migrate` is unhealthy)."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self):
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        finally:
            connection.close()
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied")


@dataclasses.dataclass
class Broker(HealthCheck):
    """The message broker (any kombu transport but Redis, which has its own check) accepts a connection."""

    url: str = dataclasses.field(default="", repr=False)

    def run(self):
        try:
            with Connection(self.url, connect_timeout=3) as connection:
                connection.ensure_connection(max_retries=1)
        except Exception as exc:
            raise ServiceUnavailable("Broker unavailable") from exc


def broker_checks(url: str) -> list:
    """The checks of the message broker at `url`: a Redis ping for Redis URLs; none without a URL or in memory."""
    if not url or url.startswith("memory://"):
        return []
    if url.startswith(("redis://", "rediss://", "unix://")):
        return [(Redis, {"client_factory": lambda: RedisClient.from_url(url, socket_connect_timeout=3)})]
    return [(Broker, {"url": url})]


class HealthView(HealthCheckView):
    """Readable without signing in; HTML by default, JSON with `Accept: application/json` or `?format=json`."""

    def get_checks(self):
        self.checks = [Database, Cache, Storage, Migrations, *broker_checks(broker_url())]
        return super().get_checks()


def broker_url() -> str:
    """The Celery broker of the settings (CELERY_BROKER_URL, from REDIS_URL by default); "" when none is set up."""
    return getattr(settings, "CELERY_BROKER_URL", "") or ""
