"""docs/BACKUP.md's commands work: pg_dump -Fc, pg_restore into a new database, the same rows come back."""

import os
import shutil
import subprocess

import psycopg
import pytest
from django.db import connection

from tests.factories import EmployeeFactory

# The verification queries of docs/BACKUP.md.
COUNTS = """
  SELECT 'employees', count(*) FROM hr_employee UNION ALL
  SELECT 'employee history', count(*) FROM hr_historicalemployee UNION ALL
  SELECT 'units', count(*) FROM hr_orgunit UNION ALL
  SELECT 'accounts', count(*) FROM hr_user"""
FINGERPRINT = """
  SELECT count(*), md5(string_agg(concat_ws('|', national_id, full_name, date_of_birth, unit_id, status),
                                  ',' ORDER BY national_id))
  FROM hr_employee"""


def _pg_env() -> dict:
    settings = connection.settings_dict
    env = dict(os.environ)
    env.update(
        PGHOST=str(settings["HOST"] or "127.0.0.1"),
        PGPORT=str(settings["PORT"] or 5432),
        PGUSER=settings["USER"] or "postgres",
    )
    if settings["PASSWORD"]:
        env["PGPASSWORD"] = settings["PASSWORD"]
    return env


def _query(env: dict, database: str, sql: str) -> list:
    with psycopg.connect(
        host=env["PGHOST"], port=env["PGPORT"], user=env["PGUSER"], password=env.get("PGPASSWORD"), dbname=database
    ) as conn:
        return conn.execute(sql).fetchall()


@pytest.mark.postgres
@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "createdb", "dropdb")),
    reason="pg_dump is not installed",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_documented_dump_and_restore_round_trip(org, tmp_path):
    EmployeeFactory.create_batch(5, unit=org.a.room, full_name="Lường Thị Thuỷ")
    env = _pg_env()
    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"
    dump = tmp_path / "cchc.dump"

    def run(*command):
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)

    run("pg_dump", "-Fc", "--no-owner", "--no-privileges", "-f", str(dump), source)
    run("pg_restore", "--list", str(dump))
    run("dropdb", "--if-exists", restored)
    run("createdb", restored)
    try:
        run("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-j", "2", "-d", restored, str(dump))
        assert _query(env, restored, COUNTS) == _query(env, source, COUNTS)
        fingerprint = _query(env, restored, FINGERPRINT)
        assert fingerprint == _query(env, source, FINGERPRINT)
        assert fingerprint[0][0] >= 12
    finally:
        run("dropdb", "--if-exists", restored)
