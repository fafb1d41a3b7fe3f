"""The printed form of an evaluation: a JSON record of everything on it, frozen at the decision."""

import datetime
from decimal import Decimal

from django.conf import settings

from evaluations.models import CriterionGroup, CriterionScore, Evaluation, ScoringMethod
from evaluations.pdf_form import EvaluationForm, FormCriterion, render_evaluation_pdf
from evaluations.services.scoring import applicable_criteria
from hr.models import Category

CATEGORY_LABELS = {
    Category.CAN_BO: "CÁN BỘ",
    Category.CONG_CHUC: "CÔNG CHỨC",
    Category.VIEN_CHUC: "VIÊN CHỨC",
}
TASK_ROW_LABEL = "Kết quả thực hiện nhiệm vụ"


def _num(value) -> str | None:
    return None if value is None else str(value)


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _day(value: datetime.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _criteria_rows(evaluation: Evaluation) -> list[dict]:
    rule_set = evaluation.rule_set
    if rule_set.scoring_method != ScoringMethod.POINTS:
        return [
            {"label": c.label, "max": None, "self": None, "manager": None, "final": None}
            for c in applicable_criteria(evaluation, CriterionGroup.ASPECT)
        ]
    scores = {s.criterion_id: s for s in CriterionScore.objects.filter(evaluation=evaluation)}
    rows = []
    for criterion in applicable_criteria(evaluation, CriterionGroup.GENERAL):
        score = scores.get(criterion.pk)
        rows.append(
            {
                "label": criterion.label,
                "max": _num(criterion.max_points),
                "self": _num(score and score.self_points),
                "manager": _num(score and score.manager_points),
                "final": _num(score and score.final_points),
            }
        )
    rows.append(
        {
            "label": TASK_ROW_LABEL,
            "max": _num(rule_set.task_max_points),
            "self": None,
            "manager": None,
            "final": _num(evaluation.task_score),
        }
    )
    return rows


def build_snapshot(evaluation: Evaluation) -> dict:
    """Everything printed on the form and the rules that produced it, as plain JSON (names as they are now)."""
    employee = evaluation.employee
    position = evaluation.position
    decided_by = evaluation.decided_by
    entered_by_name = ""
    if decided_by is not None:
        entered_by_name = decided_by.employee.full_name if decided_by.employee_id else decided_by.get_full_name()
        entered_by_name = entered_by_name or decided_by.username
    rank = employee.rank
    return {
        "regime": evaluation.rule_set.form_regime,
        "rule_set": evaluation.rule_set.code,
        "rule_set_version": evaluation.rule_set_version,
        "agency_name": evaluation.agency.name,
        # The place on the date lines ("Sơn La, ngày …"), frozen with the rest of the form.
        "place_name": settings.FORM_PLACE_NAME,
        "unit_name": evaluation.unit.name,
        "year": evaluation.cycle.year,
        "cycle": evaluation.cycle.name,
        "full_name": employee.full_name,
        "position_title": position.name if position else (rank.name if rank else ""),
        "category_label": CATEGORY_LABELS.get(evaluation.category, "CÔNG CHỨC"),
        "general_score": _num(evaluation.general_score),
        "task_score": _num(evaluation.task_score),
        "total_score": _num(evaluation.total_score),
        "task_components": evaluation.task_components,
        "score_source": evaluation.score_source,
        "criteria": _criteria_rows(evaluation),
        "computed_rating": evaluation.computed_rating or None,
        "self_rating": evaluation.self_rating or None,
        "proposed_rating": evaluation.proposed_rating or None,
        "final_rating": evaluation.final_rating or None,
        "forced_reasons": evaluation.forced_reasons,
        "self_comment": evaluation.self_comment,
        "manager_comment": evaluation.manager_comment,
        "authority_comment": evaluation.authority_comment,
        "handling_proposal": evaluation.handling_proposal,
        "self_signed_on": _day(evaluation.self_signed_on),
        "decided_on": _day(evaluation.decided_on),
        # The competent person signs the form, whoever entered the decision (kept apart, never printed).
        "decided_by_name": evaluation.competent_name,
        "authority_title": evaluation.competent_title,
        "entered_by_name": entered_by_name,
        "decision_number": evaluation.decision_number,
        "version": evaluation.version,
        "amended_from_version": evaluation.amended_from.version if evaluation.amended_from_id else None,
    }


def form_from_snapshot(snapshot: dict) -> EvaluationForm:
    return EvaluationForm(
        regime=snapshot["regime"],
        agency_name=snapshot["agency_name"],
        place_name=snapshot.get("place_name", ""),  # forms frozen before it was recorded print dots
        unit_name=snapshot["unit_name"],
        year=snapshot["year"],
        full_name=snapshot["full_name"],
        position_title=snapshot["position_title"],
        category_label=snapshot["category_label"],
        general_score=_dec(snapshot["general_score"]),
        task_score=_dec(snapshot["task_score"]),
        total_score=_dec(snapshot["total_score"]),
        criteria=tuple(
            FormCriterion(
                label=row["label"],
                max_points=_dec(row["max"]),
                self_points=_dec(row["self"]),
                manager_points=_dec(row["manager"]),
                final_points=_dec(row["final"]),
            )
            for row in snapshot["criteria"]
        ),
        self_rating=snapshot["self_rating"],
        final_rating=snapshot["final_rating"],
        self_comment=snapshot["self_comment"],
        manager_comment=snapshot["manager_comment"],
        authority_comment=snapshot["authority_comment"],
        handling_proposal=snapshot["handling_proposal"],
        self_signed_on=_parse_day(snapshot["self_signed_on"]),
        decided_on=_parse_day(snapshot["decided_on"]),
        decided_by_name=snapshot["decided_by_name"],
        # Forms frozen before the competent person was recorded printed a name only (whoever entered it).
        authority_title=snapshot.get("authority_title", ""),
        version=snapshot["version"],
        amended_from_version=snapshot["amended_from_version"],
    )


def _parse_day(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def evaluation_form(evaluation: Evaluation) -> EvaluationForm:
    """The form as decided (from the frozen record), or as it stands for an open evaluation."""
    snapshot = evaluation.snapshot or build_snapshot(evaluation)
    return form_from_snapshot(snapshot)


def render_pdf(form: EvaluationForm) -> bytes:
    return render_evaluation_pdf(form)


def form_status(evaluation: Evaluation) -> str:
    """`draft` while open, `issuing` once decided until its PDF's hash is stored (after commit), `issued`."""
    if not evaluation.snapshot:
        return "draft"
    return "issued" if evaluation.pdf_sha256 else "issuing"
