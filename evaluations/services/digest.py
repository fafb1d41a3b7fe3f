"""The managers' daily digest: the evaluations awaiting each manager who turned it on, one e-mail a day."""

from django.utils import timezone

from evaluations.models import WorkflowState
from evaluations.notices import DIGEST
from evaluations.selectors.tasks import task_list
from hr.models import Role, User
from notifications.models import NoticePreference
from notifications.services import notices_create


def manager_digests_send(*, portal: str) -> int:
    """One notice per manager with the digest on and something awaiting them; a second run the same day
    writes nothing (the event is the manager and the day)."""
    day = timezone.localdate().isoformat()
    wanted = NoticePreference.objects.filter(kind=DIGEST, enabled=True).values("user_id")
    managers = User.objects.filter(pk__in=wanted, is_active=True, role=Role.MANAGER).select_related(
        "employee", "scope_unit"
    )
    labels = dict(WorkflowState.objects.values_list("code", "label"))
    count = 0
    for manager in managers:
        items = list(task_list(user=manager)[:200])
        if not items:
            continue
        for item in items:
            item.status_label = labels.get(item.status, item.status)
        count += notices_create(
            kind=DIGEST,
            event_key=f"digest:{manager.pk}:{day}",
            recipients=[manager],
            template="evaluations/notices/digest",
            context={"items": items, "count": len(items), "portal": portal},
        )
    return count
