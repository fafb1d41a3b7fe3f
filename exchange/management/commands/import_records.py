"""`manage.py import_records <kind> <file> [--dry-run] [--actor USERNAME]`: a bulk import from the shell."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import ApplicationError
from exchange.importers import IMPORTERS
from exchange.services.imports import records_import
from hr.models import User

BAR_WIDTH = 30
STAGES = {"validate": gettext_lazy("Checking"), "write": gettext_lazy("Writing")}


class ProgressBar:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, stream: OutputWrapper) -> None:
        self.stream = stream
        self.last_draw = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last_draw < 0.1:
            return
        self.last_draw = now
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        percent = 100 * done // total if total else 100
        label = str(STAGES.get(stage, stage))
        bar = f"\r{label:<12} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {percent:3d}% {done}/{total}"
        self.stream.write(bar, ending="\n" if done >= total else "")
        self.stream.flush()


def _messages(detail) -> list:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _messages(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in _messages(value)]
    return [detail]


class Command(BaseCommand):
    help = "Import records from a CSV or XLSX file: all rows or, if any row is bad, none."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")
        parser.add_argument(
            "--actor", help="username recorded as the author and whose scope applies (default: whole province)"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def handle(self, *args, kind, file, dry_run, actor, no_progress, **options):
        if not file.is_file():
            raise CommandError(_("%(file)s: no such file.") % {"file": file})
        user = None
        if actor:
            user = User.objects.filter(username=actor).first()
            if user is None:
                raise CommandError(_("%(user)s: no such user.") % {"user": actor})
        progress = (lambda stage, done, total: None) if no_progress else ProgressBar(self.stderr)
        started = time.monotonic()
        try:
            result = records_import(
                kind=kind,
                actor=user,
                content=file.read_bytes(),
                filename=file.name,
                dry_run=dry_run,
                progress=progress,
            )
        except ApplicationError as exc:  # a refused actor or an unreadable file
            raise CommandError(" ".join(str(message) for message in _messages(exc.detail))) from exc
        for error in result.errors.items:
            self.stderr.write(
                _("row %(row)s, column “%(column)s”: %(message)s")
                % {"row": error.row, "column": error.column, "message": error.message}
            )
        summary = _(
            "%(rows)s rows: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(errors)s errors (%(seconds).1f s)."
        ) % {
            "rows": result.rows,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "errors": len(result.errors),
            "seconds": time.monotonic() - started,
        }
        if result.errors and not dry_run:
            raise CommandError(summary + " " + _("Nothing was written."))
        self.stdout.write((_("Dry run, nothing written.") + " " if dry_run else "") + summary)
