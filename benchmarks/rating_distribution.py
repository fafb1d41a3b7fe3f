"""Rating distribution of a large unit: the real statistics endpoint and selector against one raw SQL aggregate.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/rating_distribution.py
     [--people 100000] [--runs 30] [--year 2025] [--database NAME] [--seed 2026]

DATABASE_URL must point at PostgreSQL. The benchmark shares the training compliance benchmark's
database (the URL's database name plus "_training_bench", the same one department of `--people`
working people over 20 rooms, built by `training_compliance.prepare` if missing) and adds to it, once,
an annual cycle of `--year` over the department with one evaluation per person: most decided
(DECIDED or NOTIFIED, each of the four ratings), some still open, some not rated, and a few
superseded versions that the figures must leave out. It then times
`GET /api/v1/evaluations/statistics/?unit=<department>&year=<year>` as the province admin,
`evaluations.selectors.statistics.rating_distribution` evaluated directly, and the same per-room
figures from one hand-written SQL aggregate encoded with `json.dumps`, and prints the medians and
their ratios.
"""

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django
from benchmarks.employee_list import api_client
from benchmarks.training_compliance import median_of, prepare

LEVELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
LOCKED = ["DECIDED", "NOTIFIED"]
OPEN = ["DRAFT", "SELF_ASSESSED", "REVIEWED", "PROPOSED"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000, help="working people in the unit (default 100000)")
    parser.add_argument("--runs", type=int, default=30, help="timed calls per case (default 30)")
    parser.add_argument("--year", type=int, default=2025, help="year of the cycle (default 2025)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _training_bench)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the data (default 2026)")
    return parser.parse_args()


def seed_evaluations(args, unit, admin_username: str = "bench.admin") -> str:
    """The unit's annual cycle of `args.year` with one evaluation per person of its subtree (bulk-inserted), once."""
    from django.db import connection

    from evaluations.models import Evaluation, EvaluationCycle, PeriodKind
    from evaluations.services.cycles import cycle_create
    from hr.models import Employee, User

    if EvaluationCycle.objects.filter(year=args.year, scope_unit=unit, period_kind=PeriodKind.ANNUAL).exists():
        return "reused"
    rng = random.Random(args.seed)
    admin = User.objects.get(username=admin_username)
    cycle = cycle_create(actor=admin, year=args.year, period_kind=PeriodKind.ANNUAL, scope_unit=unit)
    rows = []
    for pk, unit_id, category in Employee.objects.filter(unit__path__startswith=unit.path).values_list(
        "pk", "unit_id", "category"
    ):
        draw = rng.random()
        if draw < 0.80:
            status, rating = rng.choice(LOCKED), rng.choices(LEVELS, weights=[15, 60, 22, 3])[0]
        elif draw < 0.95:
            status, rating = rng.choice(OPEN), ""
        else:
            status, rating = "NOT_RATED", ""
        common = {"cycle": cycle, "employee_id": pk, "unit_id": unit_id, "agency": unit, "category": category}
        if rng.random() < 0.02:  # an amended decision: the first version is superseded, never counted
            rows.append(Evaluation(**common, status="SUPERSEDED", final_rating=rng.choice(LEVELS), version=1))
            rows.append(Evaluation(**common, status="DECIDED", final_rating=rating or "HTNV", version=2))
            continue
        rows.append(Evaluation(**common, status=status, final_rating=rating))
    Evaluation.objects.bulk_create(rows, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE evaluations_evaluation")
    return f"seeded {len(rows):,} evaluations"


# The same figures by hand: one grouped pass over the cycle's evaluations in the subtree.
RAW_SQL = """
SELECT e.unit_id, u.name, u.path,
       count(*) FILTER (WHERE e.status IN ('DECIDED', 'NOTIFIED') AND e.final_rating = 'HTXSNV'),
       count(*) FILTER (WHERE e.status IN ('DECIDED', 'NOTIFIED') AND e.final_rating = 'HTTNV'),
       count(*) FILTER (WHERE e.status IN ('DECIDED', 'NOTIFIED') AND e.final_rating = 'HTNV'),
       count(*) FILTER (WHERE e.status IN ('DECIDED', 'NOTIFIED') AND e.final_rating = 'KHTNV'),
       count(*) FILTER (WHERE e.status = 'NOT_RATED'),
       count(*) FILTER (WHERE e.status NOT IN ('DECIDED', 'NOTIFIED', 'NOT_RATED')),
       count(*)
FROM evaluations_evaluation e
JOIN evaluations_evaluationcycle c ON c.id = e.cycle_id
JOIN hr_orgunit u ON u.id = e.unit_id
WHERE c.year = %(year)s AND c.period_kind = 'ANNUAL' AND e.status <> 'SUPERSEDED' AND u.path LIKE %(path)s
GROUP BY e.unit_id, u.name, u.path
ORDER BY u.path
"""
KEYS = ["unit_id", "unit__name", "unit__path", *LEVELS, "not_rated", "pending", "total"]


def raw_payload(unit, year: int) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(RAW_SQL, {"year": year, "path": unit.path + "%"})
        units = [dict(zip(KEYS, row, strict=True)) for row in cursor.fetchall()]
    totals = {key: sum(row[key] for row in units) for key in KEYS[3:]}
    return json.dumps({"year": year, "period_kind": "ANNUAL", "units": units, "totals": totals})


def main() -> None:
    args = parse_args()
    url, name = bench_database("_training_bench", args.database)
    ensure_database(url, name, fresh=False)
    setup_django(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from evaluations.selectors.statistics import rating_distribution
    from hr.models import OrgUnit, User

    state = prepare(args, url, name)
    unit = OrgUnit.objects.get(code="BENCH-SO")
    evaluations = seed_evaluations(args, unit)
    client = api_client(User.objects.get(username="bench.admin"))
    endpoint = "/api/v1/evaluations/statistics/"
    params = {"unit": unit.pk, "year": args.year}

    def call_api():
        response = client.get(endpoint, params)
        assert response.status_code == 200, response.content[:300]
        return response.json()

    api_median, body = median_of(call_api, args.runs)
    selector_median, _ = median_of(lambda: list(rating_distribution(year=args.year, unit=unit)), args.runs)
    raw_median, raw = median_of(lambda: raw_payload(unit, args.year), args.runs)
    with CaptureQueriesContext(connection) as queries:
        call_api()
    raw_totals = json.loads(raw)["totals"]
    if {key: body["totals"][key] for key in raw_totals} != raw_totals:
        print(f"warning: the raw SQL totals {raw_totals} differ from the endpoint's {body['totals']}")

    print(f"PostgreSQL database {name}: people {state}, evaluations {evaluations}.")
    print(
        f"{args.year}: {body['totals']['total']:,} evaluations in {len(body['units'])} units, "
        f"totals {body['totals']}. Median of {args.runs} runs; queries per request: {len(queries)}."
    )
    print(f"\n{'case':<34}{'ms':>10}{'× raw SQL':>12}")
    for label, value in (
        (f"GET {endpoint}", api_median),
        ("rating_distribution()", selector_median),
        ("raw SQL aggregate + json", raw_median),
    ):
        print(f"{label:<34}{value * 1000:>10.1f}{value / raw_median:>11.1f}×")


if __name__ == "__main__":
    main()
