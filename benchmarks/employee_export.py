"""Employee exports: how long a download of N rows takes, and what the request costs when the export is a job.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/employee_export.py
     [--employees 20000] [--sizes 1000 5000 20000] [--runs 3] [--database NAME]

DATABASE_URL must point at PostgreSQL. Works in its own database (the URL's name plus "_bench_export"), seeded
like benchmarks/employee_list.py. For each size it times, as the province admin, the export's table and writer
exactly as the view and the export job run them (`employee_export` over the scoped list, then the XLSX or CSV
writer), and prints rows per second. Then it times `GET /api/v1/exports/employees/` for the whole province
through the API: as a download (EXCHANGE_EXPORT_JOB_ROWS above the count) and as a job (below it), where the
request only counts the rows and queues the job (to an in-memory broker, no worker), which is what
EXCHANGE_EXPORT_JOB_ROWS trades.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=20_000, help="people in the province (default 20000)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20000], help="rows exported")
    parser.add_argument("--runs", type=int, default=3, help="timed exports per case (default 3)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _bench_export)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the demo province (default 2026)")
    return parser.parse_args()


def median_seconds(call, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    args = parse_args()
    url, name = bench_database("_bench_export", args.database)
    ensure_database(url, name, fresh=False)
    setup_django(url)
    from celery import current_app
    from django.conf import settings

    from benchmarks.employee_list import api_client, prepare
    from exchange.selectors.employees import employee_export
    from exchange.writers import write_csv, write_xlsx
    from hr.models import Employee, User
    from hr.selectors.employees import employee_list
    from jobs.models import Job

    state = prepare(args, url, name)
    admin = User.objects.get(username="admin")
    total = Employee.objects.count()
    print(f"PostgreSQL database {name}: {total:,} employees ({state}); load average {os.getloadavg()[0]:.2f}.")
    print(f"\n{'rows':>8}{'XLSX s':>10}{'rows/s':>10}{'CSV s':>10}{'rows/s':>10}")
    for size in args.sizes:
        queryset = employee_list(user=admin).order_by("full_name", "id")[:size]
        rows = min(size, total)
        xlsx = median_seconds(lambda q=queryset: write_xlsx(employee_export(queryset=q)), args.runs)
        csv = median_seconds(lambda q=queryset: write_csv(employee_export(queryset=q)), args.runs)
        print(f"{rows:>8,}{xlsx:>10.2f}{rows / xlsx:>10,.0f}{csv:>10.2f}{rows / csv:>10,.0f}")

    client = api_client(admin)
    settings.EXCHANGE_EXPORT_JOB_ROWS = total + 1
    download = median_seconds(lambda: client.get("/api/v1/exports/employees/"), args.runs)
    # A broker that takes the message and no worker: the request's own cost, as with Redis in production.
    current_app.conf.update(task_always_eager=False, broker_url="memory://")
    settings.EXCHANGE_EXPORT_JOB_ROWS = 0
    before = set(Job.objects.values_list("pk", flat=True))

    def as_job():
        response = client.get("/api/v1/exports/employees/")
        assert response.status_code == 202, response.status_code

    queued = median_seconds(as_job, args.runs)
    Job.objects.exclude(pk__in=before).delete()  # the benchmark's own queued jobs, never run
    print(f"\nGET /api/v1/exports/employees/ (XLSX, {total:,} rows), median of {args.runs}:")
    print(f"  as a download: {download:8.2f} s")
    print(f"  as a job (202): {queued * 1000:7.1f} ms  (count, job row, message to the broker)")


if __name__ == "__main__":
    main()
