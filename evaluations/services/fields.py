"""Writing the fields of an open evaluation: plain fields, criterion points and task lines."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from evaluations.models import CriterionGroup, CriterionScore, Evaluation, ScoreSource, ScoringMethod, TaskLine
from evaluations.services.scoring import applicable_criteria, plain
from hr.models import User

SCORE_COLUMNS = ("self_points", "manager_points", "final_points")


def _wanted_keys(data: dict) -> list[str]:
    """The permission keys a request touches: plain fields, `scores.<column>` and `task_lines`."""
    keys: list[str] = []
    for key, value in data.items():
        if key == "scores":
            for column in SCORE_COLUMNS:
                if any(column in item for item in value) and f"scores.{column}" not in keys:
                    keys.append(f"scores.{column}")
        else:
            keys.append(key)
    return keys


def apply_fields(evaluation: Evaluation, data: dict, *, allowed: set[str], actor: User, refuse) -> None:
    """Write `data` if every key is in `allowed`; else `refuse` (an exception class) or a 400 per field."""
    forbidden = [key for key in _wanted_keys(data) if key not in allowed]
    if forbidden:
        field = forbidden[0].split(".")[0]
        if refuse is not None:
            raise refuse(
                _("You may not change this field at the evaluation's current stage."),
                field=field,
                code="field_not_editable",
            )
        message = _("This action does not set this field.")
        raise ValidationError(
            {key.split(".")[0]: ValidationError(message, code="field_not_in_action") for key in forbidden}
        )
    for key, value in data.items():
        if key == "scores":
            _write_scores(evaluation, value, actor)
        elif key == "task_lines":
            _write_task_lines(evaluation, value, actor)
        else:
            setattr(evaluation, key, value)


def _write_scores(evaluation: Evaluation, items: list[dict], actor: User) -> None:
    criteria = {c.pk: c for c in applicable_criteria(evaluation, CriterionGroup.GENERAL)}
    if not criteria:
        raise ValidationError(
            {
                "scores": ValidationError(
                    _("This evaluation's rule set has no scored criteria."), code="no_scored_criteria"
                )
            }
        )
    existing = {s.criterion_id: s for s in CriterionScore.objects.filter(evaluation=evaluation)}
    for item in items:
        criterion = criteria.get(item["criterion"])
        if criterion is None:
            raise ValidationError(
                {
                    "scores": ValidationError(
                        _("Criterion %(id)s is not a scored criterion of this evaluation.") % {"id": item["criterion"]},
                        code="unknown_criterion",
                    )
                }
            )
        score = existing.get(criterion.pk) or CriterionScore(evaluation=evaluation, criterion=criterion)
        for column in SCORE_COLUMNS:
            if column not in item:
                continue
            points = item[column]
            if points is not None and points > criterion.max_points:
                raise ValidationError(
                    {
                        "scores": ValidationError(
                            _("“%(criterion)s” has at most %(max)s points.")
                            % {"criterion": criterion.label, "max": plain(criterion.max_points)},
                            code="points_out_of_range",
                        )
                    }
                )
            setattr(score, column, points)
        score._history_user = actor
        score.full_clean()
        score.save()
        existing[criterion.pk] = score


def _write_task_lines(evaluation: Evaluation, items: list[dict], actor: User) -> None:
    if evaluation.rule_set.scoring_method != ScoringMethod.POINTS:
        raise ValidationError(
            {
                "task_lines": ValidationError(
                    _("Task lines are scored only under the 100-point rules."), code="task_lines_not_scored"
                )
            }
        )
    if evaluation.score_source == ScoreSource.PERIODS:
        raise ValidationError(
            {
                "task_lines": ValidationError(
                    _("The annual score is the average of the monthly or quarterly evaluations."),
                    code="score_from_periods",
                )
            }
        )
    for number, item in enumerate(items, start=1):
        done = item["done"]
        if done > item["assigned"] or item["done_to_quality"] > done or item["done_on_time"] > done:
            raise ValidationError(
                {
                    "task_lines": ValidationError(
                        _(
                            "Line %(number)s: done cannot exceed assigned, and done to quality or on time "
                            "cannot exceed done."
                        )
                        % {"number": number},
                        code="task_line_inconsistent",
                    )
                }
            )
    for line in TaskLine.objects.filter(evaluation=evaluation):
        line._history_user = actor
        line.delete()
    for order, item in enumerate(items):
        line = TaskLine(
            evaluation=evaluation,
            order=order,
            coefficient=item.get("coefficient", Decimal(1)),
            major_errors=item.get("major_errors", 0),
            delays=item.get("delays", 0),
            product=item["product"],
            assigned=item["assigned"],
            done=item["done"],
            done_to_quality=item["done_to_quality"],
            done_on_time=item["done_on_time"],
        )
        line._history_user = actor
        line.full_clean()
        line.save()
