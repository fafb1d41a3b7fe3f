"""Training compliance summary of a 10,000-person unit: the real endpoint and selector against one raw SQL aggregate.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/training_compliance.py
     [--people 10000] [--runs 30] [--year 2025] [--database NAME] [--seed 2026]

DATABASE_URL must point at PostgreSQL. The benchmark works in its own database (by default the
URL's database name plus "_training_bench"), which it creates, migrates and fills with one
department of `--people` working people spread over 20 rooms, and three years of completed
classes: every person has 0–4 passed results (8–40 periods each, some on reform programmes), a
few failed or absent. A database already seeded at that size is reused. It then times
`GET /api/v1/training/compliance/summary/?unit=<department>&year=<year>` as the province admin,
`training.selectors.compliance.unit_compliance_figures` called directly, and the same figures
from one hand-written SQL aggregate, and prints the medians and their ratios.
"""

import argparse
import datetime
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django
from benchmarks.employee_list import api_client

ROOMS = 20
CLASSES_PER_YEAR = 60


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=10_000, help="working people in the unit (default 10000)")
    parser.add_argument("--runs", type=int, default=30, help="timed calls per case (default 30)")
    parser.add_argument("--year", type=int, default=2025, help="year of the figures (default 2025)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _training_bench)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the data (default 2026)")
    return parser.parse_args()


def seed(args) -> None:
    """One department with `args.people` people and three years of completed classes, bulk-inserted."""
    from hr.identity import make_national_id
    from hr.models import Category, Employee, Role, Sex, UnitKind, UnitLevel, User
    from hr.services.units import unit_create

    rng = random.Random(args.seed)
    day = datetime.date(2000, 1, 1)
    province = unit_create(
        actor=None,
        code="BENCH-SL",
        name="UBND tỉnh (benchmark)",
        kind=UnitKind.PROVINCE,
        level=UnitLevel.PROVINCE,
        valid_from=day,
    )
    department = unit_create(
        actor=None,
        code="BENCH-SO",
        name="Sở benchmark",
        kind=UnitKind.DEPARTMENT,
        level=UnitLevel.PROVINCE,
        valid_from=day,
        parent=province,
    )
    rooms = [
        unit_create(
            actor=None,
            code=f"BENCH-P{i:02d}",
            name=f"Phòng {i}",
            kind=UnitKind.ROOM,
            level=UnitLevel.PROVINCE,
            valid_from=day,
            parent=department,
        )
        for i in range(ROOMS)
    ]
    categories = [Category.CONG_CHUC] * 6 + [Category.VIEN_CHUC] * 3 + [Category.CAN_BO]
    people = []
    for n in range(args.people):
        born = datetime.date(1965 + n % 35, 1 + n % 12, 1 + n % 28)
        sex = Sex.FEMALE if n % 2 else Sex.MALE
        people.append(
            Employee(
                national_id=make_national_id(14, born, sex, n + 1),
                full_name=f"Người thứ {n + 1}",
                date_of_birth=born,
                sex=sex,
                category=rng.choice(categories),
                unit=rooms[n % ROOMS],
                recruitment_date=datetime.date(2010, 1, 1),
            )
        )
    people = Employee.objects.bulk_create(people, batch_size=2000)
    seed_training(people, organiser=department, year=args.year, rng=rng)
    User.objects.create_user(username="bench.admin", password="Benchmark#2026", role=Role.PROVINCE_ADMIN)


def seed_training(people, *, organiser, year: int, rng: random.Random) -> None:
    """Completed classes in the three years around `year` (a quarter on a reform programme) and 0–4 results each."""
    from training.models import ClassStatus, ContentArea, Enrolment, Programme, Result, TopicTag, TrainingClass

    area = ContentArea.objects.get(code="JOB_POSITION")
    reform = Programme.objects.create(
        code="BENCH-CCHC", name="Cải cách hành chính", content_area=area, programme_type="JOB_POSITION", periods=40
    )
    reform.tags.set(TopicTag.objects.filter(is_reform=True)[:2])
    plain = Programme.objects.create(
        code="BENCH-VTVL", name="Kỹ năng vị trí việc làm", content_area=area, programme_type="JOB_POSITION", periods=40
    )
    classes = []
    for class_year in (year - 1, year, year + 1):
        for n in range(CLASSES_PER_YEAR):
            end = datetime.date(class_year, 1 + n % 12, 10 + n % 15)
            classes.append(
                TrainingClass(
                    code=f"BENCH-{class_year}-{n:03d}",
                    programme=reform if n % 4 == 0 else plain,
                    organiser=organiser,
                    provider="Trường Chính trị tỉnh",
                    start_date=end - datetime.timedelta(days=4),
                    end_date=end,
                    delivery="IN_PERSON",
                    capacity=10_000,
                    status=ClassStatus.COMPLETED,
                )
            )
    classes = TrainingClass.objects.bulk_create(classes)
    enrolments = []
    for person in people:
        for training_class in rng.sample(classes, rng.randint(0, 4)):
            result = rng.choices([Result.PASSED, Result.FAILED, Result.ABSENT], weights=[90, 5, 5])[0]
            periods = rng.choice([8, 16, 24, 32, 40]) if result == Result.PASSED else 0
            enrolments.append(
                Enrolment(employee=person, training_class=training_class, result=result, periods_credited=periods)
            )
    Enrolment.objects.bulk_create(enrolments, batch_size=5000)


def prepare(args, url: str, name: str) -> str:
    from django.core.management import call_command
    from django.db import connection

    from hr.models import Employee, OrgUnit

    call_command("migrate", verbosity=0)
    if OrgUnit.objects.filter(code="BENCH-SO").exists():
        if Employee.objects.count() == args.people:
            return "reused"
        connection.close()
        ensure_database(url, name, fresh=True)
        call_command("migrate", verbosity=0)
    started = time.monotonic()
    seed(args)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return f"seeded in {time.monotonic() - started:.0f} s"


# The same figures by hand: credited periods per person in one grouped pass, joined to the staff.
# The 40-period minimum is written in here; the selector reads it from the rule rows.
RAW_SQL = """
SELECT count(*),
       count(*) FILTER (WHERE coalesce(c.total, 0) >= 40),
       count(*) FILTER (WHERE coalesce(c.reform, false))
FROM hr_employee e
JOIN hr_orgunit u ON u.id = e.unit_id
LEFT JOIN (
    SELECT en.employee_id, sum(en.periods_credited) AS total, bool_or(r.programme_id IS NOT NULL) AS reform
    FROM training_enrolment en
    JOIN training_trainingclass k ON k.id = en.training_class_id
    LEFT JOIN (
        SELECT DISTINCT pt.programme_id FROM training_programme_tags pt
        JOIN training_topictag t ON t.id = pt.topictag_id WHERE t.is_reform
    ) r ON r.programme_id = k.programme_id
    WHERE en.status = 'ENROLLED' AND en.result = 'PASSED' AND k.status = 'COMPLETED'
      AND k.end_date BETWEEN %(first)s AND %(last)s
    GROUP BY en.employee_id
) c ON c.employee_id = e.id
WHERE u.path LIKE %(path)s AND e.status = 'ACTIVE'
"""


def raw_figures(unit, year: int) -> tuple[int, int, int]:
    from django.db import connection

    params = {"path": unit.path + "%", "first": datetime.date(year, 1, 1), "last": datetime.date(year, 12, 31)}
    with connection.cursor() as cursor:
        cursor.execute(RAW_SQL, params)
        return cursor.fetchone()


def median_of(call, runs: int) -> tuple[float, object]:
    for _ in range(3):  # warm-up
        result = call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def main() -> None:
    args = parse_args()
    url, name = bench_database("_training_bench", args.database)
    ensure_database(url, name, fresh=False)
    setup_django(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hr.models import Employee, OrgUnit, User
    from training.selectors.compliance import unit_compliance_figures

    state = prepare(args, url, name)
    unit = OrgUnit.objects.get(code="BENCH-SO")
    client = api_client(User.objects.get(username="bench.admin"))
    params = {"unit": unit.pk, "year": args.year}
    endpoint = "/api/v1/training/compliance/summary/"

    def call_api():
        response = client.get(endpoint, params)
        assert response.status_code == 200, response.content[:300]
        return response.json()

    api_median, body = median_of(call_api, args.runs)
    selector_median, figures = median_of(lambda: unit_compliance_figures(unit=unit, year=args.year), args.runs)
    raw_median, raw = median_of(lambda: raw_figures(unit, args.year), args.runs)
    with CaptureQueriesContext(connection) as queries:
        unit_compliance_figures(unit=unit, year=args.year)
    if (figures["staff"], figures["compliant"], figures["reform_trained"]) != tuple(raw):
        print(f"warning: the raw SQL figures {raw} differ from the selector's {figures}")

    people = Employee.objects.filter(unit__path__startswith=unit.path, status="ACTIVE").count()
    print(f"PostgreSQL database {name}: {people:,} working people in {unit.name} ({state}).")
    print(
        f"{args.year}: {body['staff']:,} staff, {body['compliant']:,} compliant ({body['compliant_pct']} %), "
        f"{body['reform_trained']:,} trained in reform content ({body['reform_trained_pct']} %). "
        f"Median of {args.runs} runs; selector queries: {len(queries)}."
    )
    print(f"\n{'case':<34}{'ms':>10}{'× raw SQL':>12}")
    for label, value in (
        (f"GET {endpoint}", api_median),
        ("unit_compliance_figures()", selector_median),
        ("raw SQL aggregate", raw_median),
    ):
        print(f"{label:<34}{value * 1000:>10.1f}{value / raw_median:>11.1f}×")


if __name__ == "__main__":
    main()
