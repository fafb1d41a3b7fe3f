"""The caller's inbox: evaluations on which they may take a workflow step now, in a constant number of queries."""

from django.db.models import Prefetch, Q, QuerySet

from evaluations.models import NOT_RATED, SUPERSEDED, ActorKind, Evaluation, Transition
from evaluations.selectors.evaluations import evaluation_visible
from hr.access import subtree_q
from hr.models import Role, User


def _held_kinds_q(user: User) -> list[tuple[str, Q]]:
    """Each actor kind `user` can hold, with the evaluations on which they hold it.

    The queryset form of evaluations.access.actor_kinds: on their own evaluation a person is only SELF;
    on others', an administrator acts as the province, a manager or an officer over their unit subtree.
    """
    held: list[tuple[str, Q]] = []
    others = Q()
    if user.employee_id:
        held.append((ActorKind.SELF, Q(employee_id=user.employee_id)))
        others = ~Q(employee_id=user.employee_id)
    if user.is_province_admin:
        held.append((ActorKind.PROVINCE_ADMIN, others))
    elif user.scope_unit_id and user.role in (Role.MANAGER, Role.PERSONNEL_OFFICER):
        kind = ActorKind.UNIT_MANAGER if user.role == Role.MANAGER else ActorKind.AGENCY_OFFICER
        held.append((kind, others & subtree_q(user.scope_unit, prefix="unit__")))
    return held


def _actionable_q(user: User, transitions: list[Transition]) -> Q:
    """Evaluations sitting in a state some transition leaves by an actor kind the user holds on them."""
    condition = Q(pk__in=[])
    for kind, where in _held_kinds_q(user):
        steps = Q(pk__in=[])
        for transition in transitions:
            for head, actors in ((False, transition.actors), (True, transition.agency_head_actors)):
                if kind in actors:
                    steps |= Q(
                        rule_set__workflow_id=transition.workflow_id,
                        status=transition.source.code,
                        is_agency_head=head,
                    )
        condition |= where & steps
    return condition


def task_list(*, user: User) -> QuerySet[Evaluation]:
    """Evaluations awaiting the caller's action, oldest cycle first, with what the allowed actions need.

    Each row's actions are `evaluations.services.workflow.available_transitions(user, row)`, which reads the
    prefetched workflow: the list costs the same number of queries whatever its length.
    """
    transitions = list(Transition.objects.select_related("source"))
    return (
        evaluation_visible(user=user)
        .filter(_actionable_q(user, transitions))
        .exclude(status__in=[NOT_RATED, SUPERSEDED])
        .select_related("rule_set__workflow")
        .prefetch_related(
            "rule_set__workflow__states",
            Prefetch("rule_set__workflow__transitions", queryset=Transition.objects.select_related("source", "target")),
        )
        .order_by(
            "cycle__year", "cycle__period_kind", "cycle__period_number", "unit__path", "employee__full_name", "pk"
        )
    )
