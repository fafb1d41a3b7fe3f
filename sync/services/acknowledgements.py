"""Recording what the national database has taken: up to a cursor, or a list of change ids."""

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from hr.access import access_sync_feed
from hr.models import PersonChange, User
from hr.services.changes import person_changes_acknowledge
from sync.models import Acknowledgement
from sync.selectors.cursor import cursor_parse, delivered, up_to_q


@transaction.atomic
def acknowledgement_create(
    *, actor: User | None, cursor: str | None = None, change_ids: list[int] | None = None
) -> Acknowledgement:
    """Mark as taken every change up to `cursor` (its own included), or the changes `change_ids`; all or nothing.

    Changes already acknowledged keep their first acknowledgement. Only changes the feed has handed out can be
    acknowledged: an unknown cursor or id is refused and nothing is marked.
    """
    access_sync_feed(actor)
    if (cursor is None) == (change_ids is None):
        raise ApplicationError(
            _("Give either the cursor the national database has reached or the ids of the changes it took."),
            field="cursor",
            code="ack_target",
        )
    if cursor is not None:
        changes = PersonChange.objects.filter(up_to_q(cursor_parse(cursor)))
    else:
        wanted = set(change_ids)
        found = set(delivered(PersonChange.objects.filter(pk__in=wanted)).values_list("pk", flat=True))
        missing = sorted(wanted - found)
        if missing:
            raise ApplicationError(
                _("No change handed out by the feed has these ids: %(ids)s.")
                % {"ids": ", ".join(str(pk) for pk in missing[:20])},
                field="changes",
                code="change_unknown",
            )
        changes = PersonChange.objects.filter(pk__in=wanted)
    count = person_changes_acknowledge(actor=actor, changes=changes)
    acknowledgement = Acknowledgement(
        cursor=cursor or "", change_ids=sorted(change_ids or []), acknowledged=count, received_from=actor
    )
    acknowledgement.full_clean()
    acknowledgement.save()
    return acknowledgement
