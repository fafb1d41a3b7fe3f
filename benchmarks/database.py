"""The benchmarks' own PostgreSQL databases: named after DATABASE_URL, created or reset, with Django set up on them."""

import os
import sys
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql")


def bench_database(suffix: str, name: str | None = None) -> tuple[str, str]:
    """URL and name of a benchmark database: `name`, or DATABASE_URL's database name plus `suffix`.

    Exits with a message when DATABASE_URL is not PostgreSQL: the benchmarks measure the production database.
    """
    parts = urlsplit(os.environ.get("DATABASE_URL", ""))
    if parts.scheme not in POSTGRES_SCHEMES:
        sys.exit("DATABASE_URL must point at PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/cchc")
    name = name or f"{parts.path.lstrip('/') or 'cchc'}{suffix}"
    return urlunsplit(parts._replace(path=f"/{name}")), name


def ensure_database(url: str, name: str, *, fresh: bool) -> None:
    """Create the database if it is missing; with `fresh`, drop it first (closing its connections)."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    """Point Django at the benchmark database and set it up, without DEBUG's per-query logging."""
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "False"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings.local")
    import django

    django.setup()
