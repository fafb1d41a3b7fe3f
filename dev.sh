#!/usr/bin/env bash
# Two commands for a fresh machine with Python 3.11+:
#   ./dev.sh serve   set up (virtualenv, install, migrate, demo data) and serve the API on :8000
#   ./dev.sh test    lint and run the whole test suite (DATABASE_URL picks PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

ensure_env() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  # Reinstall only when requirements.txt changed since the last install.
  local stamp="$VENV/.requirements.sha256"
  local want
  want=$(sha256sum requirements.txt | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r requirements.txt
    echo "$want" > "$stamp"
  fi
}

case "${1:-}" in
  serve)
    ensure_env
    "$VENV/bin/python" manage.py migrate --noinput
    "$VENV/bin/python" manage.py seed_demo --if-empty --staff "${DEMO_STAFF:-3000}"
    exec "$VENV/bin/python" manage.py runserver "${HOST:-127.0.0.1}:${PORT:-8000}"
    ;;
  test)
    ensure_env
    "$VENV/bin/ruff" check .
    "$VENV/bin/ruff" format --check .
    "$VENV/bin/python" manage.py makemigrations --check --dry-run --settings=backend.settings.test >/dev/null
    shift
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: ./dev.sh serve | ./dev.sh test [pytest args]" >&2
    exit 2
    ;;
esac
