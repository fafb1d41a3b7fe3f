"""Lists at national scale: the officer and admin employee list at 10,000, 100,000 and 1,000,000 people, with plans.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/employee_scale.py
     [--sizes 10000,100000,1000000] [--runs 30] [--database NAME] [--seed 2026]

DATABASE_URL must point at PostgreSQL. The benchmark works in its own database (by default the URL's
database name plus "_scale"), dropped and rebuilt on every run: migrated, filled with `seed_demo`'s
province at the first size, then grown to each next size by set-based SQL (every person copied with a
new national ID into the same unit, so each subtree grows in proportion; one INSERT … SELECT from
generate_series, no Python per row), and ANALYZEd. At each size it times, median of `--runs`:

  - `GET /api/v1/employees/?unit=<department>&status=ACTIVE&page_size=50` as the department's
    personnel officer and as the province admin (real JWT, scope, filters, bounded count, serialiser);
  - the same page by one raw SQL query + json.dumps (benchmarks/employee_list.py's baseline);
  - the same list as the admin for the unit whose subtree holds the fewest working people and for a
    unit holding none (`small_units`): a page of a few people among millions;

  - the training compliance summary and the rating distribution of that department
    (`/api/v1/training/compliance/summary/`, `/api/v1/evaluations/statistics/`) as the officer and the
    admin, next to the raw SQL aggregates of benchmarks/training_compliance.py and
    benchmarks/rating_distribution.py (every copied person carries the enrolments and evaluations of
    the person copied);

and prints EXPLAIN (ANALYZE) of the officer's page and count queries and of the reports' queries,
with the indexes they use and whether any plan scans the employee table sequentially.
"""

import argparse
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django

PAGE_SIZE = 50
REPORT_YEAR = 2025
# Every column of hr_employee but the id; the copy gets a new national ID and keeps the rest.
COPIED = [
    "legacy_id_number",
    "full_name",
    "date_of_birth",
    "sex",
    "ethnicity",
    "email",
    "category",
    "unit_id",
    "position_id",
    "rank_id",
    "salary_step_id",
    "salary_coefficient",
    "salary_date",
    "recruitment_date",
    "status",
    "education_level",
    "political_theory_level",
    "state_management_level",
    "created_at",
    "updated_at",
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="people at each step (ascending)")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per case (default 30)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _scale)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the demo province (default 2026)")
    parser.add_argument("--no-reports", action="store_true", help="lists only, no compliance and distribution")
    return parser.parse_args()


def grow(target: int, records: tuple = ()) -> float:
    """Copy people (cycling over the seeded ones) until the province has `target`; returns the seconds taken.

    Copy number g is person `last + g`, a copy of the seeded person numbered (g - 1) mod seeded, with a
    national ID 099 + 9 digits (no real province code, so never a seeded person's). Each copy also gets
    the rows of `records` (models with an `employee` key) of the person copied; by default the training
    enrolments and the evaluations, so that the compliance summary and the rating distribution grow with
    the people. Self-references (an amendment's original, a repeated offence's first decision) stay empty
    in the copies: they would point at another person's record.
    """
    from django.db import connection, transaction

    from evaluations.models import Evaluation
    from training.models import Enrolment

    records = records or (Enrolment, Evaluation)
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(id) FROM hr_employee")
        count, last = cursor.fetchone()
        missing = target - count
        if missing <= 0:
            return 0.0
        cursor.execute("SELECT count(*) FROM hr_employee WHERE national_id NOT LIKE '099%%'")
        params = {"last": last, "missing": missing, "seeded": cursor.fetchone()[0]}
        copies = """
            FROM generate_series(1, %(missing)s) AS g
            JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM hr_employee
                  WHERE national_id NOT LIKE '099%%') AS e ON e.n = (g - 1) %% %(seeded)s
        """
        cursor.execute(
            f"INSERT INTO hr_employee (id, national_id, {', '.join(COPIED)})"
            f" SELECT %(last)s + g, '099' || lpad((%(last)s + g)::text, 9, '0'), {', '.join('e.' + c for c in COPIED)}"
            f" {copies}",
            params,
        )
        cursor.execute("SELECT setval(pg_get_serial_sequence('hr_employee', 'id'), (SELECT max(id) FROM hr_employee))")
        emptied = {"amended_from_id", "repeat_of_id"}
        for model in records:
            kept = [f.column for f in model._meta.concrete_fields if f.column not in ("id", "employee_id", *emptied)]
            cursor.execute(
                f"INSERT INTO {model._meta.db_table} (employee_id, {', '.join(kept)})"
                f" SELECT %(last)s + g, {', '.join('r.' + c for c in kept)} {copies}"
                f" JOIN {model._meta.db_table} AS r ON r.employee_id = e.id",
                params,
            )
    with connection.cursor() as cursor:
        for table in ("hr_employee", *(model._meta.db_table for model in records)):
            cursor.execute(f"VACUUM ANALYZE {table}")
        cursor.execute("ANALYZE hr_orgunit")
    return time.monotonic() - started


def plan_summary(sql: str, params) -> tuple[list[str], float]:
    """EXPLAIN ANALYZE of one query: the lines naming scans, and the execution time in ms."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        lines = [row[0] for row in cursor.fetchall()]
    scans = [line.strip() for line in lines if "Scan" in line]
    executed = next((float(m.group(1)) for line in lines if (m := re.search(r"Execution Time: ([\d.]+)", line))), 0.0)
    return scans, executed


def api_queries(client, url: str, params, table: str = "hr_employee") -> list[tuple[str, tuple]]:
    """The queries naming `table` that one API request runs (SQL with its parameters)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    captured = []

    def keep(execute, sql, sql_params, many, context):
        if table in sql and not sql.startswith(("SAVEPOINT", "RELEASE", "EXPLAIN")):
            captured.append((sql, sql_params))
        return execute(sql, sql_params, many, context)

    with CaptureQueriesContext(connection), connection.execute_wrapper(keep):
        client.get(url, params)
    return captured


def print_plans(label: str, queries: list[tuple[str, tuple]]) -> None:
    for sql, sql_params in queries:
        scans, executed = plan_summary(sql, sql_params)
        upper = sql.upper()
        kind = "count" if "COUNT(" in upper else "page" if "ORDER BY" in upper else "look-up"
        if not label.endswith("list"):
            kind = "aggregate"
        sequential = [scan for scan in scans if "Seq Scan on hr_employee" in scan]
        print(f"  {label} {kind} query: {executed:.1f} ms; sequential scan of hr_employee: {bool(sequential)}")
        for scan in scans:
            print(f"    {scan}")


def median_ms(call, runs: int) -> float:
    for _ in range(3):  # warm-up
        call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def seed_reports(seed: int) -> None:
    """Three years of completed classes with results, and a REPORT_YEAR annual cycle, for every seeded person."""
    import random

    from benchmarks.rating_distribution import seed_evaluations
    from benchmarks.training_compliance import seed_training
    from hr.models import Employee, OrgUnit

    root = OrgUnit.objects.get(parent__isnull=True)
    seed_training(list(Employee.objects.all()), organiser=root, year=REPORT_YEAR, rng=random.Random(seed))
    seed_evaluations(argparse.Namespace(year=REPORT_YEAR, seed=seed), root, admin_username="admin")


def time_reports(clients: dict, department, runs: int, reports: list) -> None:
    """Compliance summary and rating distribution of the department for each caller, against raw SQL."""
    from benchmarks.rating_distribution import raw_payload
    from benchmarks.training_compliance import raw_figures

    training_year = rated_year = REPORT_YEAR
    cases = [
        (
            "compliance summary",
            "/api/v1/training/compliance/summary/",
            {"unit": department.pk, "year": training_year},
            lambda: raw_figures(department, training_year),
            "hr_employee",
        ),
        (
            "rating distribution",
            "/api/v1/evaluations/statistics/",
            {"unit": department.pk, "year": rated_year},
            lambda: raw_payload(department, rated_year),
            "evaluations_evaluation",
        ),
    ]
    for report, url, params, raw, table in cases:
        raw_ms = median_ms(raw, runs)
        for label, client in clients.items():

            def call(client=client, url=url, params=params):
                response = client.get(url, params)
                assert response.status_code == 200, response.content[:300]

            api_ms = median_ms(call, runs)
            reports.append((report, label, api_ms, raw_ms))
            print(f"  {report} as {label}: {api_ms:.1f} ms; raw SQL {raw_ms:.1f} ms; {api_ms / raw_ms:.1f}×")
        print_plans(report, api_queries(clients["province admin"], url, params, table))


def small_units() -> dict:
    """The open unit (down to the second level) whose subtree holds the fewest working people, and a unit
    holding none (in the demo, a district closed by the 2025 merger: its history is still listed).

    The busiest department is the case the list's page reads along the name index; these are the cases that
    index serves worst (a page of a few people among millions), chosen once at the seeded size: each copy
    joins its person's unit, so the proportions stay.
    """
    from django.db import connection

    from hr.models import OrgUnit

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.id, p.valid_to IS NULL, (SELECT count(*) FROM hr_employee e JOIN hr_orgunit c"
            " ON c.id = e.unit_id WHERE c.path LIKE p.path || '%%' AND e.status = 'ACTIVE') AS n"
            " FROM hr_orgunit p WHERE p.depth <= 2 ORDER BY n, p.id"
        )
        rows = cursor.fetchall()
    chosen = {
        "fewest people": next((pk for pk, is_open, n in rows if n > 0 and is_open), None),
        "nobody": next((pk for pk, _is_open, n in rows if n == 0), None),
    }
    return {label: OrgUnit.objects.get(pk=pk) for label, pk in chosen.items() if pk is not None}


def main() -> None:
    args = parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    url, name = bench_database("_scale", args.database)
    ensure_database(url, name, fresh=True)
    setup_django(url)
    import datetime

    from django.core.management import call_command
    from django.db import connection

    from benchmarks.employee_list import api_client, busiest_department, department_officer, time_api, time_raw
    from demo.province import seed_province
    from hr.models import Employee, User

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    seed_province(seed=args.seed, staff=sizes[0], as_of=datetime.date.today())
    if not args.no_reports:
        seed_reports(args.seed)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"PostgreSQL database {name}: seeded {sizes[0]:,} people in {time.monotonic() - started:.0f} s.")
    department, _active = busiest_department()
    admin = User.objects.get(username="admin")
    officer = department_officer(department)
    params = {"unit": department.pk, "status": "ACTIVE", "page_size": PAGE_SIZE}
    clients = {"personnel officer": api_client(officer), "province admin": api_client(admin)}
    table = []
    smalls = []
    small = small_units()
    reports = defaultdict(list)
    for size in sizes:
        seconds = grow(size)
        total = Employee.objects.count()
        active = Employee.objects.filter(unit__path__startswith=department.path, status="ACTIVE").count()
        print(
            f"\n== {total:,} people ({f'grown by set-based SQL in {seconds:.0f} s' if seconds else 'seeded'}); "
            f"{department.name}: {active:,} working people in its subtree"
        )
        for label, client in clients.items():
            api_samples, api_ids, queries = time_api(client, params, args.runs)
            raw_samples, raw_ids = time_raw(department, officer if label == "personnel officer" else None, args.runs)
            if api_ids != raw_ids:
                print(f"warning: the raw page differs from the API page for the {label}")
            body = client.get("/api/v1/employees/", params).json()
            table.append(
                (
                    label,
                    total,
                    statistics.median(api_samples) * 1000,
                    statistics.median(raw_samples) * 1000,
                    queries,
                    body["count"],
                    body["count_estimated"],
                )
            )
        for label, unit in small.items():
            unit_params = {**params, "unit": unit.pk}

            def call(unit_params=unit_params):
                return clients["province admin"].get("/api/v1/employees/", unit_params)

            body = call().json()
            smalls.append((label, unit.code, total, median_ms(call, args.runs), body["count"], body["count_estimated"]))
        print_plans("officer list", api_queries(clients["personnel officer"], "/api/v1/employees/", params))
        if not args.no_reports:
            time_reports(clients, department, args.runs, reports[total])
    print(f"\n{'caller':<20}{'people':>11}{'API ms':>9}{'raw SQL+json ms':>17}{'ratio':>8}{'queries':>9}{'count':>10}")
    for label, total, api_ms, raw_ms, queries, count, estimated in table:
        shown = f"~{count:,}" if estimated else f"{count:,}"
        print(f"{label:<20}{total:>11,}{api_ms:>9.1f}{raw_ms:>17.2f}{api_ms / raw_ms:>7.1f}×{queries:>9}{shown:>10}")
    if smalls:
        print(f"\n{'admin, ?unit= of':<16}{'unit':<20}{'people':>11}{'API ms':>9}{'count':>10}")
        for label, code, total, api_ms, count, estimated in smalls:
            shown = f"~{count:,}" if estimated else f"{count:,}"
            print(f"{label:<16}{code:<20}{total:>11,}{api_ms:>9.1f}{shown:>10}")
    if reports:
        print(f"\n{'report':<22}{'caller':<20}{'people':>11}{'API ms':>9}{'raw SQL ms':>12}{'ratio':>8}")
        for total, rows in reports.items():
            for report, label, api_ms, raw_ms in rows:
                print(f"{report:<22}{label:<20}{total:>11,}{api_ms:>9.1f}{raw_ms:>12.1f}{api_ms / raw_ms:>7.1f}×")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}")


if __name__ == "__main__":
    main()
