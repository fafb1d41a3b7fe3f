"""Writing the change log of people's records (`hr.PersonChange`) from inside the services that change them.

Every service that creates or changes a record of a person calls `person_changes_record` in its own
transaction. hr cannot know the apps above it, so those apps' services (the dossier's groups) call it too; the
sync app maps each row's model to the data groups of NĐ 27/2026 through its registry.
"""

from collections.abc import Iterable

from django.db import connection, models, transaction
from django.db.models import Func
from django.utils import timezone

from hr.access import access_sync_feed
from hr.models import PersonChange, User


class CurrentTransactionId(Func):
    """PostgreSQL's id of the current transaction (assigned on its first write), as a bigint; 0 elsewhere."""

    template = "(pg_current_xact_id()::text::bigint)"
    output_field = models.BigIntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite lets one writer at a time hold the database until it commits: ids already follow commit order.
        return "0", []


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
            employee_id=employee_id,
            source=source_of(model),
            object_id=object_id,
            fields=names,
            xid=CurrentTransactionId(),
            changed_at=now,
        )
        for employee_id, object_id in rows
    ]
    if changes:
        PersonChange.objects.bulk_create(changes, batch_size=1000)


def person_changes_insert_sql(*, select: str, source: str) -> tuple[str, list]:
    """SQL that logs new records from `select` (columns: person id, record id) in bulk, for set-based loaders."""
    xid = "pg_current_xact_id()::text::bigint" if connection.vendor == "postgresql" else "0"
    sql = (
        f"INSERT INTO {PersonChange._meta.db_table} (employee_id, source, object_id, fields, xid, changed_at)"
        f" SELECT person_id, %s, record_id, '[]', {xid}, %s FROM ({select}) AS logged (person_id, record_id)"
    )
    return sql, [source, timezone.now()]


@transaction.atomic
def person_changes_acknowledge(*, actor: User | None, changes: models.QuerySet) -> int:
    """Mark the not yet acknowledged `changes` as taken by the national database now; how many were marked."""
    access_sync_feed(actor)
    return changes.filter(acknowledged_at__isnull=True).update(acknowledged_at=timezone.now())
