"""A fresh install with the production settings, as docs/DEPLOY.md does it, under gunicorn on the loopback.

migrate, collectstatic, bootstrap_province, then gunicorn with the repository's gunicorn.conf.py: the admin is
styled (whitenoise serves the collected, hashed, compressed files), the API docs load only local files, and
/health/ answers (when a Redis server is there for the production cache).
"""

import gzip
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HASHED_BASE_CSS = re.compile(r'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"')
LOCAL_ASSET = re.compile(r"""(?:src|href)\s*=\s*["'](/static/[^"']+)["']""")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


class Server:
    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"

    def get(self, path: str, *, https: bool = True, **headers):
        """(status, headers, body) of a GET; X-Forwarded-Proto as nginx sets it for an HTTPS visitor."""
        request = urllib.request.Request(self.base + path, headers={**headers})
        if https:
            request.add_header("X-Forwarded-Proto", "https")
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers, exc.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def install(tmp_path_factory):
    base = tmp_path_factory.mktemp("install")
    port = _free_port()
    redis = _redis_up()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CELERY_", "REDIS_", "SENTRY_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "backend.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{base / 'db.sqlite3'}",
        "STATIC_ROOT": str(base / "static"),
        "MEDIA_ROOT": str(base / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    if redis:
        env["REDIS_URL"] = "redis://127.0.0.1:6379/14"

    def manage(*args, extra=None):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**env, **(extra or {})},
            capture_output=True,
            text=True,
            timeout=300,
        )
        return result

    for step in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        result = manage(*step)
        assert result.returncode == 0, result.stdout + result.stderr
    bootstrap = ["bootstrap_province", "--unit-code", "SL", "--unit-name", "UBND tỉnh Sơn La", "--noinput"]
    first = manage(*bootstrap, extra={"BOOTSTRAP_ADMIN_PASSWORD": "Quan-tri-Tinh-2026!"})
    assert first.returncode == 0, first.stdout + first.stderr
    again = manage(*bootstrap, extra={"BOOTSTRAP_ADMIN_PASSWORD": "Quan-tri-Tinh-2026!"})
    assert again.returncode != 0 and "Already bootstrapped" in again.stderr

    log = (base / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, (base / "gunicorn.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
        yield Server(port), redis, base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_the_admin_is_styled(install):
    server, _redis, _base = install
    status, _headers, body = server.get("/admin/login/")
    assert status == 200
    [hashed] = HASHED_BASE_CSS.findall(body.decode())
    status, headers, css = server.get(hashed, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert b"--primary" in gzip.decompress(css)


def test_static_admin_base_css_is_served_under_its_plain_name(install):
    server, _redis, _base = install
    status, headers, css = server.get("/static/admin/css/base.css")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert b"--primary" in css


def test_the_api_docs_load_only_local_files(install):
    server, _redis, _base = install
    for page in ("/api/docs/", "/api/redoc/"):
        status, _headers, body = server.get(page)
        assert status == 200, page
        html = body.decode()
        assert "http://" not in html and "https://" not in html, page
        assets = LOCAL_ASSET.findall(html)
        assert assets, page
        for asset in assets:
            assert server.get(asset)[0] == 200, asset


def test_plain_http_is_sent_to_https_but_the_health_probe_is_not(install):
    server, redis, _base = install
    status, headers, _body = server.get("/admin/login/", https=False)
    assert status == 301 and headers["Location"].startswith("https://")
    if not redis:
        pytest.skip("no Redis server on 127.0.0.1:6379 for the production cache")
    status, _headers, body = server.get("/health/?format=json", https=False)
    assert status == 200, body


def test_health_reports_every_check_as_json(install):
    server, redis, _base = install
    if not redis:
        pytest.skip("no Redis server on 127.0.0.1:6379 for the production cache")
    status, headers, body = server.get("/health/", Accept="application/json")
    assert status == 200, body
    assert headers["Content-Type"] == "application/json"
    text = body.decode()
    for check in ("Database", "Cache", "Storage", "Migrations", "Redis"):
        assert check in text, text
    assert "X-Request-ID" in headers


def test_the_portal_pages_and_their_assets_are_served(install):
    # With the manifest storage, a template naming a static file that was not collected is a 500.
    server, _redis, _base = install
    for page in ("/login/", "/password/reset/"):
        status, _headers, body = server.get(page)
        assert status == 200, (page, body[:500])
        assets = LOCAL_ASSET.findall(body.decode())
        assert assets, page
        for asset in assets:
            assert server.get(asset)[0] == 200, asset
