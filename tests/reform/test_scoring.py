"""Points arithmetic: computed criteria rules, point limits, bands and totals."""

from decimal import Decimal

import pytest

from reform.models import Band, ComputedMetric, IndexCriterion, IndexSet, ScoringMethod
from reform.services.scoring import band_for, check_points, computed_points
from tests.refusals import refusal

pytestmark = pytest.mark.django_db
D = Decimal


def criterion(metric: str, level: str = "SO") -> IndexCriterion:
    return IndexCriterion.objects.get(
        area__index_set__year=2026, area__index_set__target_level=level, computed_metric=metric
    )


class ComputedPointsTests:
    @pytest.mark.parametrize(
        ("value", "points"),
        [("100", "2.50"), ("90", "2.50"), ("95.5", "2.50"), ("89.99", "2.50"), ("45", "1.25"), ("0", "0.00")],
    )
    def test_full_points_at_the_share_proportional_below(self, value, points):
        # Training minimum: full 2.5 points from 90 % (89.99 % gives 2.4997 → 2.50 when rounded to the cent).
        assert computed_points(criterion(ComputedMetric.TRAINING_COMPLIANT_PCT), D(value)) == D(points)

    def test_on_time_evaluation_needs_everyone(self):
        rule = criterion(ComputedMetric.EVAL_ON_TIME_PCT)
        assert computed_points(rule, D("100")) == D("2.5")
        assert computed_points(rule, D("80")) == D("2.00")

    @pytest.mark.parametrize(("count", "points"), [(0, "3"), (1, "2.00"), (2, "1.00"), (3, "0.00"), (7, "0")])
    def test_points_off_per_person_never_below_zero(self, count, points):
        assert computed_points(criterion(ComputedMetric.DISCIPLINED_COUNT), D(count)) == D(points)

    def test_no_figure_no_points(self):
        assert computed_points(criterion(ComputedMetric.REFORM_TRAINED_PCT), None) is None


class CheckPointsTests:
    def test_within_zero_and_max(self):
        graded = IndexCriterion.objects.filter(scoring_method=ScoringMethod.GRADED, is_leaf=True).first()
        check_points(graded, D(0), field="scores")
        check_points(graded, graded.max_points, field="scores")
        for bad in (D("-0.01"), graded.max_points + D("0.01")):
            with refusal("points_out_of_range", field="scores"):
                check_points(graded, bad, field="scores")

    def test_all_or_nothing(self):
        binary = IndexCriterion.objects.filter(scoring_method=ScoringMethod.ALL_OR_NOTHING).first()
        check_points(binary, D(0), field="scores")
        check_points(binary, binary.max_points, field="scores")
        with refusal("all_or_nothing", field="scores"):
            check_points(binary, binary.max_points / 2, field="scores")


class BandTests:
    @pytest.mark.parametrize(
        ("pct", "band"),
        [
            ("100", "A"),
            ("90", "A"),
            ("89.99", "B"),
            ("80", "B"),
            ("79.99", "C"),
            ("70", "C"),
            ("69.99", "D"),
            ("0", "D"),
        ],
    )
    def test_band_edges(self, pct, band):
        bands = Band.objects.filter(index_set__year=2026, index_set__target_level="SO")
        assert band_for(bands, D(pct)).code == band

    def test_bands_are_data(self):
        index_set = IndexSet.objects.create(year=2027, target_level="SO", name="2027", max_points=100)
        Band.objects.create(index_set=index_set, code="XS", name="Xuất sắc", min_pct=95)
        Band.objects.create(index_set=index_set, code="T", name="Tốt", min_pct=0, head_rating_cap="HTTNV")
        assert band_for(index_set.bands.all(), D("94.99")).code == "T"
        assert band_for(index_set.bands.all(), D("95")).code == "XS"
        assert band_for([], D("50")) is None
