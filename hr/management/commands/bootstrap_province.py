"""`manage.py bootstrap_province`: the province's root unit and its first administrator, in an empty database."""

import argparse
import datetime
import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from backend.api.exceptions import ApplicationError
from hr.models import OrgUnit, Role, UnitKind, UnitLevel, User
from hr.services.accounts import account_create
from hr.services.units import unit_create

PASSWORD_ENV = "BOOTSTRAP_ADMIN_PASSWORD"


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"Not a date (YYYY-MM-DD): {value}") from exc


def _messages(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
        return " ".join(exc.messages)
    if isinstance(exc, ApplicationError):
        detail = exc.detail
        if isinstance(detail, dict):
            return "; ".join(f"{field}: {' '.join(str(m) for m in msgs)}" for field, msgs in detail.items())
        return str(detail)
    return str(exc)


def bootstrapped_state() -> list[str]:
    """What already exists that a bootstrap would create (empty: the database may be bootstrapped)."""
    found = []
    roots = list(OrgUnit.objects.filter(parent__isnull=True).values_list("code", flat=True)[:5])
    if roots:
        found.append(f"root unit(s) {', '.join(roots)}")
    elif OrgUnit.objects.exists():
        found.append("organisation units")
    admins = list(
        User.objects.filter(role=Role.PROVINCE_ADMIN).values_list("username", flat=True).order_by("username")[:5]
    )
    if admins:
        found.append(f"province administrator(s) {', '.join(admins)}")
    return found


class Command(BaseCommand):
    help = (
        "Start an empty production database: create the province's root unit (kind TINH, level TINH) and the "
        "first province administrator, through the same services as the API, in one transaction. Refuses "
        "when units or a province administrator already exist. The password comes from "
        f"${PASSWORD_ENV}, else it is asked for (twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--unit-code",
            default=os.environ.get("BOOTSTRAP_UNIT_CODE"),
            help="code of the root unit, e.g. SL (default $BOOTSTRAP_UNIT_CODE)",
        )
        parser.add_argument(
            "--unit-name",
            default=os.environ.get("BOOTSTRAP_UNIT_NAME"),
            help='name of the root unit, e.g. "UBND tỉnh Sơn La" (default $BOOTSTRAP_UNIT_NAME)',
        )
        parser.add_argument(
            "--valid-from", type=_date, default=None, help="the unit's validity start, YYYY-MM-DD (default today)"
        )
        parser.add_argument(
            "--username",
            default=os.environ.get("BOOTSTRAP_ADMIN_USERNAME", "admin"),
            help="the administrator's username (default $BOOTSTRAP_ADMIN_USERNAME or admin)",
        )
        parser.add_argument(
            "--email", default=os.environ.get("BOOTSTRAP_ADMIN_EMAIL", ""), help="the administrator's e-mail"
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"never prompt: the password must be in ${PASSWORD_ENV}",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="when the database is already bootstrapped, say so and exit successfully instead of failing",
        )

    def handle(self, *args, unit_code, unit_name, valid_from, username, email, interactive, if_empty, **options):
        found = bootstrapped_state()
        if found:
            message = f"Already bootstrapped ({'; '.join(found)}): nothing created."
            if if_empty:
                self.stdout.write(message)
                return
            raise CommandError(message)
        if not unit_code or not unit_name:
            raise CommandError("Give the root unit's --unit-code and --unit-name (or BOOTSTRAP_UNIT_CODE/_NAME).")
        password = self._password(interactive)
        try:
            with transaction.atomic():
                unit = unit_create(
                    actor=None,
                    code=unit_code,
                    name=unit_name,
                    kind=UnitKind.PROVINCE,
                    level=UnitLevel.PROVINCE,
                    valid_from=valid_from or datetime.date.today(),
                )
                user = account_create(
                    actor=None, username=username, password=password, role=Role.PROVINCE_ADMIN, email=email
                )
        except (ValidationError, ApplicationError) as exc:
            raise CommandError(f"Nothing created: {_messages(exc)}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Created the root unit {unit.code} ({unit.name}) and the province administrator {user.username}."
            )
        )

    def _password(self, interactive: bool) -> str:
        password = os.environ.get(PASSWORD_ENV)
        if password:
            return password
        if not interactive:
            raise CommandError(f"No password: set {PASSWORD_ENV} (or run without --noinput to be asked).")
        try:
            first = getpass.getpass("Password of the province administrator: ")
            second = getpass.getpass("Password (again): ")
        except (EOFError, KeyboardInterrupt) as exc:
            raise CommandError("No password given: nothing created.") from exc
        if not first:
            raise CommandError("An empty password is not accepted: nothing created.")
        if first != second:
            raise CommandError("The two passwords differ: nothing created.")
        return first
