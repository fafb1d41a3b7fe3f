"""Compliance: credited periods per year against the dated minimum, per person and per unit (one aggregate)."""

import datetime
from decimal import Decimal

import pytest

from hr.models import Category, EmploymentStatus
from tests.factories import EmployeeFactory
from tests.refusals import refused
from tests.training.factories import (
    ProgrammeFactory,
    attend,
    enrol,
    finish,
    open_class,
    reform_programme,
    sessions,
    start,
    trained,
)
from training.models import PeriodMinimum
from training.selectors.compliance import minimum_for, unit_compliance_figures

pytestmark = pytest.mark.django_db
SUMMARY = "/api/v1/training/compliance/summary/"
LIST = "/api/v1/training/compliance/"


class MinimumRuleTests:
    def test_seeded_minimum_is_40_from_both_decrees(self, db):
        assert minimum_for(category=Category.CONG_CHUC, year=2018) == 40
        assert minimum_for(category=Category.VIEN_CHUC, year=2025) == 40
        assert minimum_for(category=Category.CONG_CHUC, year=2016) is None

    def test_category_row_beats_the_general_one_from_its_date(self, db):
        PeriodMinimum.objects.create(
            category=Category.CAN_BO, min_periods=24, valid_from=datetime.date(2026, 1, 1), legal_basis="thử"
        )
        assert minimum_for(category=Category.CAN_BO, year=2025) == 40
        assert minimum_for(category=Category.CAN_BO, year=2026) == 24
        assert minimum_for(category=Category.CONG_CHUC, year=2026) == 40

    def test_leaders_may_get_their_own_minimum(self, db):
        PeriodMinimum.objects.create(
            holder="LEADER", min_periods=80, valid_from=datetime.date(2026, 1, 1), legal_basis="thử"
        )
        PeriodMinimum.objects.create(
            category=Category.VIEN_CHUC, min_periods=32, valid_from=datetime.date(2026, 1, 1), legal_basis="thử"
        )
        assert minimum_for(category=Category.CONG_CHUC, year=2026, leader=True) == 80
        assert minimum_for(category=Category.CONG_CHUC, year=2026, leader=False) == 40
        assert minimum_for(category=Category.VIEN_CHUC, year=2026, leader=True) == 32  # category beats holder
        assert minimum_for(category=Category.CONG_CHUC, year=2025, leader=True) == 40


class UnitFiguresTests:
    def test_figures_count_full_partial_none_and_other_years(self, org):
        room = org.a.room  # manager, staff
        full, partial, none_this_year = (
            org.a.manager.employee,
            org.a.staff.employee,
            EmployeeFactory(unit=room),
        )
        EmployeeFactory(unit=room, status=EmploymentStatus.RETIRED)  # not counted
        trained(org.admin, full, end=datetime.date(2025, 5, 9), periods=24, programme=reform_programme(periods=24))
        trained(org.admin, full, end=datetime.date(2025, 10, 3), periods=16)
        trained(org.admin, none_this_year, end=datetime.date(2024, 12, 31), periods=40)
        trained(org.admin, none_this_year, end=datetime.date(2026, 1, 1), periods=40)
        # partial attendance: 3 of 5 days of a 40-period class → 24 periods
        training_class = open_class(org, programme=ProgrammeFactory(periods=40))
        (enrolment,) = enrol(org.admin, training_class, partial)
        days = sessions(
            org.admin, training_class, *[(datetime.date(2025, 3, 3) + datetime.timedelta(days=i), 8) for i in range(5)]
        )
        start(org.admin, training_class)
        for day in days[:3]:
            attend(org.admin, training_class, day, {enrolment: True})
        finish(org.admin, training_class, {enrolment: "PASSED"})

        figures = unit_compliance_figures(unit=room, year=2025)
        assert figures == {
            "staff": 3,
            "compliant": 1,
            "reform_trained": 1,
            "compliant_pct": Decimal("33.3"),
            "reform_trained_pct": Decimal("33.3"),
        }
        assert unit_compliance_figures(unit=room, year=2024)["compliant"] == 1
        assert unit_compliance_figures(unit=room, year=2023)["compliant"] == 0

    def test_legal_edge_dates_of_the_year(self, org):
        person = org.a.staff.employee
        trained(org.admin, person, end=datetime.date(2025, 1, 1), periods=20)
        trained(org.admin, person, end=datetime.date(2025, 12, 31), periods=20)
        figures = unit_compliance_figures(unit=org.a.room, year=2025)
        assert figures["compliant"] == 1  # 40 exactly meets the minimum

    def test_a_leader_row_applies_to_holders_of_a_leadership_post(self, org):
        PeriodMinimum.objects.create(
            holder="LEADER", min_periods=80, valid_from=datetime.date(2025, 1, 1), legal_basis="thử"
        )
        leader, staff = org.a.manager.employee, org.a.staff.employee  # the manager is Trưởng phòng
        trained(org.admin, leader, end=datetime.date(2025, 6, 1), periods=40)
        trained(org.admin, staff, end=datetime.date(2025, 6, 1), periods=40)
        assert unit_compliance_figures(unit=org.a.room, year=2025)["compliant"] == 1
        trained(org.admin, leader, end=datetime.date(2025, 9, 1), periods=40)
        assert unit_compliance_figures(unit=org.a.room, year=2025)["compliant"] == 2

    def test_39_periods_is_not_enough(self, org):
        trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 6, 1), periods=39)
        assert unit_compliance_figures(unit=org.a.room, year=2025)["compliant"] == 0

    def test_running_or_failed_classes_do_not_count(self, org):
        person = org.a.staff.employee
        training_class = open_class(org)
        (enrolment,) = enrol(org.admin, training_class, person)
        start(org.admin, training_class)
        assert unit_compliance_figures(unit=org.a.room, year=2025)["compliant"] == 0
        finish(org.admin, training_class, {enrolment: "FAILED"})
        assert unit_compliance_figures(unit=org.a.room, year=2025)["compliant"] == 0

    def test_empty_unit_gives_zero_percent(self, org):
        from tests.factories import OrgUnitFactory

        empty = OrgUnitFactory(parent=org.a.unit, kind="PHONG")
        assert unit_compliance_figures(unit=empty, year=2025)["compliant_pct"] == Decimal("0.0")

    def test_summary_is_one_aggregate_query(self, org, django_assert_num_queries):
        for person in EmployeeFactory.create_batch(5, unit=org.a.room):
            trained(org.admin, person, end=datetime.date(2025, 6, 1), periods=40)
        with django_assert_num_queries(3):  # the minima and the credit rules, then one aggregate
            unit_compliance_figures(unit=org.a.unit, year=2025)


class ComplianceApiTests:
    def test_summary_roles(self, as_user, org):
        query = {"unit": org.a.room.pk, "year": 2025}
        for user in (org.admin, org.a.officer, org.a.manager):
            response = as_user(user).get(SUMMARY, query)
            assert response.status_code == 200, response.data
            assert response.json()["staff"] == 2
        for user in (org.a.staff, org.b.officer, org.b.manager):
            refused(as_user(user).get(SUMMARY, query), "out_of_scope")
        refused(as_user(org.a.manager).get(SUMMARY, {"unit": org.a.unit.pk}), "out_of_scope")

    @pytest.mark.parametrize(
        ("query", "field", "code"),
        [
            ({"unit": "x"}, "unit", "required"),
            ({}, "unit", "required"),
            ({"unit": 999999}, "unit", "required"),
            # The year is read by training.selectors.compliance.check_year, which gives no code of its own yet.
            ({"year": "năm"}, "year", "invalid"),
        ],
    )
    def test_summary_bad_input(self, as_user, org, query, field, code):
        query = {"unit": org.a.unit.pk, **query} if field == "year" else query
        refused(as_user(org.admin).get(SUMMARY, query), code, field=field, status=400)

    def test_year_without_a_rule_is_a_400(self, as_user, org):
        response = as_user(org.admin).get(SUMMARY, {"unit": org.a.unit.pk, "year": 2010})
        assert response.status_code == 400
        assert "year" in response.json()
        assert as_user(org.admin).get(SUMMARY, {"unit": org.a.unit.pk, "year": 1800}).status_code == 400

    def test_person_list_scoped_and_filtered(self, as_user, org):
        trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 6, 1), periods=40)
        rows = as_user(org.a.manager).get(LIST, {"year": 2025}).json()["results"]
        assert {(r["id"], r["credited"], r["compliant"]) for r in rows} == {
            (org.a.staff.employee_id, 40, True),
            (org.a.manager.employee_id, 0, False),
        }
        staff_rows = as_user(org.a.staff).get(LIST, {"year": 2025}).json()["results"]
        assert [r["id"] for r in staff_rows] == [org.a.staff.employee_id]
        missing = as_user(org.admin).get(LIST, {"year": 2025, "compliant": "false", "unit": org.a.unit.pk})
        assert {r["id"] for r in missing.json()["results"]} == {org.a.officer.employee_id, org.a.manager.employee_id}
        assert as_user(org.admin).get(LIST, {"year": "abc"}).status_code == 400

    def test_person_list_runs_constant_queries(
        self, as_user, org, django_assert_num_queries, django_assert_max_num_queries
    ):
        client = as_user(org.admin)
        # Savepoints, minima, credit rules, the page's people, count (the page is full), their figures.
        with django_assert_num_queries(7) as few:
            client.get(LIST, {"year": 2025, "page_size": 2})
        for person in EmployeeFactory.create_batch(6, unit=org.a.room):
            trained(org.admin, person, end=datetime.date(2025, 6, 1), periods=8)
        with django_assert_max_num_queries(len(few.captured_queries)):  # not full: no count
            assert len(client.get(LIST, {"year": 2025, "page_size": 50}).json()["results"]) == 13


class TestCompliancePages:
    """The list figures only its page's people; each page equals the whole list's figures, sorted and filtered."""

    def test_pages_equal_the_whole_figured_list(self, as_user, org):
        from training.selectors.compliance import compliance_list
        from training.serializers.enrolments import ComplianceRowSerializer

        for n, person in enumerate(EmployeeFactory.create_batch(7, unit=org.a.room)):
            trained(org.admin, person, end=datetime.date(2025, 6, 1), periods=8 * n)
        trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 3, 1), programme=reform_programme())
        for user in (org.admin, org.a.officer, org.a.manager):
            client = as_user(user)
            whole = compliance_list(user=user, year=2025)
            for query, order in (
                ({}, ("full_name", "id")),
                ({"ordering": "-credited,id"}, ("-credited", "id")),
                ({"compliant": "false"}, ("full_name", "id")),
                ({"unit": org.a.room.pk}, ("full_name", "id")),
            ):
                expected = whole.filter(**_figure_filters(query, org)).order_by(*order)
                for page in (1, 2, 3):
                    body = client.get(LIST, {"year": 2025, "page_size": 3, "page": page, **query})
                    if body.status_code == 404:
                        assert page > 1 and expected.count() <= 3 * (page - 1)
                        continue
                    rows = ComplianceRowSerializer(expected[3 * (page - 1) : 3 * page], many=True).data
                    assert body.json()["results"] == rows, (user, query, page)
                    assert body.json()["count"] == expected.count()

    def test_a_rule_taking_effect_between_two_pages_is_applied(self, as_user, org):
        # The page's SQL is compiled once per year and rules: a new row makes a new one, in the same process.
        trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 6, 1), periods=30)
        client = as_user(org.a.manager)

        def staff_row() -> dict:
            rows = client.get(LIST, {"year": 2025}).json()["results"]
            return next(r for r in rows if r["id"] == org.a.staff.employee_id)

        assert (staff_row()["minimum"], staff_row()["compliant"]) == (40, False)
        PeriodMinimum.objects.create(
            category=Category.CONG_CHUC, min_periods=24, valid_from=datetime.date(2025, 1, 1), legal_basis="thử"
        )
        assert org.a.staff.employee.category == Category.CONG_CHUC
        assert (staff_row()["minimum"], staff_row()["credited"], staff_row()["compliant"]) == (24, 30, True)

    def test_a_year_without_a_rule_is_a_400_even_for_an_empty_page(self, as_user, org):
        client = as_user(org.admin)
        refused(client.get(LIST, {"year": 2010}), "invalid", field="year", status=400)
        empty = EmployeeFactory(unit=org.a.room, status=EmploymentStatus.RETIRED).unit
        assert client.get(LIST, {"year": 2025, "unit": empty.pk, "category": "HOP_DONG"}).json()["count"] == 0
        refused(
            client.get(LIST, {"year": 2010, "unit": empty.pk, "category": "HOP_DONG"}),
            "invalid",
            field="year",
            status=400,
        )


def _figure_filters(query: dict, org) -> dict:
    if "compliant" in query:
        return {"compliant": False}
    if "unit" in query:
        return {"unit__path__startswith": org.a.room.path}
    return {}
