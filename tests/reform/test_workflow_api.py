"""The appraisal workflow through the API: each step, each role, bad input, locking and history."""

import datetime
from decimal import Decimal

import pytest

from reform.models import (
    Appraisal,
    AppraisalScore,
    AppraisalStatus,
    Evidence,
    IndexCriterion,
    ScoreSource,
    ScoringMethod,
)
from reform.services.appraisals import appraisal_open, appraisal_return, appraisal_set_self_scores
from tests.factories import OrgUnitFactory
from tests.reform.factories import pdf, published, scores_of, self_assessed, submitted, surveyed
from tests.refusals import refusal, refused, unchanged

pytestmark = pytest.mark.django_db
URL = "/api/v1/reform-appraisals/"


def url(appraisal, action=""):
    return f"{URL}{appraisal.pk}/" + (f"{action}/" if action else "")


def refused_step(client, appraisal, action, body, code, *, field=None, status=None) -> str:
    """The step is refused by the rule `code`; no appraisal or score changed."""
    with unchanged(Appraisal.objects.all(), AppraisalScore.objects.all()):
        response = client.post(url(appraisal, action), body, format="json")
    return refused(response, code, field=field, status=status)


def leaf(appraisal, *, source=ScoreSource.SELF, method=ScoringMethod.GRADED) -> IndexCriterion:
    return IndexCriterion.objects.filter(
        area__index_set=appraisal.index_set, is_leaf=True, source=source, scoring_method=method
    ).first()


@pytest.fixture
def opened(org, as_user):
    response = as_user(org.a.officer).post(URL, {"unit": org.a.unit.pk, "year": 2026}, format="json")
    assert response.status_code == 201, response.data
    return Appraisal.objects.get(pk=response.data["id"])


class OpenTests:
    def test_officer_opens_own_agency_with_one_row_per_scored_criterion(self, org, opened, as_user):
        data = as_user(org.a.officer).get(url(opened)).data
        assert data["status"] == "SELF_ASSESSMENT"
        assert data["target_level"] == "SO"
        assert (
            len(data["scores"]) == IndexCriterion.objects.filter(area__index_set=opened.index_set, is_leaf=True).count()
        )
        computed = [s for s in data["scores"] if s["scoring_method"] == "COMPUTED"]
        assert {s["computed_metric"] for s in computed} == {
            "EVAL_ON_TIME_PCT",
            "TRAINING_COMPLIANT_PCT",
            "REFORM_TRAINED_PCT",
            "DISCIPLINED_COUNT",
        }
        assert all(s["computed_at"] for s in computed)

    def test_commune_gets_the_commune_index(self, org, as_user):
        response = as_user(org.admin).post(URL, {"unit": org.b.unit.pk, "year": 2026}, format="json")
        assert response.status_code == 201
        assert response.data["target_level"] == "XA"

    def test_roles(self, org, as_user):
        body = {"unit": org.a.unit.pk, "year": 2026}
        with unchanged(Appraisal.objects.all()):
            refused(as_user(org.a.manager).post(URL, body, format="json"), "permission_denied", status=403)
            refused(as_user(org.a.staff).post(URL, body, format="json"), "permission_denied", status=403)
            refused(as_user(org.b.officer).post(URL, body, format="json"), "out_of_scope", field="unit")

    @pytest.mark.parametrize(
        ("body", "field", "code"),
        [
            ({"year": 2026}, "unit", "required"),
            ({"unit": 999999, "year": 2026}, "unit", "does_not_exist"),
            ({"unit": "a", "year": 2026}, "unit", "incorrect_type"),
            ({"unit": "A", "year": "năm nay"}, "year", "invalid"),
            ({"unit": "A", "year": 2025}, "year", "no_index_set"),  # no index issued for 2025
            ({"unit": "A", "year": 1999}, "year", "min_value"),
            ({"unit": "ROOM", "year": 2026}, "unit", "unit_not_appraised"),  # a room is not appraised
        ],
    )
    def test_bad_input(self, org, as_user, body, field, code):
        body = dict(body)
        body["unit"] = {"A": org.a.unit.pk, "ROOM": org.a.room.pk}.get(body.get("unit"), body.get("unit"))
        body = {k: v for k, v in body.items() if v is not None}
        response = as_user(org.admin).post(URL, body, format="json")
        refused(response, code, field=field, status=400)
        assert not Appraisal.objects.exists()

    def test_once_per_unit_and_year(self, org, opened, as_user):
        with unchanged(Appraisal.objects.all(), AppraisalScore.objects.all()):
            response = as_user(org.admin).post(URL, {"unit": org.a.unit.pk, "year": 2026}, format="json")
        refused(response, "appraisal_exists", field="year")

    def test_unit_closed_before_the_year(self, org, as_user):
        old = OrgUnitFactory(kind="SO", parent=org.province, valid_to=datetime.date(2025, 6, 30))
        response = as_user(org.admin).post(URL, {"unit": old.pk, "year": 2026}, format="json")
        refused(response, "unit_not_in_year", field="unit")
        assert not Appraisal.objects.exists()


class SelfScoreTests:
    def test_officer_scores_and_totals_follow(self, org, opened, as_user):
        criterion = leaf(opened)
        body = {"scores": [{"criterion": criterion.pk, "score": str(criterion.max_points), "note": "Có kế hoạch"}]}
        response = as_user(org.a.officer).post(url(opened, "self-scores"), body, format="json")
        assert response.status_code == 200, response.data
        assert Decimal(response.data["self_total"]) == criterion.max_points
        row = next(s for s in response.data["scores"] if s["criterion"] == criterion.pk)
        assert row["self_note"] == "Có kế hoạch"

    def test_roles(self, org, opened, as_user):
        criterion = leaf(opened)
        body = {"scores": [{"criterion": criterion.pk, "score": "1"}]}
        for user in (org.admin, org.a.manager):
            refused_step(as_user(user), opened, "self-scores", body, "permission_denied", status=403)
        for outsider in (org.a.staff, org.b.officer, org.b.manager, org.b.staff):
            assert as_user(outsider).post(url(opened, "self-scores"), body, format="json").status_code == 404

    @pytest.mark.parametrize(
        ("entry", "code"),
        [
            (
                lambda a: {"criterion": leaf(a).pk, "score": str(leaf(a).max_points + Decimal("0.01"))},
                "points_out_of_range",
            ),
            (lambda a: {"criterion": leaf(a).pk, "score": "-1"}, "points_out_of_range"),
            (lambda a: {"criterion": leaf(a).pk, "score": "nhiều"}, "invalid"),
            (lambda a: {"criterion": leaf(a).pk, "score": "1.234"}, "max_decimal_places"),
            (lambda a: {"criterion": leaf(a).pk}, "required"),
            (
                lambda a: {"criterion": leaf(a, method=ScoringMethod.ALL_OR_NOTHING).pk, "score": "0.5"},
                "all_or_nothing",
            ),
            (lambda a: {"criterion": leaf(a, source=ScoreSource.SURVEY).pk, "score": "1"}, "wrong_score_source"),
            (lambda a: {"criterion": leaf(a).parent_id or 999999, "score": "1"}, "unknown_criterion"),
            (lambda a: {"criterion": "x", "score": "1"}, "invalid"),
        ],
    )
    def test_bad_input_names_scores(self, org, opened, as_user, entry, code):
        body = {"scores": [entry(opened)]}
        refused_step(as_user(org.a.officer), opened, "self-scores", body, code, field="scores", status=400)

    @pytest.mark.parametrize(
        ("body", "code"), [({}, "required"), ({"scores": []}, "empty"), ({"scores": "all"}, "not_a_list")]
    )
    def test_empty_or_malformed(self, org, opened, as_user, body, code):
        refused_step(as_user(org.a.officer), opened, "self-scores", body, code, field="scores", status=400)

    def test_nothing_written_when_one_entry_fails(self, org, opened, as_user):
        good, bad = leaf(opened), leaf(opened, method=ScoringMethod.ALL_OR_NOTHING)
        client = as_user(org.a.officer)
        body = {"scores": [{"criterion": good.pk, "score": "1"}, {"criterion": bad.pk, "score": "0.3"}]}
        refused_step(client, opened, "self-scores", body, "all_or_nothing", field="scores")
        assert AppraisalScore.objects.get(appraisal=opened, criterion=good).self_score is None
        twice = {"scores": [{"criterion": good.pk, "score": "1"}, {"criterion": good.pk, "score": "0"}]}
        refused_step(client, opened, "self-scores", twice, "duplicate_entry", field="scores")


class SubmitTests:
    def test_every_criterion_must_be_scored(self, org, opened, as_user):
        refused_step(as_user(org.a.officer), opened, "submit", {}, "self_scores_missing", field="scores")

    def test_evidence_required_for_points(self, org, opened, as_user):
        entries = [{"criterion": s.criterion_id, "score": s.criterion.max_points} for s in scores_of(opened)]
        appraisal_set_self_scores(actor=org.a.officer, appraisal=opened, entries=entries)
        message = refused_step(as_user(org.a.officer), opened, "submit", {}, "evidence_missing", field="evidence")
        assert "1.1.1" in message

    def test_zero_points_need_no_evidence(self, org, opened, as_user):
        self_assessed(opened, org.a.officer, points=lambda c: Decimal(0))
        response = as_user(org.a.officer).post(url(opened, "submit"))
        assert response.status_code == 200, response.data
        assert response.data["status"] == "APPRAISAL"

    def test_roles_and_then_self_scores_are_closed(self, org, opened, as_user):
        self_assessed(opened, org.a.officer)
        for user in (org.admin, org.a.manager):
            refused_step(as_user(user), opened, "submit", {}, "permission_denied", status=403)
        assert as_user(org.b.officer).post(url(opened, "submit")).status_code == 404
        assert as_user(org.a.officer).post(url(opened, "submit")).status_code == 200
        body = {"scores": [{"criterion": leaf(opened).pk, "score": "0"}]}
        refused_step(as_user(org.a.officer), opened, "self-scores", body, "wrong_state")
        refused_step(as_user(org.a.officer), opened, "submit", {}, "wrong_state")


class AppraiseTests:
    @pytest.fixture
    def in_appraisal(self, org):
        return submitted(org.a.unit, officer=org.a.officer)

    def test_change_needs_a_reason(self, org, in_appraisal, as_user):
        criterion = leaf(in_appraisal)
        body = {"scores": [{"criterion": criterion.pk, "score": "0.5"}]}
        refused_step(as_user(org.admin), in_appraisal, "appraised-scores", body, "reason_required", field="reason")
        body["scores"][0]["reason"] = "Minh chứng chưa đầy đủ"
        response = as_user(org.admin).post(url(in_appraisal, "appraised-scores"), body, format="json")
        assert response.status_code == 200
        row = next(s for s in response.data["scores"] if s["criterion"] == criterion.pk)
        assert (row["self_score"], row["appraised_score"]) == (f"{criterion.max_points:.2f}", "0.50")
        assert row["appraisal_reason"] == "Minh chứng chưa đầy đủ"
        assert Decimal(response.data["appraised_total"]) == Decimal(response.data["self_total"]) - (
            criterion.max_points - Decimal("0.5")
        )

    def test_confirming_the_self_score_needs_no_reason(self, org, in_appraisal, as_user):
        criterion = leaf(in_appraisal)
        body = {"scores": [{"criterion": criterion.pk, "score": str(criterion.max_points)}]}
        assert as_user(org.admin).post(url(in_appraisal, "appraised-scores"), body, format="json").status_code == 200

    def test_roles(self, org, in_appraisal, as_user):
        body = {"scores": [{"criterion": leaf(in_appraisal).pk, "score": "0", "reason": "x"}]}
        for user in (org.a.officer, org.a.manager):
            refused_step(as_user(user), in_appraisal, "appraised-scores", body, "permission_denied", status=403)
        for user in (org.a.staff, org.b.officer):
            assert as_user(user).post(url(in_appraisal, "appraised-scores"), body, format="json").status_code == 404

    def test_bad_input(self, org, in_appraisal, as_user):
        survey = leaf(in_appraisal, source=ScoreSource.SURVEY)
        for entry, code in (
            ({"criterion": survey.pk, "score": "1", "reason": "x"}, "wrong_score_source"),
            ({"criterion": leaf(in_appraisal).pk, "score": "99", "reason": "x"}, "points_out_of_range"),
        ):
            body = {"scores": [entry]}
            refused_step(as_user(org.admin), in_appraisal, "appraised-scores", body, code, field="scores")

    def test_not_before_submission(self, org, opened, as_user):
        body = {"scores": [{"criterion": leaf(opened).pk, "score": "0", "reason": "x"}]}
        refused_step(as_user(org.admin), opened, "appraised-scores", body, "wrong_state")

    def test_return_to_the_unit(self, org, in_appraisal, as_user):
        refused_step(as_user(org.admin), in_appraisal, "return", {}, "required", field="reason")
        refused_step(as_user(org.admin), in_appraisal, "return", {"reason": "   "}, "blank", field="reason", status=400)
        with unchanged(Appraisal.objects.all()), refusal("reason_required", field="reason"):
            appraisal_return(actor=org.admin, appraisal=in_appraisal, reason="   ")  # other callers than the API
        client = as_user(org.a.officer)
        refused_step(client, in_appraisal, "return", {"reason": "x"}, "permission_denied", status=403)
        response = as_user(org.admin).post(url(in_appraisal, "return"), {"reason": "Bổ sung minh chứng"}, format="json")
        assert response.status_code == 200
        assert response.data["status"] == "SELF_ASSESSMENT"


class SurveyTests:
    def test_admin_enters_survey_points(self, org, opened, as_user):
        survey = leaf(opened, source=ScoreSource.SURVEY)
        body = {"scores": [{"criterion": survey.pk, "score": "7.5"}]}
        response = as_user(org.admin).post(url(opened, "survey-scores"), body, format="json")
        assert response.status_code == 200
        assert response.data["survey_total"] == "7.50"
        refused_step(as_user(org.a.officer), opened, "survey-scores", body, "permission_denied", status=403)

    def test_only_survey_criteria(self, org, opened, as_user):
        body = {"scores": [{"criterion": leaf(opened).pk, "score": "1"}]}
        refused_step(as_user(org.admin), opened, "survey-scores", body, "wrong_score_source", field="scores")


class PublishTests:
    def test_survey_points_must_be_in(self, org, as_user):
        appraisal = submitted(org.a.unit, officer=org.a.officer)
        refused_step(as_user(org.admin), appraisal, "publish", {}, "survey_scores_missing", field="scores")

    def test_publish_totals_band_and_confirmed_scores(self, org, as_user):
        appraisal = submitted(org.a.unit, officer=org.a.officer)
        surveyed(appraisal, org.admin, fraction=Decimal("0.5"))
        refused_step(as_user(org.a.officer), appraisal, "publish", {}, "permission_denied", status=403)
        response = as_user(org.admin).post(
            url(appraisal, "publish"), {"decision_number": "QĐ 99/QĐ-UBND"}, format="json"
        )
        assert response.status_code == 200, response.data
        # Self-assessed at the maximum (82 points), survey at half of 18: 91 points, band A.
        assert response.data["status"] == "PUBLISHED"
        assert response.data["total"] == "91.00"
        assert response.data["percentage"] == "91.00"
        assert response.data["band"] == "A"
        assert all(s["appraised_score"] == s["self_score"] for s in response.data["scores"] if s["source"] == "SELF")

    def test_published_is_locked(self, org, as_user):
        appraisal = published(org.a.unit, officer=org.a.officer, admin=org.admin)
        self_criterion, survey = leaf(appraisal), leaf(appraisal, source=ScoreSource.SURVEY)
        calls = [
            (org.a.officer, "self-scores", {"scores": [{"criterion": self_criterion.pk, "score": "0"}]}),
            (org.a.officer, "submit", {}),
            (org.a.officer, "refresh-computed", {}),
            (
                org.admin,
                "appraised-scores",
                {"scores": [{"criterion": self_criterion.pk, "score": "0", "reason": "x"}]},
            ),
            (org.admin, "survey-scores", {"scores": [{"criterion": survey.pk, "score": "0"}]}),
            (org.admin, "return", {"reason": "x"}),
            (org.admin, "publish", {}),
        ]
        before = Appraisal.objects.get(pk=appraisal.pk).total
        for user, action, body in calls:
            refused_step(as_user(user), appraisal, action, body, "appraisal_published")
        with unchanged(Evidence.objects.all()):
            response = as_user(org.a.officer).post(
                url(appraisal, "evidence"), {"criterion": self_criterion.pk, "file": pdf()}, format="multipart"
            )
        refused(response, "appraisal_published")
        assert Appraisal.objects.get(pk=appraisal.pk).total == before
        for method in ("put", "patch", "delete"):
            assert getattr(as_user(org.admin), method)(url(appraisal), {}, format="json").status_code == 405


class ReadTests:
    def test_who_reads_before_publication(self, org, opened, as_user):
        for user in (org.admin, org.a.officer, org.a.manager):
            assert as_user(user).get(url(opened)).status_code == 200
        for user in (org.a.staff, org.b.officer, org.b.manager, org.b.staff):
            assert as_user(user).get(url(opened)).status_code == 404

    def test_staff_read_their_agency_once_published(self, org, as_user):
        appraisal = published(org.a.unit, officer=org.a.officer, admin=org.admin)
        assert as_user(org.a.staff).get(url(appraisal)).status_code == 200
        assert as_user(org.b.staff).get(url(appraisal)).status_code == 404
        assert as_user(org.a.staff).get(URL).data["count"] == 1
        assert as_user(org.b.staff).get(URL).data["count"] == 0

    def test_list_filters(self, org, opened, as_user):
        client = as_user(org.admin)
        assert client.get(URL, {"year": 2026, "level": "SO"}).data["count"] == 1
        assert client.get(URL, {"level": "XA"}).data["count"] == 0
        assert client.get(URL, {"status": "PUBLISHED"}).data["count"] == 0
        refused(client.get(URL, {"level": "HUYEN"}), "invalid_choice", field="level", status=400)

    def test_list_runs_constant_queries(self, org, as_user, django_assert_num_queries):
        for _ in range(3):
            OrgUnitFactory(kind="SO", parent=org.province)
        appraisal_open(actor=None, unit=org.a.unit, year=2026)
        client = as_user(org.admin)
        with django_assert_num_queries(3):  # savepoint pair, page (not full: no count)
            assert len(client.get(URL).data["results"]) == 1
        for unit in org.province.children.filter(kind="SO").exclude(pk=org.a.unit.pk):
            appraisal_open(actor=None, unit=unit, year=2026)
        with django_assert_num_queries(3):
            assert len(client.get(URL).data["results"]) == 4

    def test_history_of_the_appraisal(self, org, as_user):
        appraisal = published(org.a.unit, officer=org.a.officer, admin=org.admin)
        response = as_user(org.a.manager).get(url(appraisal, "history"))
        assert response.status_code == 200
        assert response.data["count"] >= 4
        assert as_user(org.b.officer).get(url(appraisal, "history")).status_code == 404
        score = appraisal.scores.filter(criterion__source=ScoreSource.SELF).first()
        assert score.history.count() >= 2  # created, self-scored, confirmed at publication
        assert Appraisal.objects.get(pk=appraisal.pk).status == AppraisalStatus.PUBLISHED
