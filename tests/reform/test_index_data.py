"""The 2026 index sets loaded by the data migration, and the index-set endpoints."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum

from reform.models import Band, ComputedMetric, IndexCriterion, IndexSet, ScoreSource, ScoringMethod
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("level", ["SO", "XA"])
class IndexSet2026Tests:
    def test_one_hundred_points_over_eight_areas(self, level):
        index_set = IndexSet.objects.get(year=2026, target_level=level)
        assert index_set.max_points == 100
        assert index_set.areas.count() == 8
        assert index_set.areas.aggregate(total=Sum("max_points"))["total"] == 100
        leaves = IndexCriterion.objects.filter(area__index_set=index_set, is_leaf=True)
        assert leaves.aggregate(total=Sum("max_points"))["total"] == 100

    def test_each_area_and_criterion_adds_up(self, level):
        index_set = IndexSet.objects.get(year=2026, target_level=level)
        for area in index_set.areas.all():
            top = area.criteria.filter(parent__isnull=True).aggregate(total=Sum("max_points"))["total"]
            assert top == area.max_points, area.code
            for parent in area.criteria.filter(is_leaf=False):
                assert parent.children.aggregate(total=Sum("max_points"))["total"] == parent.max_points

    def test_civil_service_area_has_the_four_computed_criteria(self, level):
        computed = IndexCriterion.objects.filter(
            area__index_set__year=2026, area__index_set__target_level=level, scoring_method=ScoringMethod.COMPUTED
        )
        assert {c.computed_metric for c in computed} == set(ComputedMetric.values)
        assert {c.area.name for c in computed} == {"Cải cách chế độ công vụ"}
        for criterion in computed:
            criterion.full_clean()  # each carries the rule its metric needs

    def test_impact_area_is_scored_by_survey(self, level):
        impact = IndexSet.objects.get(year=2026, target_level=level).areas.get(code="8")
        assert set(impact.criteria.values_list("source", flat=True)) == {ScoreSource.SURVEY}

    def test_bands_and_head_caps(self, level):
        bands = Band.objects.filter(index_set__year=2026, index_set__target_level=level)
        assert {(b.code, b.min_pct, b.head_rating_cap) for b in bands} == {
            ("A", Decimal(90), ""),
            ("B", Decimal(80), ""),
            ("C", Decimal(70), "HTNV"),
            ("D", Decimal(0), "HTNV"),
        }


def test_computed_criterion_needs_its_rule():
    criterion = IndexCriterion.objects.filter(computed_metric=ComputedMetric.TRAINING_COMPLIANT_PCT).first()
    criterion.full_points_at_pct = None
    with pytest.raises(ValidationError) as error:
        criterion.full_clean()
    assert "full_points_at_pct" in error.value.message_dict
    count = IndexCriterion.objects.filter(computed_metric=ComputedMetric.DISCIPLINED_COUNT).first()
    count.points_off_per_count = None
    with pytest.raises(ValidationError) as error:
        count.full_clean()
    assert "points_off_per_count" in error.value.message_dict
    count.computed_metric = ""
    with pytest.raises(ValidationError) as error:
        count.full_clean()
    assert "computed_metric" in error.value.message_dict


class IndexSetApiTests:
    def test_everyone_reads_the_sets_with_their_criteria(self, org, as_user):
        response = as_user(org.a.staff).get("/api/v1/reform-index-sets/", {"year": 2026, "target_level": "XA"})
        assert response.status_code == 200
        (index_set,) = response.data["results"]
        assert index_set["target_level"] == "XA"
        assert len(index_set["areas"]) == 8
        assert [b["code"] for b in index_set["bands"]] == ["A", "B", "C", "D"]
        detail = as_user(org.a.staff).get(f"/api/v1/reform-index-sets/{index_set['id']}/")
        assert detail.data["areas"][4]["criteria"][2]["computed_metric"] == "EVAL_ON_TIME_PCT"

    def test_list_runs_constant_queries(self, org, as_user, django_assert_num_queries):
        client = as_user(org.a.staff)
        with django_assert_num_queries(7):  # a full page: counted
            client.get("/api/v1/reform-index-sets/", {"page_size": 1})
        with django_assert_num_queries(6):  # not full: the page tells the count
            client.get("/api/v1/reform-index-sets/", {"page_size": 100})

    def test_read_only(self, org, as_user):
        assert as_user(org.admin).post("/api/v1/reform-index-sets/", {}, format="json").status_code == 405


class IndexSetCopyTests:
    def test_admin_copies_a_set_for_a_new_year(self, org, as_user):
        source = IndexSet.objects.get(year=2026, target_level="XA")
        response = as_user(org.admin).post(
            f"/api/v1/reform-index-sets/{source.pk}/copy/", {"year": 2027}, format="json"
        )
        assert response.status_code == 201, response.data
        copy = IndexSet.objects.get(pk=response.data["id"])
        assert (copy.year, copy.target_level, copy.name) == (2027, "XA", source.name.replace("2026", "2027"))
        old = IndexCriterion.objects.filter(area__index_set=source)
        new = IndexCriterion.objects.filter(area__index_set=copy)
        fields = ("area__code", "parent__code", "code", "max_points", "is_leaf", "scoring_method", "computed_metric")
        assert sorted(map(str, new.values_list(*fields))) == sorted(map(str, old.values_list(*fields)))
        assert sorted(copy.bands.values_list("code", "min_pct", "head_rating_cap")) == sorted(
            source.bands.values_list("code", "min_pct", "head_rating_cap")
        )
        # A new year needs no code: a unit opens its 2027 appraisal against the copied data.
        opened = as_user(org.admin).post(
            "/api/v1/reform-appraisals/", {"unit": org.b.unit.pk, "year": 2027}, format="json"
        )
        assert opened.status_code == 201
        assert opened.data["index_set"] == copy.pk

    def test_roles_and_bad_input(self, org, as_user):
        source = IndexSet.objects.get(year=2026, target_level="SO")
        path = f"/api/v1/reform-index-sets/{source.pk}/copy/"
        with unchanged(IndexSet.objects.all()):
            for user in (org.a.officer, org.a.manager, org.a.staff):
                response = as_user(user).post(path, {"year": 2027}, format="json")
                refused(response, "permission_denied", status=403)
            for body, code in (({"year": 2026}, "index_set_exists"), ({"year": "x"}, "invalid"), ({}, "required")):
                refused(as_user(org.admin).post(path, body, format="json"), code, field="year", status=400)
            response = as_user(org.admin).post(path, {"year": 1999}, format="json")
            refused(response, "min_value", field="year", status=400)
        assert IndexSet.objects.count() == 2
