"""The lists that grow with the people, per role, against a hand-written SQL + json baseline of the same page.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/lists.py
     [--sizes 20000,100000] [--runs 20] [--database NAME] [--seed 2026]

DATABASE_URL must point at PostgreSQL. The benchmark works in its own database (by default the URL's
database name plus "_lists"), dropped and rebuilt on every run: the demo province at the first size
with its activity (`seed_province(activity=True)`: training, evaluations, discipline, commendations,
all through the services), then grown to each next size by set-based SQL (every person copied into
the same unit with their enrolments, evaluations, discipline decisions and personal commendations).
With `--reuse`, a database that already holds the first size's seeded province is kept: its copies
are removed (`shrink`, unless `--keep`), and the steps grow it again. The seed's size is the
demo's `staff`; the province it builds holds a few more people (its leaders).

At each size, for the department with the most working people (Sở Y tế), it times (median of `--runs`)
these lists as the province admin, the department's personnel officer and, where the role reads the
list, a manager scoped to the department, all with a real JWT through Django's test client:

  - `/api/v1/evaluations/?unit=<department>`        - `/api/v1/training/enrolments/?unit=<department>`
  - `/api/v1/discipline-records/?unit=<department>` - `/api/v1/commendations/?within=<department>`
  - `/api/v1/training/compliance/?unit=<department>&year=<year>`
  - `/api/v1/accounts/` (the admin: every login; the officer: their subtree's; managers may not)

Each API page (`page_size=50`) is set against the least work that gives the same page: one hand-written
SQL query (the caller's matching rows materialised once, the page of 50 and the total from them, the
row's related records joined) whose rows are nested per table and encoded with `json.dumps`. The page's
ids must be the same (a warning is printed otherwise). The API and the raw query are called in turn, so
that both medians come from the same minutes of the machine. Prints the medians, their ratio and the
queries one API request runs, and the load average.
"""

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django

PAGE_SIZE = 50
COMPLIANCE_YEAR = datetime.date.today().year - 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000,100000", help="people at each step (ascending; default 20000,100000)")
    parser.add_argument("--runs", type=int, default=20, help="timed requests per case (default 20)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _lists)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the demo province (default 2026)")
    parser.add_argument("--only", help="comma-separated list names to time (default: all)")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database if it holds the first size's seeded province"
    )
    parser.add_argument("--keep", action="store_true", help="with --reuse: keep the copies of an earlier run")
    return parser.parse_args()


def grow(target: int) -> float:
    """Copy people with their enrolments, evaluations, discipline decisions and personal commendations until the
    province has `target` (`employee_scale.grow`); returns the seconds taken."""
    from benchmarks.employee_scale import grow as grow_people
    from evaluations.models import Evaluation
    from hr.models import Commendation, DisciplineRecord
    from training.models import Enrolment

    return grow_people(target, (Enrolment, Evaluation, DisciplineRecord, Commendation))


COPY_TABLES = ("training_enrolment", "evaluations_evaluation", "hr_disciplinerecord", "hr_commendation")


def seeded_as(url: str) -> tuple[int, int] | None:
    """(people, seed) the database's province was seeded with, or None when it holds no finished seed."""
    import psycopg

    with psycopg.connect(url) as conn:
        if conn.execute("SELECT to_regclass('bench_lists_seed')").fetchone()[0] is None:
            return None
        return conn.execute("SELECT staff, seed FROM bench_lists_seed").fetchone()


def mark_seeded(staff: int, seed: int) -> None:
    """Record what the province was seeded with, once the seed has finished (what `--reuse` checks)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_lists_seed (staff integer NOT NULL, seed integer NOT NULL)")
        cursor.execute("INSERT INTO bench_lists_seed VALUES (%s, %s)", [staff, seed])


def shrink() -> int:
    """Remove every copy (with their copied records), back to the seeded province; returns how many were removed."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT min(id), count(*) FROM hr_employee WHERE national_id LIKE '099%%'")
        first, copies = cursor.fetchone()
        if not copies:
            return 0
        # Copies are numbered after every seeded person (see `grow`).
        for table in COPY_TABLES:
            cursor.execute(f"DELETE FROM {table} WHERE employee_id >= %s", [first])
        cursor.execute("DELETE FROM hr_employee WHERE id >= %s", [first])
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return copies


def scoped_user(department, role: str, username: str):
    """A user of `role` scoped to `department`, created once through the account service."""
    from hr.models import Employee, User
    from hr.services.accounts import account_create

    user = User.objects.filter(username=username).first()
    if user is None:
        # A seeded person, never a copy: `shrink` may remove the copies.
        employee = (
            Employee.objects.filter(unit__path__startswith=department.path, account__isnull=True)
            .exclude(national_id__startswith="099")
            .order_by("pk")
            .first()
        )
        user = account_create(
            actor=User.objects.get(username="admin"),
            username=username,
            password="Benchmark#2026",
            role=role,
            employee=employee,
            scope_unit=department,
        )
    return user


# How a list's row reaches the unit that decides which agency's subtree it belongs to.
EMPLOYEE_UNIT = "JOIN hr_employee e ON e.id = x.employee_id JOIN hr_orgunit u ON u.id = e.unit_id"


def columns(alias: str, model) -> list[str]:
    return [f"{alias}.{field.column}" for field in model._meta.concrete_fields]


def list_cases():
    """(name, url, params(department), hits SQL, page joins, tables, roles) of each list.

    `hits` selects the caller's matching rows with the sort keys; `{scope}` is the caller's scope
    condition, `%(unit)s` the department's subtree. The page joins each related table the row shows.
    """
    from evaluations.models import Evaluation, EvaluationCycle, RuleSet
    from hr.models import Commendation, DisciplineRecord, Employee, OrgUnit, Position, User
    from training.models import Enrolment, Programme, TrainingClass

    return [
        (
            "evaluations",
            "/api/v1/evaluations/",
            lambda d: {"unit": d.pk},
            """SELECT x.id, c.year AS k1, c.period_kind AS k2, c.period_number AS k3, c.id AS k4, u.path AS k5,
                      e.full_name AS k6
               FROM evaluations_evaluation x JOIN evaluations_evaluationcycle c ON c.id = x.cycle_id
               JOIN hr_orgunit u ON u.id = x.unit_id JOIN hr_employee e ON e.id = x.employee_id
               WHERE u.path LIKE %(unit)s {scope}""",
            "k1 DESC, k2, k3 DESC, k4, k5, k6, id",
            [
                ("x", Evaluation, None),
                ("c", EvaluationCycle, "JOIN evaluations_evaluationcycle c ON c.id = x.cycle_id"),
                ("e", Employee, "JOIN hr_employee e ON e.id = x.employee_id"),
                ("u", OrgUnit, "JOIN hr_orgunit u ON u.id = x.unit_id"),
                ("a", OrgUnit, "LEFT JOIN hr_orgunit a ON a.id = x.agency_id"),
                ("p", Position, "LEFT JOIN hr_position p ON p.id = x.position_id"),
                ("r", RuleSet, "LEFT JOIN evaluations_ruleset r ON r.id = x.rule_set_id"),
            ],
            {"officer": "AND (x.employee_id = %(own)s OR u.path LIKE %(scope)s)"},
            "JOIN hr_orgunit u ON u.id = x.unit_id",
        ),
        (
            "enrolments",
            "/api/v1/training/enrolments/",
            lambda d: {"unit": d.pk},
            """SELECT x.id, t.start_date AS k1, t.id AS k2, e.full_name AS k3
               FROM training_enrolment x JOIN hr_employee e ON e.id = x.employee_id
               JOIN hr_orgunit u ON u.id = e.unit_id JOIN training_trainingclass t ON t.id = x.training_class_id
               JOIN hr_orgunit o ON o.id = t.organiser_id
               WHERE u.path LIKE %(unit)s {scope}""",
            "k1 DESC, k2 DESC, k3, id",
            [
                ("x", Enrolment, None),
                ("e", Employee, "JOIN hr_employee e ON e.id = x.employee_id"),
                ("t", TrainingClass, "JOIN training_trainingclass t ON t.id = x.training_class_id"),
                ("p", Programme, "JOIN training_programme p ON p.id = t.programme_id"),
            ],
            {"officer": "AND (u.path LIKE %(scope)s OR o.path LIKE %(scope)s)", "manager": "AND u.path LIKE %(scope)s"},
            EMPLOYEE_UNIT,
        ),
        (
            "discipline",
            "/api/v1/discipline-records/",
            lambda d: {"unit": d.pk},
            """SELECT x.id, x.decision_date AS k1 FROM hr_disciplinerecord x JOIN hr_employee e ON e.id = x.employee_id
               JOIN hr_orgunit u ON u.id = e.unit_id WHERE u.path LIKE %(unit)s {scope}""",
            "k1 DESC, id DESC",
            [
                ("x", DisciplineRecord, None),
                ("e", Employee, "JOIN hr_employee e ON e.id = x.employee_id"),
                ("u", OrgUnit, "JOIN hr_orgunit u ON u.id = e.unit_id"),
            ],
            {"officer": "AND u.path LIKE %(scope)s", "manager": "AND u.path LIKE %(scope)s"},
            EMPLOYEE_UNIT,
        ),
        (
            "commendations",
            "/api/v1/commendations/",
            lambda d: {"within": d.pk},
            """SELECT x.id, x.year AS k1, x.decision_date AS k2 FROM hr_commendation x
               LEFT JOIN hr_employee e ON e.id = x.employee_id LEFT JOIN hr_orgunit u ON u.id = e.unit_id
               LEFT JOIN hr_orgunit w ON w.id = x.unit_id
               WHERE (u.path LIKE %(unit)s OR w.path LIKE %(unit)s) {scope}""",
            "k1 DESC, k2 DESC, id DESC",
            [
                ("x", Commendation, None),
                ("e", Employee, "LEFT JOIN hr_employee e ON e.id = x.employee_id"),
                ("u", OrgUnit, "LEFT JOIN hr_orgunit u ON u.id = e.unit_id"),
                ("w", OrgUnit, "LEFT JOIN hr_orgunit w ON w.id = x.unit_id"),
            ],
            {
                "officer": "AND (u.path LIKE %(scope)s OR (x.employee_id IS NULL AND w.path LIKE %(scope)s))",
                "manager": "AND (u.path LIKE %(scope)s OR (x.employee_id IS NULL AND w.path LIKE %(scope)s))",
            },
            "LEFT JOIN hr_employee e ON e.id = x.employee_id"
            " JOIN hr_orgunit u ON u.id = coalesce(e.unit_id, x.unit_id)",
        ),
        (
            "accounts",
            "/api/v1/accounts/",
            lambda d: {},
            """SELECT x.id, x.username AS k1 FROM hr_user x LEFT JOIN hr_employee e ON e.id = x.employee_id
               LEFT JOIN hr_orgunit u ON u.id = e.unit_id WHERE TRUE {scope}""",
            "k1",
            [
                ("x", User, None),
                ("e", Employee, "LEFT JOIN hr_employee e ON e.id = x.employee_id"),
                ("u", OrgUnit, "LEFT JOIN hr_orgunit u ON u.id = e.unit_id"),
                ("s", OrgUnit, "LEFT JOIN hr_orgunit s ON s.id = x.scope_unit_id"),
            ],
            {"officer": "AND u.path LIKE %(scope)s"},
            EMPLOYEE_UNIT,
        ),
    ]


def raw_page(case, department, role: str, user) -> tuple[str, list[int]]:
    """The page by one SQL query: the caller's rows materialised, then the page of 50 joined, and the total."""
    from django.db import connection

    _name, _url, _params, hits, order, tables, scopes, _unit_join = case
    params = {"unit": department.path + "%", "limit": PAGE_SIZE, "own": user.employee_id or 0}
    if role != "admin":
        params["scope"] = user.scope_unit.path + "%"
    select = ", ".join(column for alias, model, _join in tables for column in columns(alias, model))
    joins = "\n".join(join for _alias, _model, join in tables if join)
    sql = f"""
        WITH hits AS MATERIALIZED ({hits.format(scope=scopes.get(role, "") if role != "admin" else "")}),
        page AS (SELECT id, row_number() OVER (ORDER BY {order}) AS n FROM hits ORDER BY {order} LIMIT %(limit)s)
        SELECT {select}, (SELECT count(*) FROM hits)
        FROM page JOIN {tables[0][1]._meta.db_table} x ON x.id = page.id
        {joins}
        ORDER BY page.n
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    widths = [(alias, [f.name for f in model._meta.concrete_fields]) for alias, model, _join in tables]
    results = []
    for row in rows:
        values = iter(row)
        record: dict = {}
        for alias, names in widths:
            part = dict(zip(names, values, strict=False))
            if alias == "x":
                record.update(part)
            else:
                record[alias] = part if part["id"] is not None else None
        results.append(record)
    count = rows[0][-1] if rows else 0
    body = json.dumps({"count": count, "next": None, "previous": None, "results": results}, default=str)
    return body, [record["id"] for record in results]


def paired_medians_ms(api, raw, runs: int) -> tuple[float, float]:
    """The medians of `api` and `raw`, called in turn: both sides of a ratio see the same moments of the machine.

    Timed one side after the other, a small page's ratio moved by a third between runs on a shared machine
    (2.5× to 4.5× for the same page within minutes) as the machine's speed drifted under one side only.
    """
    for _ in range(3):  # warm-up: imports, caches, prepared plans
        api()
        raw()
    api_samples, raw_samples = [], []
    for _ in range(runs):
        for call, samples in ((api, api_samples), (raw, raw_samples)):
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
    return statistics.median(api_samples) * 1000, statistics.median(raw_samples) * 1000


def busiest_agency(case):
    """The top-level agency (a child of the province) whose subtree holds the most rows of the list."""
    from django.db import connection

    from hr.models import OrgUnit

    table = case[5][0][1]._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT left(u.path, 14), count(*) FROM {table} x {case[7]} GROUP BY 1 ORDER BY 2 DESC LIMIT 1")
        row = cursor.fetchone()
    return OrgUnit.objects.get(path=row[0])


def time_case(case, callers_for, runs: int, rows: list, total: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    name, url, make_params, _hits, _order, _tables, scopes, _unit_join = case
    department = busiest_agency(case)
    callers = callers_for(department)
    print(f"  {name}: {department.name} ({department.code})", flush=True)
    params = {**make_params(department), "page_size": PAGE_SIZE}
    if name == "compliance":
        params["year"] = COMPLIANCE_YEAR
    for role, (user, client) in callers.items():
        if role != "admin" and role not in scopes:
            continue

        def call(client=client, role=role):
            response = client.get(url, params)
            assert response.status_code == 200, (name, role, response.status_code, response.content[:300])

        call()  # warm: the queries counted are those of a request like the timed ones
        with CaptureQueriesContext(connection) as queries:
            body = client.get(url, params).json()
        statements = len(queries)  # now: the next request's start empties the connection's log
        api_ids = [row["id"] for row in body["results"]]
        raw = raw_compliance_page if name == "compliance" else partial(raw_page, case)
        _raw_body, raw_ids = raw(department, role, user)
        same = api_ids == raw_ids
        if not same:
            print(f"warning: {name} as {role}: the raw page differs from the API page")
        api_ms, raw_ms = paired_medians_ms(
            call, lambda role=role, user=user, raw=raw: raw(department, role, user), runs
        )
        rows.append((name, role, total, api_ms, raw_ms, statements, body["count"], same, os.getloadavg()[0]))
        print(
            f"  {name:<14} {role:<8} API {api_ms:7.1f} ms  raw {raw_ms:7.2f} ms  {api_ms / raw_ms:4.1f}×  "
            f"{statements} queries  count {body['count']:,}{'' if same else '  PAGE DIFFERS'}",
            flush=True,
        )


def compliance_case():
    """The compliance list: each working person with the periods credited in the year (the selector's rules)."""
    from hr.models import Employee, OrgUnit

    return (
        "compliance",
        "/api/v1/training/compliance/",
        lambda d: {"unit": d.pk},
        """SELECT x.id, x.full_name AS k1 FROM hr_employee x JOIN hr_orgunit u ON u.id = x.unit_id
           WHERE u.path LIKE %(unit)s AND x.status = 'ACTIVE' {scope}""",
        "k1, id",
        [("x", Employee, None), ("u", OrgUnit, "JOIN hr_orgunit u ON u.id = x.unit_id")],
        {"officer": "AND u.path LIKE %(scope)s", "manager": "AND u.path LIKE %(scope)s"},
        "JOIN hr_orgunit u ON u.id = x.unit_id",
    )


def raw_compliance_page(department, role: str, user) -> tuple[str, list[int]]:
    """The compliance page by one SQL query: the page of 50 working people, then the year's figures of those 50.

    The figures are the selector's work: periods of passed enrolments in classes completed and ended in the
    year, of the programme types the credit rules count, whether one was a reform programme, against the
    minimum in force for the person's category. (The rules are applied as for a non-leader of each row's
    category's general case, so a leader's figures may differ from the API's; the ids are what is checked.)
    """
    from django.db import connection

    from hr.models import Category
    from training.models import ProgrammeType
    from training.selectors.compliance import credit_rules_in_force, minima_in_force, source_counts

    minima = minima_in_force(year=COMPLIANCE_YEAR)  # the rules, as the API reads them (2 small queries)
    in_force = credit_rules_in_force(year=COMPLIANCE_YEAR)
    counted = {
        category: [
            t
            for t in ProgrammeType.values
            if source_counts(in_force=in_force, source=t, category=category, leader=False)
        ]
        for category in Category.values
    }
    listed = {category: ", ".join(f"'{kind}'" for kind in kinds) or "''" for category, kinds in counted.items()}
    counts = " ".join(f"WHEN '{category}' THEN p.programme_type IN ({kinds})" for category, kinds in listed.items())
    general = minima.get(("", "ANY"), 0)
    by_category = {category: periods for (category, holder), periods in minima.items() if category}
    minimum = " ".join(f"WHEN x.category = '{c}' THEN {m}" for c, m in by_category.items())
    params = {
        "unit": department.path + "%",
        "start": f"{COMPLIANCE_YEAR}-01-01",
        "end": f"{COMPLIANCE_YEAR}-12-31",
    }
    scope = ""
    if role != "admin":
        params["scope"] = user.scope_unit.path + "%"
        scope = "AND u.path LIKE %(scope)s"
    sql = f"""
        WITH hits AS MATERIALIZED (
            SELECT x.id, x.full_name, x.category, u.name AS unit
            FROM hr_employee x JOIN hr_orgunit u ON u.id = x.unit_id
            WHERE u.path LIKE %(unit)s AND x.status = 'ACTIVE' {scope}),
        page AS (SELECT * FROM hits ORDER BY full_name, id LIMIT {PAGE_SIZE})
        SELECT page.id, page.full_name, page.category, page.unit, coalesce(f.learned, 0), coalesce(f.reform, 0),
               CASE {minimum or "WHEN FALSE THEN 0"} ELSE {general} END, (SELECT count(*) FROM hits)
        FROM page JOIN hr_employee x ON x.id = page.id
        LEFT JOIN LATERAL (
            SELECT sum(n.periods_credited) FILTER (WHERE CASE x.category {counts} ELSE FALSE END) AS learned,
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM training_programme_tags pt JOIN training_topictag g ON g.id = pt.topictag_id
                       WHERE pt.programme_id = t.programme_id AND g.is_reform)) AS reform
            FROM training_enrolment n JOIN training_trainingclass t ON t.id = n.training_class_id
            JOIN training_programme p ON p.id = t.programme_id
            WHERE n.employee_id = page.id AND n.status = 'ENROLLED' AND n.result = 'PASSED'
              AND t.status = 'COMPLETED' AND t.end_date BETWEEN %(start)s AND %(end)s) f ON TRUE
        ORDER BY page.full_name, page.id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    results = [
        {
            "id": row[0],
            "full_name": row[1],
            "category": row[2],
            "unit": row[3],
            "credited": row[4],
            "taught": 0,
            "minimum": row[6],
            "compliant": row[4] >= row[6],
            "reform_trained": row[5] > 0,
        }
        for row in rows
    ]
    count = rows[0][-1] if rows else 0
    body = json.dumps({"count": count, "next": None, "previous": None, "results": results})
    return body, [record["id"] for record in results]


def main() -> None:
    args = parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    url, name = bench_database("_lists", args.database)
    ensure_database(url, name, fresh=not args.reuse)
    reused = args.reuse and seeded_as(url) == (sizes[0], args.seed)
    if args.reuse and not reused:
        ensure_database(url, name, fresh=True)
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.employee_list import api_client
    from demo.province import seed_province
    from hr.models import Employee, Role, User

    started = time.monotonic()
    if reused:
        removed = 0 if args.keep else shrink()
        print(f"PostgreSQL database {name}: reused (seeded with {sizes[0]:,} staff; {removed:,} copies removed).")
    else:
        call_command("migrate", verbosity=0)
        seed_province(seed=args.seed, staff=sizes[0], as_of=datetime.date.today(), activity=True)
        mark_seeded(sizes[0], args.seed)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(
            f"PostgreSQL database {name}: seeded {sizes[0]:,} people with activity "
            f"in {time.monotonic() - started:.0f} s."
        )
    admin = User.objects.get(username="admin")

    def callers_for(department) -> dict:
        code = department.code.lower()
        users = {
            "admin": admin,
            "officer": scoped_user(department, Role.PERSONNEL_OFFICER, f"bench.officer.{code}"),
            "manager": scoped_user(department, Role.MANAGER, f"bench.manager.{code}"),
        }
        return {role: (user, api_client(user)) for role, user in users.items()}

    cases = [*list_cases(), compliance_case()]
    if args.only:
        cases = [case for case in cases if case[0] in args.only.split(",")]
    rows: list = []
    for size in sizes:
        seconds = grow(size)
        total = Employee.objects.count()
        print(
            f"\n== {total:,} people ({f'grown by set-based SQL in {seconds:.0f} s' if seconds else 'seeded'}); "
            f"load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        for case in cases:
            time_case(case, callers_for, args.runs, rows, total)
    print(
        f"\n{'list':<15}{'caller':<9}{'people':>10}{'API ms':>9}{'raw ms':>9}{'ratio':>7}"
        f"{'queries':>9}{'count':>9}{'load':>6}"
    )
    for list_name, role, total, api_ms, raw_ms, queries, count, same, load in rows:
        print(
            f"{list_name:<15}{role:<9}{total:>10,}{api_ms:>9.1f}{raw_ms:>9.2f}{api_ms / raw_ms:>6.1f}×{queries:>9}"
            f"{count:>9,}{load:>6.1f}{'' if same else '  page differs'}"
        )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
