"""A forms batch as a job on real Celery worker processes: throughput with 1 and 2 processes, request latency.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/forms_batch_job.py
     [--forms 1000] [--workers 1 2] [--database NAME] [--broker redis://127.0.0.1:6379/14]

DATABASE_URL must point at PostgreSQL (the workers are other processes). The benchmark works in its own
database (DATABASE_URL's name plus "_formsbench"), which it drops, creates and migrates; it builds a
department of `--forms` civil servants and generates their 2026 evaluations (not timed). For each worker
count it starts `celery -A backend.celery_app worker --concurrency=N` (prefork: N processes), starts the
unit's forms ZIP through the API (`POST /api/v1/evaluation-cycles/{id}/forms.zip/`) and follows the job
(`GET /api/v1/jobs/{id}/`, twice a second) until it is done. It prints the job's duration, forms per
second, the ratio to one process, and the slowest API request made meanwhile (the goal: under 1 s, since
no form is rendered inside a request).
"""

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django
from benchmarks.evaluation_generate import department, province_with_admin

ROOT = Path(__file__).resolve().parents[1]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", type=int, default=1000, help="people (and so forms) in the unit (default 1000)")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="worker process counts (default 1 2)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _formsbench)")
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/14", help="Redis for the broker")
    return parser.parse_args()


def start_worker(url: str, broker: str, processes: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": broker, "DEBUG": "False"}
    env["DJANGO_SETTINGS_MODULE"] = "backend.settings.local"
    command = [
        sys.executable, "-m", "celery", "-A", "backend.celery_app", "worker", "--pool=prefork",
        f"--concurrency={processes}", "--loglevel=WARNING", "--without-gossip", "--without-mingle",
    ]  # fmt: skip
    worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    from backend.celery_app import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # ready when it answers a ping
        if app.control.ping(timeout=1.0):
            return worker
        if worker.poll() is not None:
            sys.exit(worker.stderr.read().decode())
    sys.exit("the worker did not start")


def timed_batch(client, cycle, unit) -> tuple[float, int, float]:
    """(job seconds, forms, slowest request in ms) for one forms ZIP through the API."""
    slowest = 0.0

    def call(method, path, **kwargs):
        nonlocal slowest
        start = time.perf_counter()
        response = getattr(client, method)(path, **kwargs)
        slowest = max(slowest, time.perf_counter() - start)
        return response

    response = call("post", f"/api/v1/evaluation-cycles/{cycle.pk}/forms.zip/", data={"unit": unit.pk}, format="json")
    assert response.status_code == 202, response.content
    location = response["Location"]
    while True:
        data = call("get", location).data
        if data["status"] in ("SUCCEEDED", "FAILED"):
            break
        time.sleep(0.5)
    assert data["status"] == "SUCCEEDED", data
    from jobs.models import Job

    job = Job.objects.get(pk=data["id"])
    return (job.finished_at - job.created_at).total_seconds(), job.total, slowest * 1000


def main() -> None:
    args = parse_args()
    url, name = bench_database("_formsbench", args.database)
    ensure_database(url, name, fresh=True)
    os.environ["REDIS_URL"] = args.broker
    setup_django(url)
    from django.conf import settings
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from backend.celery_app import app

    call_command("migrate", verbosity=0)
    from evaluations.models import PeriodKind
    from evaluations.services.cycles import cycle_create, cycle_generate

    province, admin = province_with_admin()
    unit = department("LON", args.forms, province)
    cycle = cycle_create(actor=admin, year=2026, period_kind=PeriodKind.ANNUAL, scope_unit=unit)
    cycle_generate(actor=admin, cycle=cycle)
    settings.ALLOWED_HOSTS = ["*"]
    logging.getLogger("backend.requests").setLevel(logging.WARNING)  # one line per poll otherwise
    with app.connection_for_write() as connection:  # the benchmark's own Redis database: nothing stale in it
        connection.default_channel.queue_purge(app.conf.task_default_queue)
    client = APIClient()
    client.force_authenticate(admin)

    rows = []
    for processes in args.workers:
        worker = start_worker(url, args.broker, processes)
        try:
            seconds, forms, slowest = timed_batch(client, cycle, unit)
        finally:
            worker.terminate()
            worker.wait(timeout=60)
        rows.append((processes, seconds, forms, slowest))
    base = rows[0][1]
    print(f"forms batch as a job, {rows[0][2]} forms (FORMS_BATCH_CHUNK={settings.FORMS_BATCH_CHUNK}):")
    for processes, seconds, forms, slowest in rows:
        print(
            f"  {processes} worker process(es): {seconds:7.2f} s, {forms / seconds:6.1f} forms/s, "
            f"×{base / seconds:.2f} against {args.workers[0]}; slowest API request meanwhile {slowest:6.1f} ms"
        )


if __name__ == "__main__":
    main()
