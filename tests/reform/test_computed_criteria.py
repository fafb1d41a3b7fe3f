"""Civil-service criteria computed from the system's own data, shown to the appraiser beside the self-score."""

import datetime
from decimal import Decimal

import pytest

from reform.models import AppraisalScore, ComputedMetric
from reform.selectors import metrics
from reform.services.appraisals import appraisal_open, appraisal_publish, appraisal_refresh_computed
from tests.evaluations.factories import decide, evaluation_of, generated, ready_for_decision
from tests.reform.factories import submitted, surveyed
from tests.refusals import refusal, refused, unchanged
from tests.training.factories import disciplined

pytestmark = pytest.mark.django_db
D = Decimal


def computed(appraisal) -> dict:
    rows = (
        AppraisalScore.objects.filter(appraisal=appraisal)
        .exclude(criterion__computed_metric="")
        .select_related("criterion")
    )
    return {r.criterion.computed_metric: (r.computed_value, r.computed_points) for r in rows}


def test_values_from_the_systems_real_data(org):
    # Agency A: three active people, one reprimand decided in 2026, nobody trained, no annual evaluation yet.
    disciplined(org.admin, org.a.staff.employee, on=datetime.date(2026, 3, 10))
    disciplined(org.admin, org.b.staff.employee, on=datetime.date(2026, 3, 10))  # another agency: not counted
    appraisal = appraisal_open(actor=org.a.officer, unit=org.a.unit, year=2026)
    values = computed(appraisal)
    assert values[ComputedMetric.DISCIPLINED_COUNT] == (D("1.00"), D("2.00"))
    assert values[ComputedMetric.TRAINING_COMPLIANT_PCT] == (D("0.00"), D("0.00"))
    assert values[ComputedMetric.REFORM_TRAINED_PCT] == (D("0.00"), D("0.00"))
    # Nobody was due an evaluation: no figure rather than a misleading 0 %.
    assert values[ComputedMetric.EVAL_ON_TIME_PCT] == (None, None)


def test_a_decision_of_another_year_does_not_count(org):
    disciplined(org.admin, org.a.staff.employee, on=datetime.date(2025, 12, 31))
    appraisal = appraisal_open(actor=org.a.officer, unit=org.a.unit, year=2026)
    assert computed(appraisal)[ComputedMetric.DISCIPLINED_COUNT] == (D("0.00"), D("3.00"))


@pytest.fixture
def figures(monkeypatch):
    """Stand-in figures for the sources, to check the scoring rules on chosen values."""
    values = {
        ComputedMetric.EVAL_ON_TIME_PCT: D("100"),
        ComputedMetric.TRAINING_COMPLIANT_PCT: D("45"),
        ComputedMetric.REFORM_TRAINED_PCT: D("80"),
        ComputedMetric.DISCIPLINED_COUNT: D("2"),
    }
    for metric in values:
        monkeypatch.setitem(metrics.METRIC_SOURCES, metric, lambda unit, year, cache, m=metric: values[m])
    return values


def test_rules_applied_and_refreshed(org, figures, as_user):
    appraisal = appraisal_open(actor=org.a.officer, unit=org.a.unit, year=2026)
    assert computed(appraisal) == {
        ComputedMetric.EVAL_ON_TIME_PCT: (D("100.00"), D("2.50")),
        ComputedMetric.TRAINING_COMPLIANT_PCT: (D("45.00"), D("1.25")),
        ComputedMetric.REFORM_TRAINED_PCT: (D("80.00"), D("2.00")),
        ComputedMetric.DISCIPLINED_COUNT: (D("2.00"), D("1.00")),
    }
    figures[ComputedMetric.DISCIPLINED_COUNT] = D("0")
    response = as_user(org.a.officer).post(f"/api/v1/reform-appraisals/{appraisal.pk}/refresh-computed/")
    assert response.status_code == 200
    row = next(s for s in response.data["scores"] if s["computed_metric"] == "DISCIPLINED_COUNT")
    assert (row["computed_value"], row["computed_points"]) == ("0.00", "3.00")
    manager = as_user(org.a.manager).post(f"/api/v1/reform-appraisals/{appraisal.pk}/refresh-computed/")
    refused(manager, "permission_denied", status=403)
    assert as_user(org.b.officer).post(f"/api/v1/reform-appraisals/{appraisal.pk}/refresh-computed/").status_code == 404


def test_appraiser_sees_computed_next_to_self_score(org, figures, as_user):
    # The unit claims full points for training; the system's data says 45 %, worth 1.25.
    appraisal = submitted(org.a.unit, officer=org.a.officer)
    data = as_user(org.admin).get(f"/api/v1/reform-appraisals/{appraisal.pk}/").data
    row = next(s for s in data["scores"] if s["computed_metric"] == "TRAINING_COMPLIANT_PCT")
    assert (row["self_score"], row["computed_value"], row["computed_points"]) == ("2.50", "45.00", "1.25")
    body = {
        "scores": [{"criterion": row["criterion"], "score": row["computed_points"], "reason": "Theo dữ liệu bồi dưỡng"}]
    }
    response = as_user(org.admin).post(
        f"/api/v1/reform-appraisals/{appraisal.pk}/appraised-scores/", body, format="json"
    )
    assert response.status_code == 200
    assert D(response.data["appraised_total"]) == D(response.data["self_total"]) - D("1.25")


def test_published_computed_values_are_frozen(org, figures):

    appraisal = submitted(org.a.unit, officer=org.a.officer)
    surveyed(appraisal, org.admin)
    appraisal_publish(actor=org.admin, appraisal=appraisal)
    figures[ComputedMetric.DISCIPLINED_COUNT] = D("3")
    with unchanged(AppraisalScore.objects.all()), refusal("appraisal_published"):
        appraisal_refresh_computed(actor=org.admin, appraisal=appraisal)
    assert computed(appraisal)[ComputedMetric.DISCIPLINED_COUNT] == (D("2.00"), D("1.00"))


def test_on_time_evaluations_from_real_decisions(org):
    cycle = generated(org.admin, org.a.unit)
    evaluation = ready_for_decision(evaluation_of(cycle, org.a.staff.employee), proposed="HTTNV")
    decide(evaluation, actor=org.a.officer)
    due = cycle.evaluations.exclude(status="NOT_RATED").count()
    appraisal = appraisal_open(actor=org.a.officer, unit=org.a.unit, year=2026)
    value, points = computed(appraisal)[ComputedMetric.EVAL_ON_TIME_PCT]
    assert value == (D(100) / due).quantize(D("0.01"))
    assert points == (D("2.5") * value / 100).quantize(D("0.01"))
