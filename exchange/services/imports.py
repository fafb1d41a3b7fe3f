"""Importing a file of records: validate every row, then write all of them or none."""

from django.db import connection, transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from exchange.errors import RowErrors
from exchange.importers import IMPORTERS, ImportResult, Progress, no_progress
from exchange.tables import UnreadableFile
from hr.access import access_personnel_writer
from hr.models import User

# Key of the PostgreSQL advisory lock that runs imports one at a time: a second import waits, then
# sees the first one's rows (and updates them) instead of racing it into duplicates.
IMPORT_LOCK_KEY = 0x43484348  # "CHCH"


def _serialise_imports() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_KEY])


@transaction.atomic
def records_import(
    *,
    kind: str,
    actor: User | None,
    content: bytes,
    filename: str,
    dry_run: bool,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import a CSV/XLSX file of `kind` records as `actor` (None: the command line, whole province).

    A dry run validates and writes nothing. A real run writes only if no row has an
    error; the result lists every bad row (spreadsheet row number, column, message).
    """
    if kind not in IMPORTERS:
        raise ApplicationError(_("Unknown kind of import."), field="kind", code="unknown_kind")
    access_personnel_writer(actor)
    importer_class = IMPORTERS[kind]
    errors = RowErrors()
    result = ImportResult(kind=kind, dry_run=dry_run, errors=errors)
    try:
        table = importer_class.read(content, filename=filename, errors=errors)
    except UnreadableFile as exc:
        raise ApplicationError(str(exc), field="file", code=exc.code) from exc
    result.rows = len(table.numbers)
    if errors:  # a header problem makes every row suspect
        return result
    if not dry_run:
        _serialise_imports()
    importer = importer_class(actor=actor, errors=errors, progress=progress)
    try:
        with transaction.atomic():
            # Importers that write through a service row by row do so while validating; a dry
            # run or any bad row discards this savepoint, so nothing of the file stays.
            importer.validate(table, result)
            if errors or dry_run:
                raise _Discard
            importer.write(result)
    except _Discard:
        if not dry_run:
            result.created = result.updated = result.unchanged = 0
    return result


class _Discard(Exception):
    """Raised inside the import's savepoint to roll it back (dry run, or a bad row)."""
