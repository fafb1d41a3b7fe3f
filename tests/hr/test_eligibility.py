"""Eligibility for emulation titles: ratings, earlier titles, initiatives, discipline; the endpoint."""

import datetime

import pytest
from django.urls import reverse

from evaluations.models import UnitRating
from hr.models import AwardRule, EmploymentStatus
from hr.selectors.eligibility import employee_eligibility, unit_eligibility
from hr.services.commendations import initiative_annul
from tests.factories import AnnualRatingFactory, EmployeeFactory, OrgUnitFactory
from tests.matrix.discipline import commendation, discipline, initiative

pytestmark = pytest.mark.django_db
URL = reverse("commendation-eligibility")


def verdicts(result):
    return {v["award"]: v for v in result}


def person_in(unit, rating=None, year=2025):
    employee = EmployeeFactory(unit=unit)
    if rating:
        AnnualRatingFactory(employee=employee, year=year, rating=rating)
    return employee


class TestIndividual:
    def test_no_rating_means_nothing(self, org):
        result = verdicts(employee_eligibility(employee=org.a.staff.employee, year=2025))
        assert not result["LDTT"]["eligible"]
        assert "2025" in result["LDTT"]["reasons"][0]
        assert not any(v["eligible"] for v in result.values())

    def test_well_completed_gives_advanced_worker_only(self, org):
        employee = person_in(org.a.room, "HTTNV")
        result = verdicts(employee_eligibility(employee=employee, year=2025))
        assert result["LDTT"] == {"award": "LDTT", "name": result["LDTT"]["name"], "eligible": True, "reasons": []}
        assert not result["CSTDCS"]["eligible"]

    def test_completed_is_not_enough(self, org):
        employee = person_in(org.a.room, "HTNV")
        assert not verdicts(employee_eligibility(employee=employee, year=2025))["LDTT"]["eligible"]

    def test_excellent_gives_grassroots_soldier(self, org):
        employee = person_in(org.a.room, "HTXSNV")
        result = verdicts(employee_eligibility(employee=employee, year=2025))
        assert result["LDTT"]["eligible"] and result["CSTDCS"]["eligible"]

    def test_initiative_stands_in_for_the_excellent_rating(self, org):
        employee = person_in(org.a.room, "HTTNV")
        initiative(employee, year=2025)
        assert verdicts(employee_eligibility(employee=employee, year=2025))["CSTDCS"]["eligible"]
        other = person_in(org.a.room, "HTTNV")
        initiative(other, year=2024, recognised_on=datetime.date(2024, 12, 1))
        assert not verdicts(employee_eligibility(employee=other, year=2025))["CSTDCS"]["eligible"]

    def test_annulled_initiative_does_not_count(self, org):
        employee = person_in(org.a.room, "HTTNV")
        record = initiative(employee)
        initiative_annul(
            actor=None, record=record, annulled_on=datetime.date(2025, 12, 1), annulling_decision_number="1"
        )
        assert not verdicts(employee_eligibility(employee=employee, year=2025))["CSTDCS"]["eligible"]

    def test_discipline_in_the_year_disqualifies(self, org):
        employee = person_in(org.a.room, "HTXSNV")
        discipline(employee)
        result = verdicts(employee_eligibility(employee=employee, year=2025))
        assert not result["LDTT"]["eligible"] and not result["CSTDCS"]["eligible"]
        assert any("2025" in reason for reason in result["LDTT"]["reasons"])

    def test_provincial_soldier_needs_three_consecutive_grassroots_titles_and_an_initiative(self, org):
        employee = person_in(org.a.room, "HTXSNV")
        for year in (2023, 2024):
            commendation(employee=employee, award="CSTDCS", year=year, decision_date=datetime.date(year + 1, 1, 10))
        result = verdicts(employee_eligibility(employee=employee, year=2025))
        assert not result["CSTD_TINH"]["eligible"]
        assert len(result["CSTD_TINH"]["reasons"]) == 1  # only the initiative is missing
        initiative(employee, recognition_level="TINH", year=2024, recognised_on=datetime.date(2024, 12, 1))
        assert verdicts(employee_eligibility(employee=employee, year=2025))["CSTD_TINH"]["eligible"]

    def test_provincial_soldier_with_a_gap(self, org):
        employee = person_in(org.a.room, "HTXSNV")
        commendation(employee=employee, award="CSTDCS", year=2023, decision_date=datetime.date(2024, 1, 10))
        initiative(employee, recognition_level="TINH")
        result = verdicts(employee_eligibility(employee=employee, year=2025))
        assert not result["CSTD_TINH"]["eligible"]
        assert "2024" in result["CSTD_TINH"]["reasons"][0]

    def test_consecutive_years_are_rule_data(self, org):
        AwardRule.objects.filter(award="CSTD_TINH").update(consecutive_years=2)
        employee = person_in(org.a.room, "HTXSNV")
        commendation(employee=employee, award="CSTDCS", year=2024, decision_date=datetime.date(2025, 1, 10))
        initiative(employee, recognition_level="TOAN_QUOC")
        assert verdicts(employee_eligibility(employee=employee, year=2025))["CSTD_TINH"]["eligible"]

    def test_national_soldier(self, org):
        employee = person_in(org.a.room, "HTXSNV")
        commendation(employee=employee, award="CSTD_TINH", year=2024, decision_date=datetime.date(2025, 1, 10))
        commendation(employee=employee, award="CSTD_TINH", year=2025, decision_date=datetime.date(2026, 1, 10))
        result = verdicts(employee_eligibility(employee=employee, year=2025))
        assert not result["CSTD_TOAN_QUOC"]["eligible"]
        initiative(employee, recognition_level="TOAN_QUOC")
        assert verdicts(employee_eligibility(employee=employee, year=2025))["CSTD_TOAN_QUOC"]["eligible"]


class TestUnit:
    def setup_unit(self, org, ratings, unit_rating="HTTNV"):
        unit = org.b.room
        org.b.staff.employee.status = EmploymentStatus.RETIRED  # leaves the member count
        org.b.staff.employee.save()
        org.b.manager.employee.status = EmploymentStatus.RETIRED
        org.b.manager.employee.save()
        members = [person_in(unit, rating) for rating in ratings]
        if unit_rating:
            UnitRating.objects.create(unit=unit, year=2025, rating=unit_rating)
        return unit, members

    def give_ldtt(self, members):
        for member in members:
            commendation(employee=member)

    def test_seventy_percent_advanced_workers(self, org):
        unit, members = self.setup_unit(org, ["HTTNV"] * 10)
        self.give_ldtt(members[:6])
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert not result["TT_LDTT"]["eligible"]
        assert "6" in result["TT_LDTT"]["reasons"][0] and "70%" in result["TT_LDTT"]["reasons"][0]
        self.give_ldtt(members[6:7])
        assert verdicts(unit_eligibility(unit=unit, year=2025))["TT_LDTT"]["eligible"]

    def test_nobody_disciplined_at_warning_or_above(self, org):
        unit, members = self.setup_unit(org, ["HTTNV"] * 4)
        self.give_ldtt(members)
        discipline(
            members[0],
            decision_date=datetime.date(2025, 3, 1),
            effective_date=datetime.date(2025, 3, 1),
            violation_date=datetime.date(2025, 1, 5),
        )
        assert verdicts(unit_eligibility(unit=unit, year=2025))["TT_LDTT"]["eligible"]  # a reprimand is allowed
        discipline(members[1], form="CANH_CAO")
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert not result["TT_LDTT"]["eligible"]
        assert "1" in result["TT_LDTT"]["reasons"][0]

    def test_unit_rating_required(self, org):
        unit, members = self.setup_unit(org, ["HTTNV"] * 2, unit_rating=None)
        self.give_ldtt(members)
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert not result["TT_LDTT"]["eligible"]

    def test_excellent_collective(self, org):
        unit, members = self.setup_unit(org, ["HTXSNV", "HTTNV", "HTTNV"], unit_rating="HTXSNV")
        self.give_ldtt(members)
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert not result["TT_LDXS"]["eligible"]  # no CSTĐCS yet
        commendation(employee=members[0], award="CSTDCS")
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert result["TT_LDXS"]["eligible"] and result["TT_LDTT"]["eligible"]

    def test_excellent_collective_needs_everyone_completed(self, org):
        unit, members = self.setup_unit(org, ["HTXSNV", "HTTNV", "HTTNV", "KHTNV"], unit_rating="HTXSNV")
        self.give_ldtt(members[:3])
        commendation(employee=members[0], award="CSTDCS")
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert not result["TT_LDXS"]["eligible"]
        assert result["TT_LDTT"]["eligible"]

    def test_empty_unit(self, org):
        unit = OrgUnitFactory(parent=org.b.unit, kind="PHONG")
        assert not any(v["eligible"] for v in unit_eligibility(unit=unit, year=2025))


class TestEndpoint:
    def test_person(self, org, as_user):
        AnnualRatingFactory(employee=org.a.staff.employee, year=2025, rating="HTTNV")
        for user in (org.admin, org.a.officer, org.a.manager, org.a.staff):
            response = as_user(user).get(URL, {"employee": org.a.staff.employee_id, "year": 2025})
            assert response.status_code == 200
            titles = verdicts(response.data["titles"])
            assert titles["LDTT"]["eligible"]
        for user in (org.b.officer, org.b.manager, org.b.staff):
            assert as_user(user).get(URL, {"employee": org.a.staff.employee_id, "year": 2025}).status_code == 404

    def test_unit(self, org, as_user):
        for user in (org.admin, org.a.officer, org.a.manager):
            response = as_user(user).get(URL, {"unit": org.a.room.pk, "year": 2025})
            assert response.status_code == 200
            assert set(verdicts(response.data["titles"])) == {"TT_LDTT", "TT_LDXS"}
        for user in (org.a.staff, org.b.officer):
            assert as_user(user).get(URL, {"unit": org.a.room.pk, "year": 2025}).status_code == 403
        assert as_user(org.admin).get(URL, {"unit": 999999, "year": 2025}).status_code == 404

    def test_reasons_are_vietnamese(self, org, as_user):
        response = as_user(org.admin).get(
            URL, {"employee": org.a.staff.employee_id, "year": 2025}, HTTP_ACCEPT_LANGUAGE="vi"
        )
        assert "Chưa có kết quả xếp loại" in verdicts(response.data["titles"])["LDTT"]["reasons"][0]

    @pytest.mark.parametrize(
        ("query", "field"),
        [
            ({"employee": 1}, "year"),
            ({"year": 2025}, "employee"),
            ({"employee": 1, "unit": 1, "year": 2025}, "employee"),
            ({"employee": "x", "year": 2025}, "employee"),
            ({"unit": 1, "year": "năm nay"}, "year"),
            ({"unit": 1, "year": 1200}, "year"),
        ],
    )
    def test_bad_query(self, org, as_user, query, field):
        response = as_user(org.admin).get(URL, query)
        assert response.status_code == 400
        assert field in response.data

    def test_query_count_does_not_grow_with_members(self, org, as_user, django_assert_max_num_queries):
        for _ in range(20):
            person_in(org.a.room, "HTTNV")
        with django_assert_max_num_queries(12):
            assert as_user(org.admin).get(URL, {"unit": org.a.room.pk, "year": 2025}).status_code == 200
