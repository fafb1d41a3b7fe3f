"""Filtered employee list: the real API (JWT, scoping, filters, pagination) against one raw SQL query.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/employee_list.py
     [--employees 100000] [--runs 30] [--database NAME] [--seed 2026]

DATABASE_URL must point at PostgreSQL. The benchmark works in its own database (by default the
URL's database name plus "_bench", e.g. cchc_bench), which it creates, migrates and fills with
`seed_demo`'s province at the requested size; a database already seeded at that size is reused,
one of another size is dropped and rebuilt. It then times
`GET /api/v1/employees/?unit=<department>&status=ACTIVE&page_size=50` as the province admin and as
that department's personnel officer, next to the same page fetched by one SQL query and
serialised with json.dumps, and prints the medians and their ratio.
"""

import argparse
import datetime
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django

PAGE_SIZE = 50


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=100_000, help="people in the province (default 100000)")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per case (default 30)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _bench)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the demo province (default 2026)")
    return parser.parse_args()


def prepare(args, url: str, name: str) -> str:
    """Migrate and seed the benchmark database unless it already holds a province of this size."""
    from django.core.management import call_command
    from django.db import connection

    from demo.province import seed_province
    from hr.models import Employee, OrgUnit

    call_command("migrate", verbosity=0)
    if OrgUnit.objects.exists():
        if Employee.objects.count() == args.employees:
            return "reused"
        connection.close()
        ensure_database(url, name, fresh=True)
        call_command("migrate", verbosity=0)
    started = time.monotonic()
    seed_province(seed=args.seed, staff=args.employees, as_of=datetime.date.today())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return f"seeded in {time.monotonic() - started:.0f} s"


def busiest_department():
    """The current department whose subtree has the most working people, and that count."""
    from hr.models import Employee, OrgUnit, UnitKind

    best, best_count = None, -1
    for unit in OrgUnit.objects.filter(kind=UnitKind.DEPARTMENT, valid_to__isnull=True):
        count = Employee.objects.filter(unit__path__startswith=unit.path, status="ACTIVE").count()
        if count > best_count:
            best, best_count = unit, count
    return best, best_count


def department_officer(department):
    """A personnel officer scoped to `department`, created once through the account service."""
    from hr.models import Employee, Role, User
    from hr.services.accounts import account_create

    username = f"bench.officer.{department.code.lower()}"
    officer = User.objects.filter(username=username).first()
    if officer is None:
        employee = Employee.objects.filter(unit__path__startswith=department.path, account__isnull=True).first()
        admin = User.objects.get(username="admin")
        officer = account_create(
            actor=admin,
            username=username,
            password="Benchmark#2026",
            role=Role.PERSONNEL_OFFICER,
            employee=employee,
            scope_unit=department,
        )
    return officer


def api_client(user):
    from rest_framework.test import APIClient
    from rest_framework_simplejwt.tokens import RefreshToken

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


def time_api(client, params: dict, runs: int) -> tuple[list[float], list[int], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm-up: imports, caches, prepared plans
        client.get("/api/v1/employees/", params)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get("/api/v1/employees/", params)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, response.content[:500]
    with CaptureQueriesContext(connection) as queries:
        body = client.get("/api/v1/employees/", params).json()
    return samples, [row["id"] for row in body["results"]], len(queries)


# The matching rows are materialised first so the planner filters by unit (index on unit_id) instead
# of walking the name index over the whole table; the page and the total come from them.
RAW_SQL = """
WITH hits AS MATERIALIZED (
    SELECT e.id, e.full_name FROM hr_employee e JOIN hr_orgunit u ON u.id = e.unit_id
    WHERE u.path LIKE %(unit)s AND e.status = 'ACTIVE' {scope}
), page AS (
    SELECT id FROM hits ORDER BY full_name, id LIMIT %(limit)s
)
SELECT e.id, e.national_id, e.legacy_id_number, e.full_name, e.date_of_birth, e.sex, e.ethnicity, e.email,
       e.category, u.id, u.code, u.name, u.kind, p.id, p.code, p.name, p.is_leadership, r.id, r.code, r.name,
       s.step, e.salary_coefficient, e.salary_date, e.recruitment_date, e.status, e.education_level,
       e.political_theory_level, e.state_management_level, e.created_at, e.updated_at, (SELECT count(*) FROM hits)
FROM page
JOIN hr_employee e ON e.id = page.id
JOIN hr_orgunit u ON u.id = e.unit_id
LEFT JOIN hr_position p ON p.id = e.position_id
LEFT JOIN hr_rank r ON r.id = e.rank_id
LEFT JOIN hr_salarystep s ON s.id = e.salary_step_id
ORDER BY e.full_name, e.id
"""
# What an officer's scope adds: their agency's subtree, or their own record.
OFFICER_SCOPE = "AND (u.path LIKE %(scope)s OR e.id = %(own)s)"

COLUMNS = [
    "id",
    "national_id",
    "legacy_id_number",
    "full_name",
    "date_of_birth",
    "sex",
    "ethnicity",
    "email",
    "category",
    "unit.id",
    "unit.code",
    "unit.name",
    "unit.kind",
    "position.id",
    "position.code",
    "position.name",
    "position.is_leadership",
    "rank.id",
    "rank.code",
    "rank.name",
    "salary_step",
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


def raw_page(department, scope_user) -> tuple[str, list[int]]:
    """The same page as the API: one query, rows nested like the serializer's, then json.dumps."""
    from django.db import connection

    params = {"unit": department.path + "%", "limit": PAGE_SIZE}
    sql = RAW_SQL.format(scope="")
    if scope_user is not None:
        params |= {"scope": scope_user.scope_unit.path + "%", "own": scope_user.employee_id or 0}
        sql = RAW_SQL.format(scope=OFFICER_SCOPE)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    results = []
    for row in rows:
        record: dict = {}
        for column, value in zip(COLUMNS, row, strict=False):
            head, _, tail = column.partition(".")
            if tail:
                record.setdefault(head, {})[tail] = value
            else:
                record[column] = value
        for nested in ("position", "rank"):
            if record[nested]["id"] is None:
                record[nested] = None
        results.append(record)
    count = rows[0][-1] if rows else 0
    body = json.dumps({"count": count, "next": None, "previous": None, "results": results}, default=str)
    return body, [record["id"] for record in results]


def time_raw(department, scope_user, runs: int) -> tuple[list[float], list[int]]:
    for _ in range(3):
        raw_page(department, scope_user)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        _, ids = raw_page(department, scope_user)
        samples.append(time.perf_counter() - started)
    return samples, ids


def main() -> None:
    args = parse_args()
    url, name = bench_database("_bench", args.database)
    ensure_database(url, name, fresh=False)
    setup_django(url)
    from hr.models import Employee, User

    state = prepare(args, url, name)
    department, active = busiest_department()
    admin = User.objects.get(username="admin")
    officer = department_officer(department)
    params = {"unit": department.pk, "status": "ACTIVE", "page_size": PAGE_SIZE}
    print(f"PostgreSQL database {name}: {Employee.objects.count():,} employees ({state}).")
    print(
        f"GET /api/v1/employees/?unit={department.pk}&status=ACTIVE&page_size={PAGE_SIZE} "
        f"({department.name}: {active:,} working people in its subtree), median of {args.runs} runs."
    )
    rows = []
    for label, user in (("province admin", admin), ("personnel officer", officer)):
        api_samples, api_ids, queries = time_api(api_client(user), params, args.runs)
        raw_samples, raw_ids = time_raw(department, None if user is admin else officer, args.runs)
        if api_ids != raw_ids:
            print(f"warning: the raw page differs from the API page for the {label}")
        rows.append((label, statistics.median(api_samples), statistics.median(raw_samples), queries))
    print(f"\n{'caller':<20}{'API ms':>10}{'raw SQL+json ms':>18}{'ratio':>8}{'API queries':>13}")
    for label, api_median, raw_median, queries in rows:
        print(
            f"{label:<20}{api_median * 1000:>10.1f}{raw_median * 1000:>18.2f}"
            f"{api_median / raw_median:>7.1f}×{queries:>13}"
        )


if __name__ == "__main__":
    main()
