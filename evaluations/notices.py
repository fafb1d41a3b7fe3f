"""Who is told of an evaluation's step (the person, and whoever takes the next step) and in which words."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from evaluations.access import ancestor_paths
from evaluations.models import ActorKind, Evaluation, Transition
from hr.models import Role, User
from notifications.kinds import NoticeKind, notice_kind_register
from notifications.services import notices_create

STEP = "evaluation_step"
RESULT = "evaluation_result"
DIGEST = "manager_digest"

notice_kind_register(
    NoticeKind(STEP, _("Steps of my evaluations and of those awaiting me")),
    # The result must reach the person (NĐ 335/2025, NĐ 233/2026: the result is notified in writing).
    NoticeKind(RESULT, _("Decided ratings and their notification"), mandatory=True),
    NoticeKind(DIGEST, _("Daily digest of the evaluations awaiting me (managers)"), on_by_default=False),
)

# The steps people are told of; the minutes of the collective meeting are recorded by the unit itself.
TOLD = {
    "submit_self_assessment": STEP,
    "return_to_employee": STEP,
    "return_for_review": STEP,
    "review": STEP,
    "propose": STEP,
    "decide": RESULT,
    "notify": RESULT,
}


def _nearest(users: list[User]) -> list[User]:
    """Of the accounts covering the unit, those of the deepest scope: the room's manager before the director's."""
    if not users:
        return []
    depth = max(len(user.scope_unit.path) for user in users)
    return [user for user in users if len(user.scope_unit.path) == depth]


def next_actors(evaluation: Evaluation) -> list[User]:
    """The accounts that may take a step from the evaluation's current status, nearest first."""
    kinds: set[str] = set()
    for transition in evaluation.rule_set.workflow.transitions.all():
        if transition.source.code == evaluation.status:
            kinds.update(transition.actors_for(agency_head=evaluation.is_agency_head))
    others = User.objects.filter(is_active=True).exclude(employee_id=evaluation.employee_id)
    users: list[User] = []
    if ActorKind.SELF in kinds:
        users += list(
            User.objects.filter(is_active=True, employee_id=evaluation.employee_id).select_related("employee")
        )
    covering = others.filter(scope_unit__path__in=ancestor_paths(evaluation.unit.path)).select_related(
        "scope_unit", "employee"
    )
    for kind, role in ((ActorKind.UNIT_MANAGER, Role.MANAGER), (ActorKind.AGENCY_OFFICER, Role.PERSONNEL_OFFICER)):
        if kind in kinds:
            users += _nearest(list(covering.filter(role=role)))
    if ActorKind.PROVINCE_ADMIN in kinds and not any(user.employee_id != evaluation.employee_id for user in users):
        users += list(others.filter(role=Role.PROVINCE_ADMIN).select_related("employee"))
    return users


def evaluation_step_notices(*, evaluation: Evaluation, transition: Transition, actor: User | None) -> None:
    """Tell the person and the next actors of a step, inside the step's transaction (sent after commit)."""
    kind = TOLD.get(transition.name)
    if kind is None:
        return
    event = f"evaluation:{evaluation.pk}:{transition.name}:{evaluation.history.latest().history_id}"
    context = {
        "evaluation": evaluation,
        "employee": evaluation.employee,
        "cycle": evaluation.cycle,
        "step": transition.label,
        "state": transition.target.label,
        "reason": evaluation.return_reason if transition.name.startswith("return") else "",
        "rating": evaluation.get_final_rating_display() if evaluation.final_rating else "",
        "link": f"{settings.PORTAL_URL.rstrip('/')}/evaluations/{evaluation.pk}/",
    }
    actor_id = actor.pk if actor else None
    actors = [user for user in next_actors(evaluation) if user.employee_id != evaluation.employee_id]
    notices_create(
        kind=kind,
        event_key=event,
        recipients=[evaluation.employee],
        template="evaluations/notices/step_person",
        context=context,
    )
    notices_create(
        kind=STEP,
        event_key=event,
        recipients=[user for user in actors if user.pk != actor_id],
        template="evaluations/notices/step_actor",
        context=context,
    )
