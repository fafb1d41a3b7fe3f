"""The evaluation workflow: what a caller may do now, field edits in a state, and transitions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict, Forbidden
from evaluations.access import actor_kinds, may_take
from evaluations.models import NOT_RATED, SUPERSEDED, Evaluation, Transition, TransitionEffect, WorkflowState
from evaluations.notices import evaluation_step_notices
from evaluations.services.decision import decide
from evaluations.services.fields import apply_fields
from evaluations.services.scoring import evaluation_recompute
from hr.models import User


def workflow_states(evaluation: Evaluation) -> dict[str, WorkflowState]:
    return {state.code: state for state in evaluation.rule_set.workflow.states.all()}


def workflow_transitions(evaluation: Evaluation) -> list[Transition]:
    return list(evaluation.rule_set.workflow.transitions.all())


def is_locked(evaluation: Evaluation) -> bool:
    """Decided (or notified) evaluations, superseded versions and people not rated never change."""
    if evaluation.status in (NOT_RATED, SUPERSEDED) or evaluation.rule_set_id is None:
        return True
    state = workflow_states(evaluation).get(evaluation.status)
    return state is None or state.is_locked


def check_open(evaluation: Evaluation) -> None:
    """A 409 with the reason when the evaluation can no longer change."""
    if evaluation.status == NOT_RATED:
        raise Conflict(
            _("This person is not rated in this cycle: %(reason)s") % {"reason": evaluation.not_rated_reason},
            code="not_rated",
        )
    if evaluation.status == SUPERSEDED:
        raise Conflict(_("This version was replaced by an amended version and is read-only."), code="superseded")
    if is_locked(evaluation):
        raise Conflict(
            _("The evaluation has been decided and is read-only; corrections are made by an amendment."), code="locked"
        )


def available_transitions(user: User, evaluation: Evaluation) -> list[Transition]:
    """Transitions out of the current state that `user` may take."""
    if evaluation.status in (NOT_RATED, SUPERSEDED) or evaluation.rule_set_id is None:
        return []
    kinds = actor_kinds(user, evaluation)
    return [
        t
        for t in workflow_transitions(evaluation)
        if t.source.code == evaluation.status and may_take(kinds, t, evaluation)
    ]


def editable_fields(user: User, evaluation: Evaluation) -> list[str]:
    """The fields of the transitions `user` may take from here: those they may fill in before taking one."""
    if is_locked(evaluation):
        return []
    fields: list[str] = []
    for transition in available_transitions(user, evaluation):
        fields.extend(f for f in transition.fields if f not in fields)
    return fields


def allowed_actions(*, user: User, evaluation: Evaluation) -> dict:
    transitions = available_transitions(user, evaluation)
    return {
        "status": evaluation.status,
        "locked": is_locked(evaluation),
        "actor_kinds": sorted(actor_kinds(user, evaluation)),
        "transitions": transitions,
        "editable_fields": editable_fields(user, evaluation),
    }


def _lock(evaluation: Evaluation) -> Evaluation:
    locked = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("cycle", "rule_set", "rule_set__workflow", "unit", "agency", "employee", "position")
        .get(pk=evaluation.pk)
    )
    return locked


def _save(evaluation: Evaluation, actor: User) -> None:
    evaluation._history_user = actor
    evaluation.full_clean()
    evaluation.save()


@transaction.atomic
def evaluation_update(*, actor: User, evaluation: Evaluation, data: dict) -> Evaluation:
    """Fill in fields of an open evaluation; each field belongs to whoever takes the next step."""
    evaluation = _lock(evaluation)
    check_open(evaluation)
    allowed = set(editable_fields(actor, evaluation))
    if not allowed:
        raise Forbidden(_("You may not change this evaluation at its current stage."), code="stage_not_editable")
    apply_fields(evaluation, data, allowed=allowed, actor=actor, refuse=Forbidden)
    evaluation_recompute(evaluation)
    _save(evaluation, actor)
    return evaluation


@transaction.atomic
def evaluation_transition(
    *, actor: User, evaluation: Evaluation, name: str, data: dict, on: datetime.date | None = None
) -> Evaluation:
    """Take the named step: 403 if the caller's role may never take it, 409 if not from the current state.

    The step is dated today; `on` dates it on an earlier day, for evaluations carried out on paper and
    entered afterwards (the demo's past year). It can be neither in the future nor before the self-assessment.
    """
    today = timezone.localdate()
    day = on or today
    if day > today:
        raise ApplicationError(_("A step cannot be dated in the future."), field="on", code="future_date")
    evaluation = _lock(evaluation)
    if evaluation.self_signed_on and day < evaluation.self_signed_on:
        raise ApplicationError(
            _("A step cannot be dated before the self-assessment (%(day)s).")
            % {"day": evaluation.self_signed_on.strftime("%d/%m/%Y")},
            field="on",
            code="before_self_assessment",
        )
    candidates = [t for t in workflow_transitions(evaluation) if t.name == name]
    if not candidates or evaluation.rule_set_id is None:
        raise Http404(_("No such action."))
    label = candidates[0].label
    if evaluation.status in (NOT_RATED, SUPERSEDED):
        check_open(evaluation)
    kinds = actor_kinds(actor, evaluation)
    mine = [t for t in candidates if may_take(kinds, t, evaluation)]
    if not mine:
        raise Forbidden(
            _("Your role may not take the action “%(action)s” on this evaluation.") % {"action": label},
            code="transition_forbidden",
        )
    transition = next((t for t in mine if t.source.code == evaluation.status), None)
    if transition is None:
        state = workflow_states(evaluation).get(evaluation.status)
        raise Conflict(
            _("The action “%(action)s” is not possible while the evaluation is “%(state)s”.")
            % {"action": label, "state": state.label if state else evaluation.status},
            code="wrong_state",
        )
    if data:
        apply_fields(evaluation, data, allowed=set(transition.fields), actor=actor, refuse=None)
    missing = [f for f in transition.required_fields if getattr(evaluation, f, None) in (None, "")]
    if missing:
        message = _("Required to take the action “%(action)s”.") % {"action": transition.label}
        raise ValidationError({f: ValidationError(message, code="required") for f in missing})
    if transition.source.is_initial:
        evaluation.self_signed_on = day
    if "proposed_rating" in transition.required_fields:
        # The step that proposes the rating: its author may not decide it (checked at the decision).
        evaluation.proposed_by = actor
    if transition.effect == TransitionEffect.DECIDE:
        decide(evaluation=evaluation, actor=actor, transition=transition, today=day)
        evaluation_step_notices(evaluation=evaluation, transition=transition, actor=actor)
        return evaluation
    if transition.effect == TransitionEffect.NOTIFY:
        evaluation.notified_on = day
    evaluation.status = transition.target.code
    if not transition.target.is_locked:
        evaluation_recompute(evaluation)
    _save(evaluation, actor)
    evaluation_step_notices(evaluation=evaluation, transition=transition, actor=actor)
    return evaluation
