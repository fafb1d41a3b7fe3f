"""Teaching in retraining courses and which programme types count (NĐ 171/2025 Điều 3.4 and 16).

A leader's periods teaching a completed class count toward their yearly minimum; for công chức from the
rules in force on 31/12/2025, only job-position programmes count (leadership and other programmes do not);
viên chức stay under NĐ 101/2017's rows, where every programme counts. The rules are rows, not constants.
Teaching is recorded by whoever runs the class, never by the teacher, and cancelled rather than deleted.
"""

import datetime

import pytest

from hr.models import Category, Employee
from hr.services.rules import rule_add
from tests.factories import EmployeeFactory
from tests.refusals import refusal, refused, unchanged
from tests.training.factories import ProgrammeFactory, enrol, finish, open_class, start, trained
from training.models import CreditRule, TeachingAssignment
from training.selectors.compliance import unit_compliance_figures, with_compliance
from training.selectors.records import yearly_periods
from training.services.teaching import teaching_cancel, teaching_record

pytestmark = pytest.mark.django_db
D = datetime.date
URL = "/api/v1/training/teaching/"
YEAR_END = D(2025, 12, 31)
COMPLIANCE = "/api/v1/training/compliance/"


def running_class(org, *, end=YEAR_END, periods=40, **kwargs):
    training_class = open_class(
        org,
        programme=ProgrammeFactory(periods=periods, **kwargs),
        start_date=end - datetime.timedelta(days=4),
        end_date=end,
    )
    (learner,) = enrol(org.admin, training_class, org.a.staff.employee)
    start(org.admin, training_class)
    return training_class, learner


def taught(org, teacher, *, periods, end=YEAR_END, complete=True):
    training_class, learner = running_class(org, end=end)
    teaching = teaching_record(actor=org.admin, training_class=training_class, employee=teacher, periods=periods)
    if complete:
        finish(org.admin, training_class, {learner: "PASSED"}, periods={learner: 40})
    return teaching


def compliance_row(client, employee, year):
    rows = client.get(COMPLIANCE, {"year": year, "page_size": 500}).json()["results"]
    return next(row for row in rows if row["id"] == employee.pk)


class CreditRuleTests:
    def test_the_rows_name_their_articles(self):
        teaching = CreditRule.objects.get(source="TEACHING")
        assert (teaching.category, teaching.holder, teaching.counts) == ("CONG_CHUC", "LEADER", True)
        assert "Điều 3.4" in teaching.legal_basis and teaching.valid_from == D(2025, 7, 1)
        assert not CreditRule.objects.get(source="LEADERSHIP", category="CONG_CHUC").counts
        assert all(rule.history.count() == 1 for rule in CreditRule.objects.all())

    @pytest.mark.parametrize(
        ("kind", "category", "year", "counted"),
        [
            ("JOB_POSITION", Category.CONG_CHUC, 2025, 40),
            ("LEADERSHIP", Category.CONG_CHUC, 2025, 0),  # NĐ 171/2025 Điều 16.2: its own obligation
            ("OTHER", Category.CONG_CHUC, 2025, 0),  # Điều 16.1
            ("LEADERSHIP", Category.CONG_CHUC, 2024, 40),  # NĐ 101/2017 still in force on 31/12/2024
            ("LEADERSHIP", Category.VIEN_CHUC, 2025, 40),  # NĐ 171 is for công chức
        ],
    )
    def test_programme_types_count_by_the_rows_in_force_on_31_december(
        self, org, as_user, kind, category, year, counted
    ):
        person = EmployeeFactory(unit=org.a.room, category=category)
        programme = ProgrammeFactory(programme_type=kind, periods=40)
        trained(org.admin, person, end=D(year, 6, 30), periods=40, programme=programme)
        row = compliance_row(as_user(org.admin), person, year)
        assert (row["credited"], row["compliant"]) == (counted, counted >= 40)
        assert next(r for r in yearly_periods(employee=person, until=year) if r["year"] == year)["periods"] == counted

    def test_a_new_row_changes_what_counts_without_code(self, org, as_user):
        person = EmployeeFactory(unit=org.a.room)
        trained(org.admin, person, end=D(2026, 3, 6), programme=ProgrammeFactory(programme_type="OTHER"))
        assert compliance_row(as_user(org.admin), person, 2026)["credited"] == 0
        # A correction is a new row: it ends the NĐ 171/2025 row the day before it starts (hr.services.rules).
        rule_add(
            actor=None,
            model=CreditRule,
            source="OTHER",
            category="CONG_CHUC",
            holder="ANY",
            counts=True,
            valid_from=D(2026, 1, 1),
            legal_basis="Giả định",
        )
        assert compliance_row(as_user(org.admin), person, 2026)["credited"] == 40
        assert compliance_row(as_user(org.admin), person, 2025)["credited"] == 0


class TeachingCountsTests:
    def test_a_leaders_teaching_completes_the_minimum(self, org, as_user):
        leader = org.a.manager.employee  # trưởng phòng
        trained(org.admin, leader, end=D(2025, 5, 9), periods=32)
        taught(org, leader, periods=8)
        row = compliance_row(as_user(org.admin), leader, 2025)
        assert (row["credited"], row["taught"], row["compliant"]) == (40, 8, True)
        year = next(r for r in yearly_periods(employee=leader, until=2025) if r["year"] == 2025)
        assert (year["periods"], year["taught"], year["compliant"]) == (40, 8, True)

    def test_one_period_short_is_not_compliant(self, org, as_user):
        leader = org.a.manager.employee
        trained(org.admin, leader, end=D(2025, 5, 9), periods=32)
        taught(org, leader, periods=7)
        row = compliance_row(as_user(org.admin), leader, 2025)
        assert (row["credited"], row["compliant"]) == (39, False)

    def test_someone_without_a_leadership_post_gets_no_credit_for_teaching(self, org, as_user):
        specialist = EmployeeFactory(unit=org.a.room)
        taught(org, specialist, periods=40)
        row = compliance_row(as_user(org.admin), specialist, 2025)
        assert (row["credited"], row["taught"]) == (0, 0)

    def test_teaching_counts_in_the_year_the_class_ends_once_completed(self, org, as_user):
        leader = org.a.manager.employee
        taught(org, leader, periods=40, end=D(2026, 1, 1))
        client = as_user(org.admin)
        assert compliance_row(client, leader, 2025)["taught"] == 0
        assert compliance_row(client, leader, 2026)["taught"] == 40
        running = taught(org, EmployeeFactory(unit=org.a.room, position=leader.position), periods=40, complete=False)
        assert compliance_row(client, running.employee, 2025)["taught"] == 0

    def test_teaching_before_the_decree_is_not_credited(self, org, as_user):
        leader = org.a.manager.employee
        taught(org, leader, periods=40, end=D(2024, 12, 31))
        assert compliance_row(as_user(org.admin), leader, 2024)["taught"] == 0

    def test_a_cancelled_record_credits_nothing(self, org, as_user):
        leader = org.a.manager.employee
        teaching = taught(org, leader, periods=40)
        teaching_cancel(actor=org.admin, teaching=teaching, reason="Ghi nhầm người dạy")
        assert compliance_row(as_user(org.admin), leader, 2025)["taught"] == 0

    def test_teaching_multiplies_no_enrolment_in_the_unit_figures(self, org):
        leader = org.a.manager.employee
        for end in (D(2025, 3, 7), D(2025, 4, 4)):
            trained(org.admin, leader, end=end, periods=16)
        taught(org, leader, periods=4)
        taught(org, leader, periods=4)
        # Two enrolments and two teaching rows: a join of both would count each twice.
        assert with_compliance(Employee.objects.filter(pk=leader.pk), year=2025).get().credited == 40
        figures = unit_compliance_figures(unit=org.a.room, year=2025)
        assert (figures["staff"], figures["compliant"]) == (2, 2)  # the leader, and the learner of both classes

    def test_the_compliance_list_keeps_constant_queries_with_teaching(
        self, org, as_user, django_assert_num_queries, django_assert_max_num_queries
    ):
        client = as_user(org.admin)
        with django_assert_num_queries(7) as few:  # savepoints, rules, people, count (a full page), figures
            client.get(COMPLIANCE, {"year": 2025, "page_size": 2})
        for _ in range(3):
            taught(org, EmployeeFactory(unit=org.a.room, position=org.a.manager.employee.position), periods=8)
        with django_assert_max_num_queries(len(few.captured_queries)):  # not full: no count
            client.get(COMPLIANCE, {"year": 2025, "page_size": 50})


class TeachingRecordTests:
    def test_the_class_runner_records_and_history_names_them(self, org, as_user):
        training_class, _learner = running_class(org)
        body = {"training_class": training_class.pk, "employee": org.a.manager.employee_id, "periods": 8}
        response = as_user(org.a.officer).post(URL, body, format="json")
        assert response.status_code == 201, response.json()
        teaching = TeachingAssignment.objects.get(pk=response.json()["id"])
        assert (teaching.periods, teaching.recorded_by, teaching.status) == (8, org.a.officer, "RECORDED")
        assert teaching.history.get().history_user == org.a.officer

    def test_an_officer_of_another_agency_is_refused(self, org, as_user):
        training_class, _learner = running_class(org)
        body = {"training_class": training_class.pk, "employee": org.a.manager.employee_id, "periods": 8}
        with unchanged(TeachingAssignment.objects.all()):
            refused(as_user(org.b.officer).post(URL, body, format="json"), "out_of_scope")

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_readers_are_refused(self, org, as_user, role):
        training_class, _learner = running_class(org)
        body = {"training_class": training_class.pk, "employee": org.a.manager.employee_id, "periods": 8}
        with unchanged(TeachingAssignment.objects.all()):
            refused(as_user(getattr(org.a, role)).post(URL, body, format="json"), "permission_denied")

    def test_nobody_records_their_own_teaching(self, org, as_user):
        training_class, _learner = running_class(org)
        body = {"training_class": training_class.pk, "employee": org.a.officer.employee_id, "periods": 8}
        with unchanged(TeachingAssignment.objects.all()):
            refused(as_user(org.a.officer).post(URL, body, format="json"), "own_record", field="employee")

    def test_all_the_programmes_periods_but_not_one_more(self, org):
        training_class, _learner = running_class(org, periods=40)
        leader = org.a.manager.employee
        assert (
            teaching_record(actor=org.admin, training_class=training_class, employee=leader, periods=40).periods == 40
        )
        other = EmployeeFactory(unit=org.a.room)
        with unchanged(TeachingAssignment.objects.all()), refusal("periods_exceeded", field="periods"):
            teaching_record(actor=org.admin, training_class=training_class, employee=other, periods=41)

    def test_once_per_teacher_and_class_until_cancelled(self, org):
        training_class, _learner = running_class(org)
        leader = org.a.manager.employee
        first = teaching_record(actor=org.admin, training_class=training_class, employee=leader, periods=8)
        with unchanged(TeachingAssignment.objects.all()), refusal("teaching_exists", field="employee"):
            teaching_record(actor=org.admin, training_class=training_class, employee=leader, periods=4)
        teaching_cancel(actor=org.admin, teaching=first, reason="Sai số tiết")
        assert teaching_record(actor=org.admin, training_class=training_class, employee=leader, periods=4).periods == 4
        assert TeachingAssignment.objects.filter(training_class=training_class).count() == 2

    @pytest.mark.parametrize("status", ["DRAFT", "OPEN", "CANCELLED"])
    def test_only_a_class_in_progress_or_completed(self, org, status):
        training_class = open_class(org, status=status)
        with unchanged(TeachingAssignment.objects.all()), refusal("teaching_class_state"):
            teaching_record(actor=org.admin, training_class=training_class, employee=org.a.manager.employee, periods=4)

    def test_bad_input_is_400_on_the_field(self, org, as_user):
        training_class, _learner = running_class(org)
        client = as_user(org.admin)
        with unchanged(TeachingAssignment.objects.all()):
            body = {"training_class": training_class.pk, "employee": org.a.manager.employee_id, "periods": 0}
            refused(client.post(URL, body, format="json"), "min_value", field="periods", status=400)
            body = {"training_class": training_class.pk, "employee": 987654, "periods": 4}
            refused(client.post(URL, body, format="json"), "does_not_exist", field="employee", status=400)


class TeachingCancelTests:
    def test_cancelled_with_its_reason_and_kept(self, org, as_user):
        teaching = taught(org, org.a.manager.employee, periods=8)
        response = as_user(org.a.officer).post(f"{URL}{teaching.pk}/cancel/", {"reason": "Ghi nhầm"}, format="json")
        assert response.status_code == 200, response.json()
        assert (response.json()["status"], response.json()["cancel_reason"]) == ("CANCELLED", "Ghi nhầm")
        assert teaching.history.count() == 2

    def test_twice_is_409_and_writes_nothing(self, org, as_user):
        teaching = taught(org, org.a.manager.employee, periods=8)
        client = as_user(org.admin)
        client.post(f"{URL}{teaching.pk}/cancel/", {"reason": "Ghi nhầm"}, format="json")
        with unchanged(TeachingAssignment.objects.all()):
            refused(client.post(f"{URL}{teaching.pk}/cancel/", {"reason": "Lại"}, format="json"), "teaching_cancelled")

    def test_the_reason_is_required(self, org, as_user):
        teaching = taught(org, org.a.manager.employee, periods=8)
        with unchanged(TeachingAssignment.objects.all()):
            response = as_user(org.admin).post(f"{URL}{teaching.pk}/cancel/", {}, format="json")
        refused(response, "required", field="reason", status=400)

    def test_roles(self, org, as_user):
        teaching = taught(org, org.a.manager.employee, periods=8)
        path = f"{URL}{teaching.pk}/cancel/"
        with unchanged(TeachingAssignment.objects.all()):
            refused(as_user(org.a.manager).post(path, {"reason": "x"}, format="json"), "permission_denied")
            assert as_user(org.b.officer).post(path, {"reason": "x"}, format="json").status_code == 404
            assert as_user(org.a.staff).post(path, {"reason": "x"}, format="json").status_code == 404


class TeachingReadTests:
    def test_who_sees_a_leaders_teaching(self, org, as_user):
        teaching = taught(org, org.a.manager.employee, periods=8)
        for user in (org.admin, org.a.officer, org.a.manager):
            assert as_user(user).get(f"{URL}{teaching.pk}/").status_code == 200
        for user in (org.a.staff, org.b.officer, org.b.manager):
            assert as_user(user).get(f"{URL}{teaching.pk}/").status_code == 404
        assert [r["id"] for r in as_user(org.a.manager).get(URL).json()["results"]] == [teaching.pk]
        assert as_user(org.b.officer).get(URL).json()["results"] == []

    def test_list_runs_constant_queries(self, org, as_user, django_assert_num_queries, django_assert_max_num_queries):
        taught(org, org.a.manager.employee, periods=8)
        client = as_user(org.admin)
        with django_assert_num_queries(4) as few:  # savepoint pair, page, count (the page is full)
            client.get(URL, {"page_size": 1})
        for _ in range(4):
            taught(org, EmployeeFactory(unit=org.a.room), periods=8)
        with django_assert_max_num_queries(len(few.captured_queries)):  # not full: no count
            assert len(client.get(URL, {"page_size": 50}).json()["results"]) == 5
