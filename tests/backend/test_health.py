"""/health/: database, cache, storage and migrations (and the broker when one is configured), without sign-in."""

import pytest
from django.db.migrations.executor import MigrationExecutor

from backend.health import Broker, broker_checks

pytestmark = pytest.mark.django_db


def _json(client, url="/health/"):
    return client.get(url, HTTP_ACCEPT="application/json")


def test_healthy_without_sign_in_as_json(client):
    response = _json(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body.values()) == {"OK"}
    names = " ".join(body)
    for check in ("Database", "Cache", "Storage", "Migrations"):
        assert check in names, body
    assert "Redis" not in names  # no broker configured in the tests
    assert "no-cache" in response["Cache-Control"]


def test_json_through_the_query_string_and_html_by_default(client):
    assert client.get("/health/?format=json").json()
    page = client.get("/health/")
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")


def test_unapplied_migrations_make_it_unhealthy(client, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("hr", "9999_missing")])
    response = _json(client)
    assert response.status_code == 500
    failed = {name: state for name, state in response.json().items() if state != "OK"}
    assert list(failed) == ["Migrations(alias='default')"]
    assert "1 migration(s) not applied" in failed["Migrations(alias='default')"]


def test_a_configured_broker_is_checked(client, settings):
    # Nothing listens on port 1: the broker is reported unavailable, and the whole answer is 500.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = _json(client)
    assert response.status_code == 500
    body = response.json()
    redis = [state for name, state in body.items() if name.startswith("Redis")]
    assert redis and "Unable to connect to Redis" in redis[0], body
    assert body["Database(alias='default')"] == "OK"


def test_broker_checks_follow_the_url_scheme():
    assert broker_checks("") == []
    assert broker_checks("memory://") == []
    [(redis_check, options)] = broker_checks("redis://127.0.0.1:6379/0")
    assert redis_check.__name__ == "Redis" and callable(options["client_factory"])
    assert broker_checks("amqp://guest@127.0.0.1//") == [(Broker, {"url": "amqp://guest@127.0.0.1//"})]
