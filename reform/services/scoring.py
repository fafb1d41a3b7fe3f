"""Points arithmetic of the reform index: computed criteria, point checks, totals and bands."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from reform.models import PERCENT_METRICS, Appraisal, AppraisalScore, Band, IndexCriterion, ScoreSource, ScoringMethod

CENT = Decimal("0.01")


def quantize(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def computed_points(criterion: IndexCriterion, value: Decimal | None) -> Decimal | None:
    """Points the criterion's rule gives for `value`: full at or above the share, proportional below;
    or the maximum less the points off per person, never below zero. None without a value."""
    if value is None:
        return None
    if criterion.computed_metric in PERCENT_METRICS:
        if value >= criterion.full_points_at_pct:
            return criterion.max_points
        return quantize(criterion.max_points * max(value, Decimal(0)) / criterion.full_points_at_pct)
    return max(Decimal(0), quantize(criterion.max_points - value * criterion.points_off_per_count))


def check_points(criterion: IndexCriterion, points: Decimal, *, field: str) -> None:
    """Refuse points outside 0..max, or between the ends for an all-or-nothing criterion."""
    names = {"code": criterion.code, "max": criterion.max_points}
    if points < 0 or points > criterion.max_points:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Criterion %(code)s takes 0 to %(max)s points.") % names, code="points_out_of_range"
                )
            }
        )
    if criterion.scoring_method == ScoringMethod.ALL_OR_NOTHING and points not in (0, criterion.max_points):
        raise ValidationError(
            {
                field: ValidationError(
                    _("Criterion %(code)s takes either 0 or %(max)s points.") % names, code="all_or_nothing"
                )
            }
        )


def final_points(score: AppraisalScore) -> Decimal | None:
    """What counts: the survey points of a survey criterion, else the appraised points, else the self-score."""
    if score.criterion.source == ScoreSource.SURVEY:
        return score.survey_score
    return score.appraised_score if score.appraised_score is not None else score.self_score


def band_for(bands: Iterable[Band], percentage: Decimal) -> Band | None:
    """The band with the highest floor the percentage reaches."""
    reached = [band for band in bands if percentage >= band.min_pct]
    return max(reached, key=lambda band: band.min_pct, default=None)


def recompute_totals(appraisal: Appraisal, scores: list[AppraisalScore]) -> None:
    """Refresh the appraisal's totals, percentage and band from its scores (the caller saves)."""

    def total(values) -> Decimal:
        return quantize(sum((v for v in values if v is not None), Decimal(0)))

    own = [s for s in scores if s.criterion.source == ScoreSource.SELF]
    appraisal.self_total = total(s.self_score for s in own)
    appraisal.appraised_total = total(final_points(s) for s in own)
    appraisal.survey_total = total(s.survey_score for s in scores if s.criterion.source == ScoreSource.SURVEY)
    appraisal.total = quantize(appraisal.appraised_total + appraisal.survey_total)
    appraisal.percentage = quantize(appraisal.total * 100 / appraisal.index_set.max_points)
    appraisal.band = band_for(appraisal.index_set.bands.all(), appraisal.percentage)
