"""`manage.py seed_demo`: build a demo Sơn La–style province and print its demo logins."""

import argparse
import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from demo.accounts import format_table, login_rows
from demo.province import DemoError, seed_province
from demo.staffing import DemoSizeError
from hr.models import Employee, OrgUnit, UnitKind

HEADER = ("role", "username", "password", "person", "scope")


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"Not a date (YYYY-MM-DD): {value}") from exc


class Command(BaseCommand):
    help = (
        "Build a demo province (UBND tỉnh, departments, public service units, 75 communes, the 12 legacy "
        "districts with their lineage) with people, careers and one login per role. Deterministic for a "
        "given seed, staff count and reference date."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument("--staff", type=int, default=3000, help="number of people (default 3000)")
        parser.add_argument(
            "--as-of", type=_date, default=None, help="reference date of the data, YYYY-MM-DD (default today)"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing (but print the demo logins) when the database already has units",
        )
        parser.add_argument(
            "--no-activity",
            action="store_true",
            help="only the organisation, people and logins: no training, evaluations, discipline or reform data",
        )

    def handle(self, *args, seed, staff, as_of, if_empty, no_activity, **options):
        if if_empty and OrgUnit.objects.exists():
            self.stdout.write("The database already has organisation units: nothing seeded.")
            self._print_logins(check_passwords=True)
            return
        started = time.monotonic()
        try:
            summary = seed_province(
                seed=seed, staff=staff, as_of=as_of or datetime.date.today(), activity=not no_activity
            )
        except (DemoError, DemoSizeError) as exc:
            raise CommandError(str(exc)) from exc
        communes = OrgUnit.objects.filter(kind__in=[UnitKind.COMMUNE, UnitKind.WARD]).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded in {time.monotonic() - started:.1f} s: {summary.units} units ({communes} communes and "
                f"wards), {summary.employees} people, {summary.assignments} assignments, "
                f"{summary.salary_records} salary records (seed {seed})."
            )
        )
        if summary.activity is not None:
            self.stdout.write(summary.activity.line())
        self._print_logins(check_passwords=False)

    def _print_logins(self, *, check_passwords: bool) -> None:
        rows = login_rows(check_passwords=check_passwords)
        if not rows:
            self.stdout.write("No demo logins in this database.")
            return
        self.stdout.write(
            f"\nDemo logins ({Employee.objects.count()} people) — sign in to the portal at / (e.g. "
            "http://127.0.0.1:8000/), or get a token: POST /api/v1/auth/jwt/create/ with username and password:\n"
        )
        self.stdout.write(format_table(rows, HEADER))
