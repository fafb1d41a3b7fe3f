"""Generating an annual evaluation cycle: time and SQL statements for N people against N/10.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/evaluation_generate.py
     [--people 5000] [--database NAME]

DATABASE_URL must point at PostgreSQL. The benchmark works in its own database (by default the URL's
name plus "_evalbench"), which it drops, creates and migrates. It builds one department with ten rooms
and N civil servants (bulk inserts, not timed), opens an annual 2026 cycle over it and times
`cycle_generate` (the service behind POST /api/v1/evaluation-cycles/{id}/generate/), then a re-run that
finds everyone already there, and the same for a department of N/10 people. It prints seconds, people
per second and the number of SQL statements: the reads are the same whatever N, and the inserts grow
by two statements (evaluations and their history) per 500 people.
"""

import argparse
import datetime
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=5000, help="people in the large department (default 5000)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _evalbench)")
    return parser.parse_args()


def department(code: str, size: int, province):
    from hr.identity import make_national_id
    from hr.models import Category, Employee, UnitKind, UnitLevel
    from hr.services.units import unit_create

    unit = unit_create(
        actor=None,
        code=code,
        name=f"Sở {code}",
        kind=UnitKind.DEPARTMENT,
        level=UnitLevel.PROVINCE,
        parent=province,
        valid_from=datetime.date(2020, 1, 1),
    )
    rooms = [
        unit_create(
            actor=None,
            code=f"{code}-P{i}",
            name=f"Phòng {i}",
            kind=UnitKind.ROOM,
            level=UnitLevel.PROVINCE,
            parent=unit,
            valid_from=datetime.date(2020, 1, 1),
        )
        for i in range(10)
    ]
    base = Employee.objects.count()
    people = []
    for i in range(size):
        born = datetime.date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
        sex = "M" if i % 2 else "F"
        people.append(
            Employee(
                national_id=make_national_id(14, born, sex, base + i + 1),
                full_name=f"Người {code} {i}",
                date_of_birth=born,
                sex=sex,
                category=Category.CONG_CHUC,
                unit=rooms[i % 10],
                # One in fifty joined in the second half of the year: not rated.
                recruitment_date=datetime.date(2026, 8, 1) if i % 50 == 0 else datetime.date(2015, 3, 1),
            )
        )
    Employee.objects.bulk_create(people, batch_size=1000)
    return unit


def province_with_admin():
    """The province's root unit and a province administrator, on a migrated, empty database."""
    from hr.models import Role, UnitKind, UnitLevel, User
    from hr.services.units import unit_create

    province = unit_create(
        actor=None,
        code="SL",
        name="UBND tỉnh Sơn La",
        kind=UnitKind.PROVINCE,
        level=UnitLevel.PROVINCE,
        valid_from=datetime.date(2000, 1, 1),
    )
    return province, User.objects.create(username="bench-admin", role=Role.PROVINCE_ADMIN)


def timed_generate(admin, unit) -> tuple[float, int, dict, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from evaluations.models import PeriodKind
    from evaluations.services.cycles import cycle_create, cycle_generate

    cycle = cycle_create(actor=admin, year=2026, period_kind=PeriodKind.ANNUAL, scope_unit=unit)
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = cycle_generate(actor=admin, cycle=cycle)
        elapsed = time.perf_counter() - start
    start = time.perf_counter()
    cycle_generate(actor=admin, cycle=cycle)
    rerun = time.perf_counter() - start
    return elapsed, len(queries), result, rerun


def main() -> None:
    args = parse_args()
    url, name = bench_database("_evalbench", args.database)
    ensure_database(url, name, fresh=True)
    setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    province, admin = province_with_admin()
    small_size = max(10, args.people // 10)
    small = department("NHO", small_size, province)
    large = department("LON", args.people, province)

    rows = []
    for label, unit, size in (("small", small, small_size), ("large", large, args.people)):
        elapsed, statements, result, rerun = timed_generate(admin, unit)
        rows.append((label, size, elapsed, statements, result, rerun))
        print(
            f"{label:5} {size:7d} people: generate {elapsed:7.3f} s ({size / elapsed:8.0f} people/s), "
            f"{statements} SQL statements, created {result['created']}, not rated {len(result['not_rated'])}; "
            f"re-run {rerun:6.3f} s"
        )
    (_, s_size, s_time, s_sql, *_), (_, l_size, l_time, l_sql, *_) = rows
    print(f"people ×{l_size / s_size:.1f} → time ×{l_time / s_time:.1f}, SQL statements ×{l_sql / s_sql:.2f}")


if __name__ == "__main__":
    main()
