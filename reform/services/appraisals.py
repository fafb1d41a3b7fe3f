"""The appraisal workflow: open, self-assess, submit, appraise, survey, publish (then locked)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from backend.api.exceptions import ApplicationError, Conflict
from hr.models import OrgUnit, User
from hr.services.reform_results import unit_reform_result_record
from reform.access import (
    access_appraisal_open,
    access_appraisal_refresh,
    access_appraiser,
    access_self_assessment,
)
from reform.models import (
    TARGET_LEVEL_OF_KIND,
    Appraisal,
    AppraisalScore,
    AppraisalStatus,
    IndexCriterion,
    IndexSet,
    ScoreSource,
    ScoringMethod,
)
from reform.selectors.metrics import metric_values
from reform.services.scoring import check_points, computed_points, recompute_totals


def lock_appraisal(appraisal: Appraisal) -> Appraisal:
    """Re-read the appraisal under a row lock so concurrent edits of one unit queue up."""
    return Appraisal.objects.select_for_update(of=("self",)).select_related("unit", "index_set").get(pk=appraisal.pk)


def require_status(appraisal: Appraisal, *statuses: str) -> None:
    if appraisal.status == AppraisalStatus.PUBLISHED:
        raise Conflict(_("The appraisal is published and can no longer be changed."), code="appraisal_published")
    if appraisal.status not in statuses:
        raise Conflict(
            _("Not possible while the appraisal is at the step: %(status)s.")
            % {"status": AppraisalStatus(appraisal.status).label},
            code="wrong_state",
        )


def _scores(appraisal: Appraisal) -> list[AppraisalScore]:
    return list(appraisal.scores.select_related("criterion").order_by("pk"))


def _save_totals(appraisal: Appraisal, actor: User | None, scores: list[AppraisalScore]) -> Appraisal:
    recompute_totals(appraisal, scores)
    appraisal._history_user = actor
    appraisal.full_clean()
    appraisal.save()
    return appraisal


def _save_score(score: AppraisalScore, actor: User | None) -> None:
    score._history_user = actor
    score.full_clean()
    score.save()


def _refresh_computed(appraisal: Appraisal, actor: User | None, scores: list[AppraisalScore]) -> None:
    computed = [s for s in scores if s.criterion.scoring_method == ScoringMethod.COMPUTED]
    if not computed:
        return
    values = metric_values(
        unit=appraisal.unit, year=appraisal.index_set.year, metrics={s.criterion.computed_metric for s in computed}
    )
    now = timezone.now()
    for score in computed:
        value = values[score.criterion.computed_metric]
        score.computed_value = value
        score.computed_points = computed_points(score.criterion, value)
        score.computed_at = now
        _save_score(score, actor)


@transaction.atomic
def appraisal_open(*, actor: User | None, unit: OrgUnit, year: int) -> Appraisal:
    """Open a unit's appraisal for a year under the index set of its level, one row per scored criterion."""
    access_appraisal_open(actor, unit)
    level = TARGET_LEVEL_OF_KIND.get(unit.kind)
    if level is None:
        raise ApplicationError(
            _("This kind of unit is not appraised on the reform index."), field="unit", code="unit_not_appraised"
        )
    index_set = IndexSet.objects.filter(year=year, target_level=level).first()
    if index_set is None:
        raise ApplicationError(
            _("No reform index has been issued for this year and level."), field="year", code="no_index_set"
        )
    if unit.valid_from.year > year or (unit.valid_to is not None and unit.valid_to.year < year):
        raise ApplicationError(_("The unit did not exist in that year."), field="unit", code="unit_not_in_year")
    if Appraisal.objects.filter(unit=unit, index_set=index_set).exists():
        raise ApplicationError(
            _("The unit already has an appraisal for this year."), field="year", code="appraisal_exists"
        )
    appraisal = Appraisal(unit=unit, index_set=index_set, created_by=actor)
    appraisal._history_user = actor
    appraisal.full_clean()
    appraisal.save()
    leaves = IndexCriterion.objects.filter(area__index_set=index_set, is_leaf=True)
    bulk_create_with_history(
        [AppraisalScore(appraisal=appraisal, criterion=criterion) for criterion in leaves],
        AppraisalScore,
        default_user=actor,
    )
    scores = _scores(appraisal)
    _refresh_computed(appraisal, actor, scores)
    return _save_totals(appraisal, actor, scores)


@transaction.atomic
def appraisal_refresh_computed(*, actor: User | None, appraisal: Appraisal) -> Appraisal:
    """Re-read the computed criteria from the system's current data (before publication)."""
    access_appraisal_refresh(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.SELF_ASSESSMENT, AppraisalStatus.APPRAISAL)
    scores = _scores(appraisal)
    _refresh_computed(appraisal, actor, scores)
    return _save_totals(appraisal, actor, scores)


def _entries_by_score(scores: list[AppraisalScore], entries: list[dict], *, source: str) -> list[tuple]:
    """Pair each entry with the appraisal's score row; refuse unknown, repeated or wrong-source criteria."""
    by_criterion = {s.criterion_id: s for s in scores}
    seen: set[int] = set()
    pairs = []
    for entry in entries:
        criterion_id = entry["criterion"]
        score = by_criterion.get(criterion_id)
        if score is None:
            message = _("Criterion %(id)s is not a scored criterion of this index.") % {"id": criterion_id}
            raise ValidationError({"scores": ValidationError(message, code="unknown_criterion")})
        if criterion_id in seen:
            message = _("Criterion %(code)s is given twice.") % {"code": score.criterion.code}
            raise ValidationError({"scores": ValidationError(message, code="duplicate_entry")})
        seen.add(criterion_id)
        if score.criterion.source != source:
            message = (
                _("Criterion %(code)s is scored by the survey.")
                if source == ScoreSource.SELF
                else _("Criterion %(code)s is not a survey criterion.")
            )
            raise ValidationError(
                {"scores": ValidationError(message % {"code": score.criterion.code}, code="wrong_score_source")}
            )
        pairs.append((score, entry))
    return pairs


@transaction.atomic
def appraisal_set_self_scores(*, actor: User | None, appraisal: Appraisal, entries: list[dict]) -> Appraisal:
    """The unit's self-scores and notes; `score` None clears one."""
    access_self_assessment(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.SELF_ASSESSMENT)
    scores = _scores(appraisal)
    for score, entry in _entries_by_score(scores, entries, source=ScoreSource.SELF):
        if entry["score"] is not None:
            check_points(score.criterion, entry["score"], field="scores")
        score.self_score = entry["score"]
        if "note" in entry:
            score.self_note = entry["note"]
        _save_score(score, actor)
    return _save_totals(appraisal, actor, scores)


@transaction.atomic
def appraisal_submit(*, actor: User | None, appraisal: Appraisal) -> Appraisal:
    """Hand the self-assessment to the Department of Home Affairs: every criterion scored, evidence attached."""
    access_self_assessment(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.SELF_ASSESSMENT)
    scores = _scores(appraisal)
    own = [s for s in scores if s.criterion.source == ScoreSource.SELF]
    missing = [s.criterion.code for s in own if s.self_score is None]
    if missing:
        message = _("Not self-scored yet: %(codes)s.") % {"codes": ", ".join(missing)}
        raise ValidationError({"scores": ValidationError(message, code="self_scores_missing")})
    with_evidence = set(appraisal.scores.filter(evidence__isnull=False).values_list("pk", flat=True).distinct())
    unsupported = [
        s.criterion.code for s in own if s.criterion.evidence_required and s.self_score and s.pk not in with_evidence
    ]
    if unsupported:
        raise ValidationError(
            {
                "evidence": ValidationError(
                    _("Evidence is required for: %(codes)s.") % {"codes": ", ".join(unsupported)},
                    code="evidence_missing",
                )
            }
        )
    _refresh_computed(appraisal, actor, scores)
    appraisal.status = AppraisalStatus.APPRAISAL
    appraisal.submitted_at = timezone.now()
    return _save_totals(appraisal, actor, scores)


@transaction.atomic
def appraisal_return(*, actor: User | None, appraisal: Appraisal, reason: str) -> Appraisal:
    """Send a submitted self-assessment back to the unit for completion."""
    access_appraiser(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.APPRAISAL)
    if not reason.strip():
        raise ApplicationError(
            _("Give the reason for returning the self-assessment."), field="reason", code="reason_required"
        )
    appraisal.status = AppraisalStatus.SELF_ASSESSMENT
    appraisal._change_reason = reason
    return _save_totals(appraisal, actor, _scores(appraisal))


@transaction.atomic
def appraisal_set_appraised_scores(*, actor: User | None, appraisal: Appraisal, entries: list[dict]) -> Appraisal:
    """The appraiser's points; any change from the self-score needs its reason. `score` None confirms the self-score."""
    access_appraiser(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.APPRAISAL)
    scores = _scores(appraisal)
    for score, entry in _entries_by_score(scores, entries, source=ScoreSource.SELF):
        points: Decimal | None = entry["score"]
        reason = entry.get("reason", "").strip()
        if points is not None:
            check_points(score.criterion, points, field="scores")
            if points != score.self_score and not reason:
                message = _("Criterion %(code)s: give the reason for changing the self-score.")
                raise ValidationError(
                    {"reason": ValidationError(message % {"code": score.criterion.code}, code="reason_required")}
                )
        score.appraised_score = points
        score.appraisal_reason = reason if points is not None else ""
        _save_score(score, actor)
    return _save_totals(appraisal, actor, scores)


@transaction.atomic
def appraisal_set_survey_scores(*, actor: User | None, appraisal: Appraisal, entries: list[dict]) -> Appraisal:
    """Points of the survey criteria, entered by the province administration from the survey results."""
    access_appraiser(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.SELF_ASSESSMENT, AppraisalStatus.APPRAISAL)
    scores = _scores(appraisal)
    for score, entry in _entries_by_score(scores, entries, source=ScoreSource.SURVEY):
        if entry["score"] is not None:
            check_points(score.criterion, entry["score"], field="scores")
        score.survey_score = entry["score"]
        _save_score(score, actor)
    return _save_totals(appraisal, actor, scores)


@transaction.atomic
def appraisal_publish(*, actor: User | None, appraisal: Appraisal, decision_number: str = "") -> Appraisal:
    """Publish the result: totals, percentage and band are final and the appraisal is locked for good."""
    access_appraiser(actor, appraisal)
    appraisal = lock_appraisal(appraisal)
    require_status(appraisal, AppraisalStatus.APPRAISAL)
    scores = _scores(appraisal)
    missing = [s.criterion.code for s in scores if s.criterion.source == ScoreSource.SURVEY and s.survey_score is None]
    if missing:
        message = _("Survey points missing for: %(codes)s.") % {"codes": ", ".join(missing)}
        raise ValidationError({"scores": ValidationError(message, code="survey_scores_missing")})
    # The computed figures shown on the published result are those of the day it was published.
    _refresh_computed(appraisal, actor, scores)
    for score in scores:
        if score.criterion.source == ScoreSource.SELF and score.appraised_score is None:
            score.appraised_score = score.self_score
            _save_score(score, actor)
    appraisal.status = AppraisalStatus.PUBLISHED
    appraisal.published_at = timezone.now()
    appraisal.decision_number = decision_number
    appraisal = _save_totals(appraisal, actor, scores)
    appraisal_result_record(actor=actor, appraisal=appraisal)
    return appraisal


@transaction.atomic
def appraisal_result_record(*, actor: User | None, appraisal: Appraisal) -> None:
    """Write the published band and its head cap down to hr, where the evaluation of the head of agency reads it.

    The evaluations app sits below reform and may not import it; the values kept are those of the publication.
    """
    if not appraisal.is_published or appraisal.band is None:
        return
    unit_reform_result_record(
        actor=actor,
        unit=appraisal.unit,
        year=appraisal.index_set.year,
        band=appraisal.band.code,
        head_rating_cap=appraisal.band.head_rating_cap,
        decision_number=appraisal.decision_number,
    )
