"""Corrections of a decided evaluation: a new version that goes through the decision again."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, Forbidden
from evaluations.access import actor_kinds, may_take
from evaluations.models import SUPERSEDED, CriterionScore, Evaluation, TaskLine, TransitionEffect
from evaluations.services.scoring import evaluation_recompute
from evaluations.services.workflow import is_locked, workflow_transitions
from hr.models import User

# What the new version does not inherit: the decision itself and the frozen record.
RESET_FIELDS = {
    "final_rating": "",
    "decision_number": "",
    "decided_on": None,
    "decided_by": None,
    "competent_person": None,
    "competent_title": "",
    "competent_name": "",
    "notified_on": None,
    "forced_reasons": [],
    "snapshot": {},
    "pdf_sha256": "",
    "pdf_version": None,
}


@transaction.atomic
def evaluation_amend(*, actor: User, evaluation: Evaluation, reason: str) -> Evaluation:
    """Supersede a decided evaluation with a copy waiting for a new decision; the old one stays readable."""
    evaluation = (
        Evaluation.objects.select_for_update(of=("self",)).select_related("rule_set", "cycle").get(pk=evaluation.pk)
    )
    decide = next((t for t in workflow_transitions(evaluation) if t.effect == TransitionEffect.DECIDE), None)
    if decide is None or not may_take(actor_kinds(actor, evaluation), decide, evaluation):
        raise Forbidden(_("Only whoever may decide this evaluation may amend it."), code="not_decider")
    if evaluation.status == SUPERSEDED:
        raise Conflict(_("This version was already replaced by an amended version."), code="superseded")
    if not is_locked(evaluation) or not evaluation.decided_on:
        raise Conflict(_("Only a decided evaluation is amended; an open one is simply edited."), code="not_decided")
    if not reason.strip():
        raise ValidationError(
            {"reason": ValidationError(_("Give the reason for the amendment."), code="reason_required")}
        )
    scores = list(CriterionScore.objects.filter(evaluation=evaluation))
    lines = list(TaskLine.objects.filter(evaluation=evaluation))
    evaluation.status = SUPERSEDED
    evaluation._history_user = actor
    evaluation.save(update_fields=["status", "updated_at"])

    amended = Evaluation.objects.get(pk=evaluation.pk)
    amended.pk = amended.id = None
    amended._state.adding = True
    for name, value in RESET_FIELDS.items():
        setattr(amended, name, value)
    amended.status = decide.source.code
    amended.version = evaluation.version + 1
    amended.amended_from = evaluation
    amended.amendment_reason = reason.strip()
    amended.amended_by = actor
    amended._history_user = actor
    amended.full_clean()
    amended.save()
    for score in scores:
        score.pk = score.id = None
        score._state.adding = True
        score.evaluation = amended
        score._history_user = actor
        score.save()
    for line in lines:
        line.pk = line.id = None
        line._state.adding = True
        line.evaluation = amended
        line._history_user = actor
        line.save()
    evaluation_recompute(amended)
    amended.save()
    return amended
