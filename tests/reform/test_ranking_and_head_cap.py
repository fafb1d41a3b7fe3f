"""Ranking of published results (ties share a rank: 1, 1, 3) and the cap a band puts on the head's rating."""

from decimal import Decimal

import pytest

from hr.models import RatingLevel, UnitKind, UnitReformResult
from reform.selectors.appraisals import head_rating_cap
from reform.services.appraisals import appraisal_open, appraisal_publish, appraisal_result_record
from tests.factories import OrgUnitFactory
from tests.reform.factories import published, published_at, submitted, surveyed
from tests.refusals import refused

pytestmark = pytest.mark.django_db
RANKING = "/api/v1/reform-appraisals/ranking/"


def department(org, name):
    return OrgUnitFactory(kind=UnitKind.DEPARTMENT, parent=org.province, name=name)


class RankingTests:
    def test_equal_percentages_share_a_rank_and_the_next_skips(self, org, as_user):
        published_at(department(org, "Sở Tài chính"), "92.50")
        published_at(department(org, "Sở Xây dựng"), "88.00")
        published_at(org.a.unit, "92.50")
        published_at(department(org, "Sở Y tế"), "71.25")
        appraisal_open(actor=None, unit=department(org, "Sở Công Thương"), year=2026)  # not published: not ranked
        published_at(org.b.unit, "95.00")  # a commune: ranked among communes only
        response = as_user(org.admin).get(RANKING, {"year": 2026, "level": "SO"})
        assert response.status_code == 200
        rows = [(r["rank"], r["unit"]["name"], r["percentage"], r["band"]) for r in response.data["results"]]
        assert rows == [
            (1, "Sở Nội vụ", "92.50", "A"),
            (1, "Sở Tài chính", "92.50", "A"),
            (3, "Sở Xây dựng", "88.00", "B"),
            (4, "Sở Y tế", "71.25", "C"),
        ]
        communes = as_user(org.admin).get(RANKING, {"year": 2026, "level": "XA"}).data["results"]
        assert [(r["rank"], r["unit"]["name"]) for r in communes] == [(1, "UBND xã Mường Bám")]

    def test_rank_counts_units_the_reader_does_not_see(self, org, as_user):
        published_at(department(org, "Sở Tài chính"), "95")
        published_at(department(org, "Sở Xây dựng"), "95")
        published_at(org.a.unit, "90")
        for user in (org.a.officer, org.a.manager, org.a.staff):
            rows = as_user(user).get(RANKING, {"year": 2026, "level": "SO"}).data["results"]
            assert [(r["rank"], r["unit"]["name"]) for r in rows] == [(3, "Sở Nội vụ")]
        assert as_user(org.b.officer).get(RANKING, {"year": 2026, "level": "SO"}).data["results"] == []

    @pytest.mark.parametrize(
        ("query", "field", "code"),
        [
            ({"level": "SO"}, "year", "required"),
            ({"year": 2026}, "level", "required"),
            ({"year": "x", "level": "SO"}, "year", "invalid"),
            ({"year": 2026, "level": "TINH"}, "level", "invalid_choice"),
        ],
    )
    def test_year_and_level_required(self, org, as_user, query, field, code):
        refused(as_user(org.admin).get(RANKING, query), code, field=field, status=400)

    def test_constant_queries(self, org, as_user, django_assert_num_queries):
        published_at(org.a.unit, "90")
        client = as_user(org.admin)
        with django_assert_num_queries(3):  # savepoint pair, page (not full: no count)
            assert len(client.get(RANKING, {"year": 2026, "level": "SO"}).data["results"]) == 1
        for n in range(5):
            published_at(department(org, f"Sở {n}"), str(80 + n))
        with django_assert_num_queries(3):
            assert len(client.get(RANKING, {"year": 2026, "level": "SO"}).data["results"]) == 6


class HeadRatingCapTests:
    @pytest.mark.parametrize(
        ("percentage", "expected"),
        [
            ("90", ("A", None)),
            ("89.99", ("B", None)),
            ("80", ("B", None)),
            ("79.99", ("C", RatingLevel.COMPLETED)),
            ("12", ("D", "HTNV")),
        ],
    )
    def test_cap_follows_the_band_data(self, org, percentage, expected):
        published_at(org.a.unit, percentage)
        assert head_rating_cap(unit=org.a.unit, year=2026) == expected

    def test_nothing_published_no_cap(self, org):
        assert head_rating_cap(unit=org.a.unit, year=2026) is None
        appraisal_open(actor=None, unit=org.a.unit, year=2026)
        assert head_rating_cap(unit=org.a.unit, year=2026) is None
        published_at(org.b.unit, "50")
        assert head_rating_cap(unit=org.a.unit, year=2026) is None
        assert head_rating_cap(unit=org.b.unit, year=2025) is None
        assert head_rating_cap(unit=org.b.unit, year=2026) == ("D", "HTNV")

    def test_after_the_real_workflow(self, org):
        # Self-assessed at the maximum (82 of the 82 non-survey points), survey at nothing: 82 %, band B.
        published(org.a.unit, officer=org.a.officer, admin=org.admin, survey=Decimal(0))
        assert head_rating_cap(unit=org.a.unit, year=2026) == ("B", None)


class WrittenDownTests:
    """Publication writes the band and its head cap down to hr, where the evaluations app reads them."""

    def test_publication_writes_the_result_with_its_history(self, org):
        assert not UnitReformResult.objects.exists()
        appraisal = submitted(org.a.unit, officer=org.a.officer)
        surveyed(appraisal, org.admin, fraction=Decimal(0))
        assert not UnitReformResult.objects.exists()  # being appraised: nothing yet
        appraisal_publish(actor=org.admin, appraisal=appraisal, decision_number="QĐ 01/QĐ-UBND")
        record = UnitReformResult.objects.get()
        assert (record.unit, record.year, record.band, record.head_rating_cap, record.decision_number) == (
            org.a.unit,
            2026,
            "B",
            "",
            "QĐ 01/QĐ-UBND",
        )
        assert [(h.history_type, h.history_user) for h in record.history.all()] == [("+", org.admin)]

    @pytest.mark.parametrize(("percentage", "band", "cap"), [("79.99", "C", "HTNV"), ("12", "D", "HTNV")])
    def test_low_bands_write_their_cap(self, org, percentage, band, cap):
        appraisal = published_at(org.a.unit, percentage)
        appraisal_result_record(actor=None, appraisal=appraisal)  # again: the one row is replaced, not doubled
        record = UnitReformResult.objects.get(unit=org.a.unit, year=2026)
        assert (record.band, record.head_rating_cap) == (band, cap)
        assert head_rating_cap(unit=org.a.unit, year=2026) == (record.band, record.head_rating_cap)

    def test_an_unpublished_appraisal_writes_nothing(self, org):
        appraisal = appraisal_open(actor=None, unit=org.a.unit, year=2026)
        appraisal_result_record(actor=None, appraisal=appraisal)
        assert not UnitReformResult.objects.exists()
