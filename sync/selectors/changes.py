"""The change feed: what changed, per person and data group, after a cursor, in the order that never skips."""

from dataclasses import dataclass

from django.db.models import QuerySet

from hr.models import PersonChange
from sync.registry import groups_of_change
from sync.selectors.cursor import after_q, delivered


@dataclass
class FeedPage:
    changes: list[PersonChange]
    next_cursor: int | None
    has_more: bool


def change_list() -> QuerySet:
    """Every logged change with the person's national ID."""
    return PersonChange.objects.select_related("employee").only(
        "id", "sequence", "source", "object_id", "fields", "changed_at", "acknowledged_at", "employee__national_id"
    )


def change_feed(*, after: int | None, limit: int) -> FeedPage:
    """Up to `limit` numbered changes after position `after` (from the first without it), each with its `groups`.

    One query whatever `limit`: `limit + 1` rows are read to know whether more follow. `next_cursor` is the
    last change's position, or `after` itself when nothing new is there yet. The caller numbers the changes
    committed since the last read first (`person_changes_sequence`).
    """
    rows = delivered(change_list()).filter(after_q(after)).order_by("sequence")
    page = list(rows[: limit + 1])
    has_more = len(page) > limit
    page = page[:limit]
    for change in page:
        change.groups = groups_of_change(change.source, change.fields)
    return FeedPage(page, page[-1].sequence if page else after, has_more)
