"""The person competent to evaluate (Luật CBCC 2025 Điều 25): recorded and printed apart from whoever entered it.

The head of the agency evaluates its staff; the head of the higher agency evaluates the head of an agency. An
officer may enter the decision on the head's behalf, but whoever proposed the rating neither decides nor enters it.
"""

import datetime
import hashlib

import pytest
from django.urls import reverse

from evaluations.models import Evaluation
from evaluations.pdf_form import render_evaluation_html
from evaluations.services.forms import form_from_snapshot
from hr.models import AnnualRating, Assignment, Role
from hr.selectors.heads import competent_person_on, unit_head_on
from tests.factories import EmployeeFactory, UserFactory, position
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 10)


def _director(org, **fields):
    return EmployeeFactory(unit=org.a.unit, full_name="Cầm Văn Thành", position=position("GD_SO"), **fields)


def _chair(org):
    return EmployeeFactory(unit=org.province, full_name="Hoàng Quốc Khánh", position=position("CT_UBND_TINH"))


def _decide_url(evaluation):
    return reverse("evaluation-transition", args=[evaluation.pk, "decide"])


class RecordedAndPrintedTests:
    def test_the_head_of_the_agency_signs_what_an_officer_entered(self, org, staff_eval, walk):
        director = _director(org)
        decided = walk(staff_eval, "DECIDED")
        assert decided.competent_person == director
        assert (decided.competent_title, decided.competent_name) == ("Giám đốc sở", "Cầm Văn Thành")
        assert decided.decided_by == org.admin and decided.proposed_by == org.a.officer
        snapshot = decided.snapshot
        assert snapshot["decided_by_name"] == "Cầm Văn Thành" and snapshot["authority_title"] == "Giám đốc sở"
        assert snapshot["entered_by_name"] == org.admin.employee.full_name
        html = render_evaluation_html(form_from_snapshot(snapshot))
        assert "GIÁM ĐỐC SỞ" in html and "Cầm Văn Thành" in html
        assert org.admin.employee.full_name not in html

    def test_the_api_shows_the_competent_person_and_who_entered_it(self, org, as_user, staff_eval, walk):
        director = _director(org)
        decided = walk(staff_eval, "DECIDED")
        data = as_user(org.a.officer).get(reverse("evaluation-detail", args=[decided.pk])).data
        assert data["competent_person"] == director.pk
        assert (data["competent_title"], data["competent_name"]) == ("Giám đốc sở", "Cầm Văn Thành")
        assert (data["decided_by"], data["decided_by_name"]) == (org.admin.pk, org.admin.username)
        assert (data["proposed_by"], data["proposed_by_name"]) == (org.a.officer.pk, org.a.officer.username)

    def test_without_a_recorded_head_the_office_is_printed_and_the_name_left_to_sign(self, org, staff_eval, walk):
        decided = walk(staff_eval, "DECIDED")
        assert decided.competent_person is None and decided.competent_name == ""
        assert decided.competent_title == "Thủ trưởng Sở Nội vụ"
        html = render_evaluation_html(form_from_snapshot(decided.snapshot))
        assert "THỦ TRƯỞNG SỞ NỘI VỤ" in html
        assert org.admin.employee.full_name not in html

    def test_an_amendment_is_signed_again(self, org, staff_eval, walk):
        from evaluations.services.amendments import evaluation_amend

        _director(org)
        amended = evaluation_amend(actor=org.admin, evaluation=walk(staff_eval, "DECIDED"), reason="Sai điểm.")
        assert amended.competent_person is None and amended.competent_title == amended.competent_name == ""
        assert amended.proposed_by == org.a.officer


class ProposerNeverDecidesTests:
    def test_the_officer_who_proposed_may_not_enter_the_decision(self, org, as_user, staff_eval, walk):
        _director(org)
        proposed = walk(staff_eval, "PROPOSED")
        with unchanged(proposed, AnnualRating.objects.all()):
            response = as_user(org.a.officer).post(
                _decide_url(proposed), {"decision_number": "QĐ 15/QĐ-SNV"}, format="json"
            )
        refused(response, "proposer_decides")
        assert Evaluation.objects.get(pk=proposed.pk).status == "PROPOSED"

    def test_the_competent_person_may_not_decide_what_they_proposed(self, org, as_user, staff_eval, walk):
        director = _director(org)
        account = UserFactory(role=Role.PERSONNEL_OFFICER, employee=director, scope_unit=org.a.unit)
        proposed = walk(staff_eval, "PROPOSED", proposer=account)
        with unchanged(proposed, AnnualRating.objects.all()):
            response = as_user(org.admin).post(_decide_url(proposed), {"decision_number": "QĐ 1"}, format="json")
        refused(response, "proposer_decides")

    def test_another_officer_may_enter_it(self, org, as_user, staff_eval, walk):
        _director(org)
        proposed = walk(staff_eval, "PROPOSED", proposer=org.admin)
        response = as_user(org.a.officer).post(_decide_url(proposed), {"decision_number": "QĐ 1"}, format="json")
        assert response.status_code == 200, response.data
        assert response.data["competent_name"] == "Cầm Văn Thành"


class WhoIsCompetentTests:
    def test_the_head_of_an_agency_is_evaluated_by_the_head_of_the_higher_agency(self, org):
        director, chair = _director(org), _chair(org)
        found = competent_person_on(agency=org.a.unit, employee_id=director.pk, is_agency_head=True, day=DAY)
        assert (found.employee, found.title, found.agency) == (chair, "Chủ tịch UBND tỉnh", org.province)

    def test_a_head_appointed_after_the_evaluation_opened_goes_to_the_higher_agency(self, org):
        director, chair = _director(org), _chair(org)
        found = competent_person_on(agency=org.a.unit, employee_id=director.pk, is_agency_head=False, day=DAY)
        assert found.employee == chair

    def test_nobody_above_the_province(self, org):
        chair = _chair(org)
        assert competent_person_on(agency=org.province, employee_id=chair.pk, is_agency_head=True, day=DAY) is None

    def test_a_deputy_or_a_room_head_is_not_the_head_of_the_agency(self, org):
        EmployeeFactory(unit=org.a.unit, position=position("PGD_SO"))
        staff = org.a.staff.employee_id
        assert competent_person_on(agency=org.a.unit, employee_id=staff, is_agency_head=False, day=DAY) is None

    def test_the_head_on_the_day_by_the_assignments(self, org):
        """Handover on 1 July: the outgoing head until 30 June inclusive, the new one from 1 July."""
        outgoing, incoming = _director(org), _director(org, recruitment_date=datetime.date(2010, 1, 1))
        gd = position("GD_SO")
        Assignment.objects.create(
            employee=outgoing,
            unit=org.a.unit,
            position=gd,
            start_date=datetime.date(2020, 1, 1),
            end_date=datetime.date(2026, 6, 30),
        )
        Assignment.objects.create(employee=incoming, unit=org.a.unit, position=gd, start_date=datetime.date(2026, 7, 1))
        assert unit_head_on(unit=org.a.unit, day=datetime.date(2019, 12, 31)) is None
        assert unit_head_on(unit=org.a.unit, day=datetime.date(2020, 1, 1))[0] == outgoing
        assert unit_head_on(unit=org.a.unit, day=datetime.date(2026, 6, 30))[0] == outgoing
        assert unit_head_on(unit=org.a.unit, day=datetime.date(2026, 7, 1)) == (incoming, "Giám đốc sở")


# Forms frozen before the competent person was recorded (no "authority_title"): the HTML each regime rendered
# then, pinned, so that re-rendering such a snapshot reproduces the PDF (and the SHA-256) stored at the time.
LEGACY_SNAPSHOT = {
    "regime": "ND335",
    "agency_name": "Sở Nội vụ",
    "place_name": "Sơn La",
    "unit_name": "Phòng Tổng hợp – Sở Nội vụ",
    "year": 2026,
    "full_name": "Lò Thị Hoa",
    "position_title": "Chuyên viên",
    "category_label": "CÔNG CHỨC",
    "general_score": "27.50",
    "task_score": "62.00",
    "total_score": "89.50",
    "criteria": [
        {"label": "Chính trị tư tưởng", "max": "10.00", "self": "9.50", "manager": "9.00", "final": None},
        {"label": "Kết quả thực hiện nhiệm vụ", "max": "70.00", "self": None, "manager": None, "final": "62.00"},
    ],
    "self_rating": "HTXSNV",
    "final_rating": "HTTNV",
    "self_comment": "Hoàn thành tốt.",
    "manager_comment": "",
    "authority_comment": "Đồng ý.",
    "handling_proposal": "",
    "self_signed_on": "2026-12-05",
    "decided_on": "2026-12-14",
    "decided_by_name": "Nguyễn Đức Thắng",
    "version": 1,
    "amended_from_version": None,
}
# Taken on main before the competent person was added, with the templates' @page in a <style> of its own.
LEGACY_HTML_SHA256 = {
    "ND335": "e1a553617048a9fbcfde33a8f1b5b41554817f494dd7739bf12d5adcf96bc3a2",
    "ND233": "d908e2462ffccd9af9e21fe353468221d51e8c837d2686b547d5ee5cd7f37fcc",
    "ND90": "c0e1557661f7825cd7b06442786fd6ac960d818d059860a3031b214b128d7370",
}


@pytest.mark.parametrize("regime", sorted(LEGACY_HTML_SHA256))
def test_a_legacy_snapshot_renders_exactly_as_before(regime):
    html = render_evaluation_html(form_from_snapshot({**LEGACY_SNAPSHOT, "regime": regime}))
    assert hashlib.sha256(html.encode()).hexdigest() == LEGACY_HTML_SHA256[regime]
    assert "GIÁM ĐỐC" not in html and "Nguyễn Đức Thắng" in html
