"""The feed's cursor: the position (`hr.PersonChange.sequence`) of the last change handed out.

Positions are given after commit, in one numbering at a time (`hr.services.changes.person_changes_sequence`),
so a change that commits late gets a position after every one already handed out: reading on from a cursor
never skips it, and never gives a change twice. Only numbered changes are handed out or acknowledged.
"""

import re

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from backend.api.exceptions import ApplicationError
from hr.models import PersonChange

CURSOR = re.compile(r"[0-9]{1,19}")
# The position is a bigint column.
LARGEST = 2**63 - 1
CURSOR_INVALID = _("The cursor is not one the feed gives (a whole number).")
CURSOR_UNKNOWN = _("No change handed out by the feed has this cursor.")


def delivered(queryset: QuerySet) -> QuerySet:
    """The changes the feed has numbered, the only ones it hands out."""
    return queryset.filter(sequence__isnull=False)


def after_q(cursor: int | None) -> Q:
    """Changes after the position `cursor` (all of them without one)."""
    return Q(sequence__gt=cursor) if cursor is not None else Q()


def up_to_q(cursor: int) -> Q:
    """Changes at or before the position `cursor`."""
    return Q(sequence__lte=cursor)


def cursor_parse(raw: str, *, field: str = "cursor") -> int:
    """The position `raw` names, if the feed handed it out (400 `cursor_invalid` or `cursor_unknown` otherwise)."""
    if CURSOR.fullmatch(raw) is None or int(raw) > LARGEST:
        raise ApplicationError(CURSOR_INVALID, field=field, code="cursor_invalid")
    cursor = int(raw)
    # A made-up position past the last one given would skip the changes numbered up to it: only real ones pass.
    if not PersonChange.objects.filter(sequence=cursor).exists():
        raise ApplicationError(CURSOR_UNKNOWN, field=field, code="cursor_unknown")
    return cursor
