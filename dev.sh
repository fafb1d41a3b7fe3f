#!/usr/bin/env bash
# Two commands for a fresh machine with Python 3.11+:
#   ./dev.sh serve   set up (virtualenv, install, migrate, demo data) and serve the API on :8000
#   ./dev.sh test    lint, check the layers and run the whole test suite (DATABASE_URL picks PostgreSQL)
# (`./dev.sh setup` does only the set-up the test command starts with: .ci/run's two suites then share it.)
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

# The portal's browser tests (tests/portal/test_e2e.py) drive Debian's chromium through Playwright; they are
# skipped, with the reason, when it is missing. Never `playwright install`: its browser download is not used.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing chromium for the browser tests..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "chromium could not be installed: the browser tests will be skipped." >&2
  else
    echo "No /usr/bin/chromium and not root: the browser tests will be skipped (apt-get install chromium)." >&2
  fi
}

case "${1:-}" in
  setup)
    ensure_env
    ensure_chromium
    ;;
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
    # Layers (pyproject.toml [tool.importlinter]): an import from a higher app fails the test command.
    "$VENV/bin/lint-imports" --no-cache --no-logo
    "$VENV/bin/python" manage.py makemigrations --check --dry-run --settings=backend.settings.test >/dev/null
    ensure_chromium
    shift
    # One process by default: PostgreSQL's transactional tests empty the tables behind them, so they must
    # run after every other test, which pytest-django's ordering ensures only within one process.
    # PYTEST_WORKERS=2 spreads test files over two processes (pytest-xdist) for a quicker local run; a file
    # that mixes transactional and other tests can then empty the tables under the next file (seen on SQLite).
    if [ "${PYTEST_WORKERS:-0}" -gt 0 ]; then
      set -- -n "$PYTEST_WORKERS" --dist loadfile "$@"
    fi
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: ./dev.sh serve | ./dev.sh test [pytest args] | ./dev.sh setup" >&2
    exit 2
    ;;
esac
