"""Employee import: the real import service (validation, scoping, history) against a PostgreSQL COPY of the file.

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/cchc python benchmarks/employee_import.py
     [--employees 100000] [--database NAME] [--seed 2026] [--service]

DATABASE_URL must point at PostgreSQL. The benchmark works in its own database (by default the
URL's database name plus "_import_bench", e.g. cchc_import_bench), which it drops and rebuilds on
every run: migrated, then filled with a small `seed_demo` province (units, ranks, an admin) so the
file has units to name. It writes a CSV of `--employees` new people (Vietnamese headers, as an
officer's file would be), then times reading it by columns (the import's first step), and, as the
province admin:
  - a dry run of `exchange.services.imports.records_import` (read, validate every row, write nothing);
  - the real import (the same, then employees, their history rows, first assignments and salary
    records written by COPY and set-based SQL, all in one transaction, in parts: the server writes
    one part while the next is made into CSV);
  - with --service, the same two by the row-by-row service path (`EmployeeImporter`, the one before
    the column-by-column importer) on a second file of as many new people;
  - PostgreSQL `COPY ... FROM STDIN (FORMAT csv)` of the same file into a table of text columns,
    the least work that puts those bytes in the database;
and prints rows per second of each and the ratio import / COPY, the server's settings the write depends on,
and the real run's CPU seconds (here and in its server backend) and the WAL the server wrote meanwhile.
"""

import argparse
import csv
import datetime
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.database import bench_database, ensure_database, setup_django

SEED_STAFF = 1000
# Births from 1965, recruitment 23 to 32 years later: the file's earliest recruitment is 01/01/1988.
FIRST_BIRTH_YEAR = 1965
EARLIEST_RECRUITMENT = datetime.date(FIRST_BIRTH_YEAR + 23, 1, 1)
FAMILIES = ["Lò", "Cầm", "Quàng", "Lường", "Hà", "Nguyễn", "Trần", "Đinh", "Vì", "Tòng"]
GIVEN = ["Hương", "Thủy", "Xiêm", "Hùng", "Dũng", "Pằn", "Ánh", "Định", "Quyết", "Nhung"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=100_000, help="rows in the file (default 100000)")
    parser.add_argument("--database", help="benchmark database name (default: DATABASE_URL's name + _import_bench)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the demo province and the file (default 2026)")
    parser.add_argument(
        "--service",
        action="store_true",
        help="also time the row-by-row service path (EmployeeImporter) on a second file of as many new people",
    )
    return parser.parse_args()


def prepare(seed: int) -> str:
    from django.core.management import call_command

    from demo.province import seed_province

    started = time.monotonic()
    call_command("migrate", verbosity=0)
    seed_province(seed=seed, staff=SEED_STAFF, as_of=datetime.date.today())
    return f"migrated and seeded in {time.monotonic() - started:.0f} s"


def make_file(rows: int, seed: int) -> bytes:
    """`rows` new people spread over the current units, ranked on a valid step of their rank's scale.

    Only units that existed by the earliest recruitment date are drawn: an assignment cannot begin before
    its unit (the demo's communes of 01/07/2025 would refuse most rows).
    """
    from exchange.importers.employees import COLUMNS
    from hr.identity import make_national_id
    from hr.models import OrgUnit, Rank, SalaryStep

    rng = random.Random(seed)
    current = OrgUnit.objects.filter(valid_to__isnull=True, valid_from__lte=EARLIEST_RECRUITMENT)
    units = list(current.values_list("code", flat=True))
    steps: dict[int, list[int]] = {}
    for scale_id, step in SalaryStep.objects.values_list("scale_id", "step"):
        steps.setdefault(scale_id, []).append(step)
    ranks = [(code, steps[scale_id]) for code, scale_id in Rank.objects.values_list("code", "scale_id")]
    header = {column.key: column.header for column in COLUMNS}
    keys = ["national_id", "full_name", "date_of_birth", "sex", "category", "unit", "rank", "salary_step"]
    keys += ["recruitment_date", "education_level"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([header[key] for key in keys])
    for serial in range(1, rows + 1):
        birth = datetime.date(FIRST_BIRTH_YEAR + rng.randrange(38), 1 + rng.randrange(12), 1 + rng.randrange(28))
        sex = rng.choice("MF")
        middle = "Thị" if sex == "F" else "Văn"
        rank, rank_steps = rng.choice(ranks)
        writer.writerow(
            [
                # Province code 96 (Cà Mau): nobody in the seeded Sơn La province has it, so every row is new.
                make_national_id(96, birth, sex, serial),
                f"{rng.choice(FAMILIES)} {middle} {rng.choice(GIVEN)}",
                birth.strftime("%d/%m/%Y"),
                "Nữ" if sex == "F" else "Nam",
                rng.choice(["CONG_CHUC", "VIEN_CHUC"]),
                rng.choice(units),
                rank,
                rng.choice(rank_steps[:4]),
                datetime.date(birth.year + 23 + rng.randrange(10), 1 + rng.randrange(12), 1).isoformat(),
                rng.choice(["DAI_HOC", "THAC_SI", "CAO_DANG"]),
            ]
        )
    return buffer.getvalue().encode("utf-8")


def time_import(content: bytes, *, dry_run: bool, importer=None) -> tuple[float, object]:
    """One import as the province admin, by the default importer (the fast one) or `importer`."""
    from exchange.importers import IMPORTERS
    from exchange.services.imports import records_import
    from hr.models import User

    admin = User.objects.get(username="admin")
    default = IMPORTERS["employees"]
    IMPORTERS["employees"] = importer or default
    try:
        started = time.perf_counter()
        result = records_import(kind="employees", actor=admin, content=content, filename="can-bo.csv", dry_run=dry_run)
        elapsed = time.perf_counter() - started
    finally:
        IMPORTERS["employees"] = default
    if result.errors:
        sys.exit(f"the generated file has errors: {result.errors.as_list()[:5]}")
    return elapsed, result


def time_read(content: bytes) -> float:
    """Reading the file alone, as the import reads it (`FastEmployeeImporter.read`: cells by column)."""
    from exchange.errors import RowErrors
    from exchange.importers.employees_fast import FastEmployeeImporter

    started = time.perf_counter()
    FastEmployeeImporter.read(content, filename="can-bo.csv", errors=RowErrors())
    return time.perf_counter() - started


def time_copy(content: bytes) -> float:
    """COPY the same CSV into a table of text columns (created beforehand, not timed)."""
    from django.db import connection

    columns = next(csv.reader(io.StringIO(content.decode("utf-8").split("\n", 1)[0])))
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS import_bench_copy")
        cursor.execute("CREATE TABLE import_bench_copy (" + ", ".join(f"c{i} text" for i in range(len(columns))) + ")")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        with cursor.cursor.copy("COPY import_bench_copy FROM STDIN (FORMAT csv, HEADER true)") as copy:
            copy.write(content)
        cursor.execute("SELECT count(*) FROM import_bench_copy")
        copied = cursor.fetchone()[0]
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE import_bench_copy")
    if copied != content.count(b"\n") - 1:
        sys.exit(f"COPY loaded {copied} rows")
    return elapsed


SETTINGS = ("shared_buffers", "wal_buffers", "max_wal_size", "work_mem", "synchronous_commit", "fsync")


def server_settings() -> str:
    """The PostgreSQL settings the write's speed depends on (a default install has 128 MB of shared buffers)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY(%s)", [list(SETTINGS)])
        found = dict(cursor.fetchall())
    return ", ".join(f"{name} {found[name]}" for name in SETTINGS if name in found)


def work_done(since: dict | None = None) -> dict:
    """CPU seconds of this process and of its server backend (same machine), and the server's WAL counters.

    Steadier than the clock on a noisy machine: what the database writes does not depend on the load.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        # A backend publishes its WAL counts when idle, at most once a second unless asked (PostgreSQL 15).
        cursor.execute("SELECT pg_backend_pid(), pg_stat_force_next_flush()")
        pid = cursor.fetchone()[0]
        cursor.execute("SELECT wal_records, wal_bytes, wal_fpi FROM pg_stat_wal")
        records, written, fpi = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        server = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:  # a server on another machine
        server = float("nan")
    now = {"client": time.process_time(), "server": server, "records": records, "bytes": int(written), "fpi": fpi}
    if since is None:
        return {**now, "pid": pid}
    done = {key: value - since[key] for key, value in now.items()}
    if since["pid"] != pid:  # another connection: its backend's CPU is not comparable
        done["server"] = float("nan")
    return done


def main() -> None:
    args = parse_args()
    url, name = bench_database("_import_bench", args.database)
    ensure_database(url, name, fresh=True)
    setup_django(url)
    from hr.models import Assignment, Employee, SalaryRecord

    state = prepare(args.seed)
    content = make_file(args.employees, args.seed)
    before = (Employee.objects.count(), Assignment.objects.count(), SalaryRecord.objects.count())
    print(f"PostgreSQL database {name}: {before[0]:,} seeded employees ({state}).")
    print(f"CSV of {args.employees:,} new employees, {len(content) / 1e6:.1f} MB.")

    print(f"Server settings: {server_settings()}.")

    read_seconds = time_read(content)
    dry_seconds, _ = time_import(content, dry_run=True)
    before_work = work_done()
    real_seconds, result = time_import(content, dry_run=False)
    real_work = work_done(since=before_work)
    after = (Employee.objects.count(), Assignment.objects.count(), SalaryRecord.objects.count())
    added = tuple(b - a for a, b in zip(before, after, strict=True))
    if result.created != args.employees or added != (args.employees,) * 3:
        sys.exit(f"import wrote {added} (employees, assignments, salary records), reported {result.created}")
    copy_seconds = time_copy(content)
    timings = [
        ("read the file by columns", read_seconds),
        ("import, dry run (read + validate)", dry_seconds),
        ("import, real run (+ write, history)", real_seconds),
    ]
    if args.service:
        from exchange.importers.employees import EmployeeImporter

        # The same people under another province code (95), so they are new again.
        other = content.replace(b"\n096", b"\n095")
        service_dry, _ = time_import(other, dry_run=True, importer=EmployeeImporter)
        service_real, _ = time_import(other, dry_run=False, importer=EmployeeImporter)
        timings += [("service path, dry run", service_dry), ("service path, real run", service_real)]
    timings.append(("PostgreSQL COPY of the same file", copy_seconds))

    rows = args.employees
    print(f"\n{'what':<42}{'seconds':>10}{'rows/s':>12}{'× COPY time':>13}")
    for label, seconds in timings:
        print(f"{label:<42}{seconds:>10.2f}{rows / seconds:>12,.0f}{seconds / copy_seconds:>12.1f}×")
    print(f"\nratio real import / COPY: {real_seconds / copy_seconds:.1f}×")
    print(
        f"the real run's work: {real_work['client']:.2f} s of CPU here, {real_work['server']:.2f} s in the server's"
        f" backend; WAL {real_work['records']:,} records, {real_work['bytes'] / 1e6:.1f} MB, {real_work['fpi']:,}"
        " full pages (the server's counters: anything else writing meanwhile is counted too)"
    )
    print(f"rows written by the import: {added[0]:,} employees, {added[1]:,} assignments, {added[2]:,} salary records")


if __name__ == "__main__":
    main()
