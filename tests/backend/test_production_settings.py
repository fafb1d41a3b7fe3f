"""Production settings pass Django's deployment checks and refuse to start without secrets."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            "--settings",
            "backend.settings.production",
        ],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean():
    result = run_check(
        SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="cchc.sonla.gov.vn", DATABASE_URL="sqlite:////tmp/cchc.db"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(ALLOWED_HOSTS="cchc.sonla.gov.vn", DATABASE_URL="sqlite:////tmp/cchc.db")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_security_defaults(settings):
    from backend.settings import base

    assert base.CORS_ALLOWED_ORIGINS == []
    assert base.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds() <= 15 * 60
    assert len(base.AUTH_PASSWORD_VALIDATORS) == 4
    assert base.REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] == ["rest_framework.permissions.IsAuthenticated"]
