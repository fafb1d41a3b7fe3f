"""Writing the change log of people's records (`hr.PersonChange`) and numbering it in commit order.

Every service that creates or changes a record of a person calls `person_changes_record` in its own
transaction. hr cannot know the apps above it, so those apps' services (the dossier's groups) call it too; the
sync app maps each row's model to the data groups of NĐ 27/2026 through its registry.
"""

from collections.abc import Iterable

from django.db import connection, models, transaction
from django.utils import timezone

from hr.access import access_sync_feed
from hr.models import PersonChange, User

# The key of the PostgreSQL advisory lock the numberer holds: one numbering at a time ("PCHG").
SEQUENCE_LOCK = 0x50434847


def source_of(model: type[models.Model]) -> str:
    """The `source` a model's changes are logged under: "app_label.modelname"."""
    return model._meta.label_lower


@transaction.atomic
def person_changes_record(
    *, model: type[models.Model], rows: Iterable[tuple[int, int]], fields: Iterable[str] = ()
) -> None:
    """Log that `model`'s records `rows` (pairs of the person's id and the record's id) were created or changed.

    `fields` names what changed; empty means the records are new. One INSERT for all the rows.
    """
    now = timezone.now()
    names = sorted(fields)
    changes = [
        PersonChange(
            employee_id=employee_id, source=source_of(model), object_id=object_id, fields=names, changed_at=now
        )
        for employee_id, object_id in rows
    ]
    if changes:
        PersonChange.objects.bulk_create(changes, batch_size=1000)


def person_changes_insert_sql(*, select: str, source: str) -> tuple[str, list]:
    """SQL that logs new records from `select` (columns: person id, record id) in bulk, for set-based loaders."""
    sql = (
        f"INSERT INTO {PersonChange._meta.db_table} (employee_id, source, object_id, fields, changed_at)"
        f" SELECT person_id, %s, record_id, '[]', %s FROM ({select}) AS logged (person_id, record_id)"
    )
    return sql, [source, timezone.now()]


@transaction.atomic
def person_changes_sequence() -> None:
    """Number the committed changes not numbered yet, after the highest number given; one numberer at a time.

    The lock is a transaction's: it is held until the caller's transaction (the feed request) commits, so under
    it every earlier numbering has committed, and the UPDATE reads the changes committed when it starts. A
    change still uncommitted stays unnumbered and gets a higher number at a later call: a reader that has gone
    past position n never misses a change, however late it commits. SQLite lets one writer at a time in, so
    the UPDATE alone is enough there.
    """
    table = PersonChange._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEQUENCE_LOCK])
        cursor.execute(
            f"UPDATE {table} SET sequence = numbered.base + numbered.position FROM ("
            f"SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS position,"
            f" (SELECT COALESCE(MAX(sequence), 0) FROM {table}) AS base"
            f" FROM {table} WHERE sequence IS NULL) AS numbered WHERE {table}.id = numbered.id"
        )


@transaction.atomic
def person_changes_acknowledge(*, actor: User | None, changes: models.QuerySet) -> int:
    """Mark the not yet acknowledged `changes` as taken by the national database now; how many were marked."""
    access_sync_feed(actor)
    return changes.filter(acknowledged_at__isnull=True).update(acknowledged_at=timezone.now())
