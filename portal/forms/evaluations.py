"""The form of one workflow step on one evaluation: its fields only, and only those of the rule set's scoring method.

Which fields a step sets, which it requires and each criterion's maximum are data (the workflow and the rule
set); the rules themselves are applied by evaluations.services when the form is submitted.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations.models import CriterionGroup, Evaluation, ScoreSource, ScoringMethod, Transition
from evaluations.serializers.evaluations import EvaluationInputSerializer
from evaluations.services.scoring import applicable_criteria
from hr.models import RatingLevel

TEXTS = {
    "self_comment": _("Self-assessment"),
    "collective_minutes": _("Minutes of the collective meeting"),
    "manager_comment": _("Manager's comments"),
    "return_reason": _("Reason for sending it back"),
    "handling_proposal": _("Proposed handling"),
    "authority_comment": _("Competent authority's comments"),
}
RATINGS = {
    "self_rating": _("Self rating"),
    "proposed_rating": _("Proposed rating"),
    "final_rating": _("Rating decided"),
}
# The old regime's shares (no points) and the leaders' task components of the 100-point regime.
SHARES = {
    "completed_pct": _("Tasks done on time and to quality (%)"),
    "exceeded_pct": _("Tasks exceeded (%)"),
    "not_assured_pct": _("Criteria not assured (%)"),
}
LEADER_COMPONENTS = {
    "unit_result_pct": _("Results of the unit led (%)"),
    "organising_pct": _("Organising capacity (%)"),
    "uniting_pct": _("Ability to unite staff (%)"),
}
SHORT = {"decision_number": _("Decision number"), "duty_group": _("Group with similar duties")}
SCORE_LABELS = {
    "self_points": _("Self-assessed points"),
    "manager_points": _("Manager's points"),
    "final_points": _("Authority's points"),
}
# Pre-filled points: the column's own value, else the previous reviewer's.
SCORE_FALLBACK = {
    "self_points": (),
    "manager_points": ("self_points",),
    "final_points": ("manager_points", "self_points"),
}


def shown_fields(evaluation: Evaluation, fields: list[str]) -> list[str]:
    """The step's fields that the evaluation's rule set scores by (the workflow lists both regimes' fields)."""
    points = evaluation.rule_set.scoring_method == ScoringMethod.POINTS
    from_periods = evaluation.score_source == ScoreSource.PERIODS
    task_sources = {c.source for c in applicable_criteria(evaluation, CriterionGroup.TASK)}
    shown = []
    for name in fields:
        if name in SHARES and points:
            continue
        if (name.startswith("scores.") or name == "task_lines") and (not points or from_periods):
            continue
        if name in LEADER_COMPONENTS and (not points or from_periods or name not in task_sources):
            continue
        shown.append(name)
    return shown


def _decimal(label, *, maximum, places=2, digits=5, required=False) -> forms.DecimalField:
    field = forms.DecimalField(
        label=label, min_value=0, max_value=maximum, decimal_places=places, max_digits=digits, required=required
    )
    field.widget.attrs.update(step="any", inputmode="decimal")
    return field


def _plain_field(name: str, *, required: bool) -> forms.Field:
    if name in TEXTS:
        return forms.CharField(label=TEXTS[name], required=required, widget=forms.Textarea(attrs={"rows": 3}))
    if name in RATINGS:
        return forms.ChoiceField(label=RATINGS[name], required=required, choices=[("", "—"), *RatingLevel.choices])
    if name in SHARES:
        return _decimal(SHARES[name], maximum=100, required=required)
    if name in LEADER_COMPONENTS:
        return _decimal(LEADER_COMPONENTS[name], maximum=100, required=required)
    if name == "minutes_date":
        return forms.DateField(
            label=_("Meeting date"), required=required, widget=forms.DateInput(attrs={"type": "date"})
        )
    if name == "months_absent":
        return _decimal(_("Months absent"), maximum=12, digits=4, required=required)
    return forms.CharField(label=SHORT.get(name, name), required=required, max_length=64)


class TaskLineForm(forms.Form):
    """One product or job of the period; a blank row is ignored."""

    product = forms.CharField(label=_("Product or job"), max_length=255)
    coefficient = _decimal(_("Coefficient"), maximum=None, digits=6, required=False)
    assigned = _decimal(_("Assigned"), maximum=None, digits=8, required=True)
    done = _decimal(_("Done"), maximum=None, digits=8, required=True)
    done_to_quality = _decimal(_("To quality"), maximum=None, digits=8, required=True)
    done_on_time = _decimal(_("On time"), maximum=None, digits=8, required=True)
    major_errors = forms.IntegerField(label=_("Major errors"), min_value=0, max_value=1000, required=False)
    delays = forms.IntegerField(label=_("Delays"), min_value=0, max_value=1000, required=False)

    def as_line(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "DELETE"}
        data["coefficient"] = data.get("coefficient") or Decimal(1)
        data["major_errors"] = data.get("major_errors") or 0
        data["delays"] = data.get("delays") or 0
        return data


TaskLineFormSet = forms.formset_factory(TaskLineForm, extra=2, max_num=500, can_delete=True)


class StepForm(forms.Form):
    """The inputs of `transition` on `evaluation`, pre-filled with what the evaluation holds."""

    def __init__(self, *args, evaluation: Evaluation, transition: Transition, draft: bool = False, **kwargs):
        """`draft`: inputs typed so far (the live total), so no input is required yet."""
        super().__init__(*args, **kwargs)
        self.evaluation = evaluation
        self.transition = transition
        required = set() if draft else set(transition.required_fields)
        self.shown = shown_fields(evaluation, transition.fields)
        self.score_column = next((n.split(".", 1)[1] for n in self.shown if n.startswith("scores.")), None)
        self.criteria = applicable_criteria(evaluation, CriterionGroup.GENERAL) if self.score_column else []
        self.lines = None
        scores = {s.criterion_id: s for s in evaluation.scores.all()}
        for name in self.shown:
            if name.startswith("scores."):
                self._add_scores(scores)
            elif name == "task_lines":
                self.lines = self._line_formset(*args)
            else:
                self.fields[name] = _plain_field(name, required=name in required)
                value = getattr(evaluation, name, None)
                if name == "self_rating" and not value:
                    value = evaluation.computed_rating
                self.initial.setdefault(name, value)

    def _add_scores(self, scores: dict) -> None:
        column = self.score_column
        for criterion in self.criteria:
            name = f"score_{criterion.pk}"
            field = _decimal(criterion.label, maximum=criterion.max_points)
            field.max_points = criterion.max_points
            self.fields[name] = field
            score = scores.get(criterion.pk)
            values = [getattr(score, c) for c in (column, *SCORE_FALLBACK[column])] if score else []
            self.initial.setdefault(name, next((v for v in values if v is not None), None))

    def _line_formset(self, *args):
        existing = [
            {
                "product": line.product,
                "coefficient": line.coefficient,
                "assigned": line.assigned,
                "done": line.done,
                "done_to_quality": line.done_to_quality,
                "done_on_time": line.done_on_time,
                "major_errors": line.major_errors,
                "delays": line.delays,
            }
            for line in self.evaluation.task_lines.all()
        ]
        data = args[0] if args else None
        return TaskLineFormSet(data, initial=existing, prefix=f"{self.prefix or 'step'}-line")

    def score_fields(self) -> list:
        return [self[f"score_{c.pk}"] for c in self.criteria]

    def other_fields(self) -> list:
        return [self[name] for name in self.fields if not name.startswith("score_")]

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if self.lines is not None:
            valid = self.lines.is_valid() and valid
        return valid

    def service_data(self) -> dict:
        """The validated inputs in the shape evaluations.services take (that of the API's input serializer)."""
        data = {name: value for name, value in self.cleaned_data.items() if not name.startswith("score_")}
        accepted = EvaluationInputSerializer().fields
        for name, value in list(data.items()):
            if value is None and isinstance(self.fields[name], forms.CharField):
                data[name] = ""
            elif value is None and not accepted[name].allow_null:
                del data[name]  # left empty: the API would not accept null either, so keep what is recorded
        if self.score_column:
            data["scores"] = [
                {"criterion": c.pk, self.score_column: self.cleaned_data.get(f"score_{c.pk}")} for c in self.criteria
            ]
        if self.lines is not None:
            data["task_lines"] = [
                form.as_line() for form in self.lines.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
        return data
