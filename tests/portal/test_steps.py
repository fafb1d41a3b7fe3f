"""The evaluation page: the self-assessment pre-filled from the rule set, the live total, each step through the
services, and refusals shown on the form."""

import pytest
from django.urls import reverse

from evaluations.models import Criterion, CriterionGroup, Evaluation
from tests.evaluations.factories import evaluation_of, generated, ready_for_decision

pytestmark = pytest.mark.django_db

STEP = "submit_self_assessment"


def self_assessment(evaluation: Evaluation, points=(10, 10, 10), **line) -> dict:
    """The POST body of the self-assessment form: points per criterion and one task line."""
    criteria = Criterion.objects.filter(rule_set=evaluation.rule_set, group=CriterionGroup.GENERAL).order_by("order")
    data = {f"{STEP}-score_{c.pk}": str(p) for c, p in zip(criteria, points, strict=True)}
    data.update(
        {
            f"{STEP}-line-TOTAL_FORMS": "1",
            f"{STEP}-line-INITIAL_FORMS": "0",
            f"{STEP}-line-0-product": "Báo cáo tổng kết năm",
            f"{STEP}-line-0-coefficient": "1",
            f"{STEP}-line-0-assigned": "10",
            f"{STEP}-line-0-done": "10",
            f"{STEP}-line-0-done_to_quality": "10",
            f"{STEP}-line-0-done_on_time": "10",
            f"{STEP}-self_comment": "Hoàn thành đầy đủ nhiệm vụ được giao.",
            f"{STEP}-self_rating": "HTXSNV",
        }
    )
    data.update({f"{STEP}-line-0-{k}": v for k, v in line.items()})
    return data


def test_the_self_assessment_is_pre_filled_with_the_rule_sets_criteria(org, staff_evaluation, login):
    page = login(org.a.staff).get(reverse("portal:evaluation", args=[staff_evaluation.pk])).content.decode()
    for criterion in Criterion.objects.filter(rule_set=staff_evaluation.rule_set, group=CriterionGroup.GENERAL):
        assert criterion.label in page
        assert f'name="{STEP}-score_{criterion.pk}"' in page
        assert f'max="{criterion.max_points}"' in page
    assert f'name="{STEP}-line-0-product"' in page
    assert "data-preview" in page and "data-total" in page
    # A 100-point rule set: none of the old regime's percentage inputs.
    assert "completed_pct" not in page and "not_assured_pct" not in page
    assert "Nộp bản tự đánh giá" in page


def test_the_old_regime_shows_its_percentages_and_no_points(org, login):
    cycle = generated(org.admin, org.a.unit, year=2025)
    evaluation = evaluation_of(cycle, org.a.staff.employee)
    assert evaluation.rule_set.scoring_method == "CRITERIA_PERCENT"
    page = login(org.a.staff).get(reverse("portal:evaluation", args=[evaluation.pk])).content.decode()
    assert f'name="{STEP}-completed_pct"' in page and f'name="{STEP}-not_assured_pct"' in page
    assert "-score_" not in page and "-line-0-product" not in page


def test_the_live_total_comes_from_the_services_and_keeps_nothing(org, staff_evaluation, login):
    url = reverse("portal:evaluation-preview", args=[staff_evaluation.pk, STEP])
    typed = self_assessment(staff_evaluation, points=(10, 8, 7))
    del typed[f"{STEP}-self_rating"]  # not chosen yet: the total is shown all the same
    response = login(org.a.staff).post(url, typed)
    assert response.status_code == 200, response.content
    assert response.json() == {
        "general": "25.00",
        "task": "70.00",
        "total": "95.00",
        "rating": "HTXSNV",
        "rating_label": "Hoàn thành xuất sắc nhiệm vụ",
    }
    staff_evaluation.refresh_from_db()
    assert staff_evaluation.status == "DRAFT" and staff_evaluation.total_score is None
    assert not staff_evaluation.scores.exists()


def test_a_refused_self_assessment_is_shown_on_the_form(org, staff_evaluation, login):
    url = reverse("portal:evaluation-act", args=[staff_evaluation.pk, STEP])
    response = login(org.a.staff).post(url, self_assessment(staff_evaluation, done="12"))
    assert response.status_code == 400
    assert "không được vượt" in response.content.decode() or "cannot exceed" in response.content.decode()
    staff_evaluation.refresh_from_db()
    assert staff_evaluation.status == "DRAFT"


def test_points_above_the_maximum_are_refused_on_the_input(org, staff_evaluation, login):
    url = reverse("portal:evaluation-act", args=[staff_evaluation.pk, STEP])
    response = login(org.a.staff).post(url, self_assessment(staff_evaluation, points=(11, 10, 10)))
    assert response.status_code == 400
    assert 'class="field score invalid"' in response.content.decode()


def test_save_then_submit(org, staff_evaluation, login):
    client = login(org.a.staff)
    url = reverse("portal:evaluation-act", args=[staff_evaluation.pk, STEP])
    saved = client.post(url, {**self_assessment(staff_evaluation), "save": "1"})
    assert saved.status_code == 302
    staff_evaluation.refresh_from_db()
    assert (staff_evaluation.status, staff_evaluation.total_score) == ("DRAFT", 100)
    page = client.get(reverse("portal:evaluation", args=[staff_evaluation.pk])).content.decode()
    assert 'value="Báo cáo tổng kết năm"' in page
    submitted = client.post(url, self_assessment(staff_evaluation))
    assert submitted.status_code == 302
    staff_evaluation.refresh_from_db()
    assert (staff_evaluation.status, staff_evaluation.self_rating) == ("SELF_ASSESSED", "HTXSNV")


def _submitted(org, evaluation, login):
    url = reverse("portal:evaluation-act", args=[evaluation.pk, STEP])
    assert login(org.a.staff).post(url, self_assessment(evaluation)).status_code == 302


def test_the_manager_returns_with_a_reason_or_records_minutes_and_reviews(org, staff_evaluation, login):
    _submitted(org, staff_evaluation, login)
    manager = login(org.a.manager)
    act = "portal:evaluation-act"
    page = manager.get(reverse("portal:evaluation", args=[staff_evaluation.pk])).content.decode()
    assert "Trả lại để tự đánh giá lại" in page and "Ghi biên bản họp nhận xét tập thể" in page
    refused = manager.post(reverse(act, args=[staff_evaluation.pk, "return_to_employee"]), {})
    assert refused.status_code == 400
    minutes = {"record_minutes-collective_minutes": "Tập thể thống nhất.", "record_minutes-minutes_date": "2026-11-30"}
    assert manager.post(reverse(act, args=[staff_evaluation.pk, "record_minutes"]), minutes).status_code == 302
    page = manager.get(reverse("portal:evaluation", args=[staff_evaluation.pk])).content.decode()
    # The review form offers the manager's points, pre-filled with the person's own.
    assert "review-score_" in page and 'value="10.00"' in page
    review = {"review-manager_comment": "Hoàn thành xuất sắc.", "review-line-TOTAL_FORMS": "1"}
    review.update({"review-line-INITIAL_FORMS": "1", "review-line-0-product": "Báo cáo tổng kết năm"})
    review.update({f"review-line-0-{k}": "10" for k in ("assigned", "done", "done_to_quality", "done_on_time")})
    criteria = Criterion.objects.filter(rule_set=staff_evaluation.rule_set, group=CriterionGroup.GENERAL)
    review.update({f"review-score_{c.pk}": "9" for c in criteria})
    response = manager.post(reverse(act, args=[staff_evaluation.pk, "review"]), review)
    assert response.status_code == 302, response.content.decode()[-3000:]
    staff_evaluation.refresh_from_db()
    assert (staff_evaluation.status, staff_evaluation.total_score) == ("REVIEWED", 97)


def test_the_officer_sees_the_quota_then_proposes_and_decides(org, staff_evaluation, login, walk):
    walk(staff_evaluation, "REVIEWED")
    officer = login(org.a.officer)
    page = officer.get(reverse("portal:evaluation", args=[staff_evaluation.pk])).content.decode()
    assert "Tỷ lệ “Hoàn thành xuất sắc nhiệm vụ”" in page and "Được phép" in page
    act = "portal:evaluation-act"
    assert (
        officer.post(
            reverse(act, args=[staff_evaluation.pk, "propose"]), {"propose-proposed_rating": "HTTNV"}
        ).status_code
        == 302
    )
    # Whoever proposed does not enter the decision: a form error, nothing decided.
    refused = officer.post(
        reverse(act, args=[staff_evaluation.pk, "decide"]), {"decide-decision_number": "QĐ 12/QĐ-SNV"}
    )
    assert refused.status_code == 400 and "Người đã đề xuất" in refused.content.decode()
    assert Evaluation.objects.get(pk=staff_evaluation.pk).status == "PROPOSED"
    decided = login(org.admin).post(
        reverse(act, args=[staff_evaluation.pk, "decide"]), {"decide-decision_number": "QĐ 12/QĐ-SNV"}
    )
    assert decided.status_code == 302
    staff_evaluation.refresh_from_db()
    assert (staff_evaluation.status, staff_evaluation.final_rating) == ("DECIDED", "HTTNV")
    pdf = login(org.a.staff).get(reverse("portal:evaluation-pdf", args=[staff_evaluation.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_decision_the_rules_refuse_is_a_form_error(org, staff_evaluation, login):
    ready_for_decision(staff_evaluation, total="75")
    response = login(org.a.officer).post(
        reverse("portal:evaluation-act", args=[staff_evaluation.pk, "decide"]),
        {"decide-decision_number": "QĐ 1", "decide-final_rating": "HTXSNV"},
    )
    assert response.status_code == 400
    assert "Không được xếp loại cao hơn mức theo quy định" in response.content.decode()
    staff_evaluation.refresh_from_db()
    assert staff_evaluation.status == "PROPOSED"
