"""Every request leaves one structured log record (id, user, path, status, duration) and an X-Request-ID header."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sentry_sdk
from django.conf import settings
from django.http import HttpResponse
from django.utils.module_loading import import_string

from backend.request_log import RequestIdFilter, RequestLogMiddleware

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _records(caplog):
    return [r for r in caplog.records if r.name == "backend.requests"]


def test_a_request_is_logged_with_its_id_user_status_and_duration(org, as_user, caplog):
    caplog.set_level(logging.INFO, logger="backend.requests")
    response = as_user(org.a.staff).get("/api/v1/auth/users/me/")
    assert response.status_code == 200
    [record] = _records(caplog)
    assert record.levelno == logging.INFO
    assert record.request_id == response["X-Request-ID"]
    assert len(record.request_id) == 32
    assert record.user == org.a.staff.username
    assert (record.method, record.path, record.status) == ("GET", "/api/v1/auth/users/me/", 200)
    assert isinstance(record.duration_ms, float) and record.duration_ms >= 0


def test_anonymous_refusals_are_logged_without_a_user(api, caplog):
    caplog.set_level(logging.INFO, logger="backend.requests")
    response = api.get("/api/v1/employees/?search=secret")
    assert response.status_code == 401
    [record] = _records(caplog)
    assert record.user is None and record.status == 401
    assert record.path == "/api/v1/employees/"  # the query string (search terms, tokens) is never logged


def test_the_proxys_request_id_is_kept_and_a_malformed_one_replaced(api, caplog):
    caplog.set_level(logging.INFO, logger="backend.requests")
    given = "nginx-7f3a9c2e41b0"
    assert api.get("/api/v1/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    replaced = api.get("/api/v1/", HTTP_X_REQUEST_ID="bad id\nwith newline")["X-Request-ID"]
    assert replaced != "bad id\nwith newline" and len(replaced) == 32
    assert [r.request_id for r in _records(caplog)] == [given, replaced]


def test_server_errors_are_logged_as_errors(api, caplog, monkeypatch):
    from backend.api import root

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(root.ApiRootView, "get", crash)
    api.raise_request_exception = False
    caplog.set_level(logging.INFO, logger="backend.requests")
    response = api.get("/api/v1/")
    assert response.status_code == 500
    [record] = _records(caplog)
    assert record.levelno == logging.ERROR and record.status == 500
    assert response["X-Request-ID"] == record.request_id


def test_the_configured_formatter_writes_one_json_object_a_line():
    # The formatter and filter as LOGGING configures them, on a record as the middleware writes it (the global
    # logging set-up is left alone: its handler keeps the stream it was given).
    options = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(options.pop("()"))(options.pop("format"), **options)
    record = logging.getLogger("backend.requests").makeRecord(
        "backend.requests",
        logging.INFO,
        __file__,
        1,
        "%s %s %s",
        ("GET", "/", 200),
        None,
        extra={"request_id": "abc12345", "user": "lo.van.a", "status": 200, "duration_ms": 1.5},
    )
    assert RequestIdFilter().filter(record)
    [line] = formatter.format(record).splitlines()
    entry = json.loads(line)
    assert entry["level"] == "INFO" and entry["logger"] == "backend.requests"
    assert entry["message"] == "GET / 200"
    assert (entry["request_id"], entry["user"], entry["status"], entry["duration_ms"]) == (
        "abc12345",
        "lo.van.a",
        200,
        1.5,
    )


def test_other_records_written_during_a_request_carry_its_id(rf):
    seen = []

    def view(request):
        record = logging.LogRecord("evaluations", logging.WARNING, __file__, 1, "inside the view", None, None)
        assert RequestIdFilter().filter(record)
        seen.append(record.request_id)
        return HttpResponse("ok")

    response = RequestLogMiddleware(view)(rf.get("/api/v1/"))
    assert seen == [response["X-Request-ID"]]
    outside = logging.LogRecord("evaluations", logging.WARNING, __file__, 1, "outside a request", None, None)
    assert RequestIdFilter().filter(outside) and outside.request_id == ""


def test_sentry_is_off_without_a_dsn():
    assert not settings.SENTRY_DSN
    assert not sentry_sdk.get_client().is_active()


def test_sentry_starts_when_a_dsn_is_set():
    code = (
        "import django, sentry_sdk; django.setup(); c = sentry_sdk.get_client();"
        "print(c.is_active(), c.options['environment'], c.options['send_default_pii'])"
    )
    # A DSN on the loopback's discard port: the client starts, and nothing is sent by starting it.
    env = {**os.environ, "SENTRY_DSN": "http://public@127.0.0.1:9/1", "SENTRY_ENVIRONMENT": "staging"}
    env["DJANGO_SETTINGS_MODULE"] = "backend.settings.test"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "staging", "False"]
