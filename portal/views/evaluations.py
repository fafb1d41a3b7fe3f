"""A person's evaluations, one evaluation with the steps the caller may take, the live total and the printed form."""

import hashlib

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluations.models import NOT_RATED, Evaluation, ScoringMethod
from evaluations.selectors.evaluations import evaluation_detail_queryset, evaluation_list, status_choices
from evaluations.selectors.quota import quota_preview
from evaluations.services.forms import evaluation_form, render_pdf
from evaluations.services.workflow import (
    available_transitions,
    evaluation_transition,
    evaluation_update,
    is_locked,
    workflow_states,
)
from evaluations.views.evaluations import pdf_filename
from hr.models import RatingLevel
from portal.forms.evaluations import SHARES, StepForm
from portal.pages import portal_page
from portal.refusals import REFUSALS, add_refusal, refusal_messages
from portal.views.records import person_or_404


def evaluation_or_404(request, pk: int) -> Evaluation:
    return get_object_or_404(evaluation_detail_queryset(user=request.user), pk=pk)


@portal_page
def evaluation_list_page(request, employee_id: int | None = None):
    """Every cycle and version of one person's evaluations, newest first."""
    employee = person_or_404(request, employee_id)
    rows = evaluation_list(user=request.user, filters={"employee": employee.pk}).order_by(
        "-cycle__year", "cycle__period_kind", "-cycle__period_number", "-version"
    )
    context = {
        "employee": employee,
        "own": employee.pk == request.user.employee_id,
        "evaluations": list(rows),
        "statuses": dict(status_choices()),
    }
    return render(request, "portal/evaluations/list.html", context)


def _step_forms(request, evaluation: Evaluation, posted: str | None = None, bound: StepForm | None = None) -> list:
    forms = []
    for transition in available_transitions(request.user, evaluation):
        if bound is not None and transition.name == posted:
            forms.append(bound)
        else:
            forms.append(StepForm(evaluation=evaluation, transition=transition, prefix=transition.name))
    return forms


def _detail(request, evaluation: Evaluation, *, posted=None, bound=None, status=200):
    forms = _step_forms(request, evaluation, posted, bound)
    deciding = any(f.transition.name in ("propose", "decide") for f in forms)
    context = {
        "evaluation": evaluation,
        "state": workflow_states(evaluation).get(evaluation.status) if evaluation.rule_set_id else None,
        "statuses": dict(status_choices()),
        "locked": is_locked(evaluation),
        "has_form": evaluation.status != NOT_RATED and evaluation.rule_set_id is not None,
        "forms": forms,
        "scores": list(evaluation.scores.all()),
        "lines": list(evaluation.task_lines.all()),
        "quota": quota_preview(evaluation=evaluation) if deciding else None,
        "shares": [(label, getattr(evaluation, name)) for name, label in SHARES.items()],
        "points": evaluation.rule_set_id and evaluation.rule_set.scoring_method == ScoringMethod.POINTS,
    }
    return render(request, "portal/evaluations/detail.html", context, status=status)


@portal_page
def evaluation_detail(request, pk: int):
    return _detail(request, evaluation_or_404(request, pk))


def _bound_form(request, evaluation: Evaluation, name: str, *, draft: bool = False) -> StepForm | None:
    transition = next((t for t in available_transitions(request.user, evaluation) if t.name == name), None)
    if transition is None:
        return None
    return StepForm(request.POST, evaluation=evaluation, transition=transition, prefix=name, draft=draft)


@portal_page
@require_POST
def evaluation_act(request, pk: int, name: str):
    """Save the step's inputs (evaluation_update) or take the step (evaluation_transition).

    A refusal is shown on the form, never as an error page.
    """
    evaluation = evaluation_or_404(request, pk)
    form = _bound_form(request, evaluation, name)
    if form is None:
        messages.error(request, _("This action is not available to you at the evaluation's current stage."))
        return redirect("portal:evaluation", pk=pk)
    if form.is_valid():
        try:
            with transaction.atomic():
                if "save" in request.POST:
                    evaluation_update(actor=request.user, evaluation=evaluation, data=form.service_data())
                else:
                    evaluation_transition(
                        actor=request.user, evaluation=evaluation, name=name, data=form.service_data()
                    )
        except REFUSALS as exc:
            add_refusal(form, exc)
        else:
            done = _("Saved.") if "save" in request.POST else _("Done: %(action)s.") % {"action": form.transition.label}
            messages.success(request, done)
            return redirect("portal:evaluation", pk=pk)
    return _detail(request, evaluation_or_404(request, pk), posted=name, bound=form, status=400)


@portal_page
@require_POST
def evaluation_preview(request, pk: int, name: str):
    """The total and the rating the rules give for the inputs typed so far; nothing is kept."""
    evaluation = evaluation_or_404(request, pk)
    form = _bound_form(request, evaluation, name, draft=True)
    if form is None or not form.is_valid():
        return JsonResponse({"error": _("Check the highlighted inputs.")}, status=400)
    try:
        with transaction.atomic():
            evaluation_update(actor=request.user, evaluation=evaluation, data=form.service_data())
            fresh = Evaluation.objects.get(pk=pk)
            transaction.set_rollback(True)
    except REFUSALS as exc:
        return JsonResponse({"error": " ".join(m for ms in refusal_messages(exc).values() for m in ms)}, status=400)
    rating = fresh.computed_rating
    return JsonResponse(
        {
            "general": None if fresh.general_score is None else str(fresh.general_score),
            "task": None if fresh.task_score is None else str(fresh.task_score),
            "total": None if fresh.total_score is None else str(fresh.total_score),
            "rating": rating,
            "rating_label": str(RatingLevel(rating).label) if rating else "",
        }
    )


@portal_page
def evaluation_pdf(request, pk: int):
    """The printed form, as the API gives it (a decided one rebuilt from its frozen record)."""
    evaluation = evaluation_or_404(request, pk)
    if evaluation.status == NOT_RATED or evaluation.rule_set_id is None:
        messages.error(request, _("This person is not rated in this cycle, so there is no form."))
        return redirect("portal:evaluation", pk=pk)
    content = render_pdf(evaluation_form(evaluation))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(evaluation)}"'
    response["X-Content-SHA256"] = hashlib.sha256(content).hexdigest()
    return response
