"""Eligibility for emulation titles and commendations: ratings, titles, initiatives, discipline; the endpoint."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from hr.models import AwardRule, EmploymentStatus, UnitRating
from hr.selectors.eligibility import employee_eligibility, unit_eligibility
from hr.services.commendations import initiative_annul
from tests.factories import AnnualRatingFactory, EmployeeFactory, OrgUnitFactory
from tests.matrix.discipline import commendation, discipline, initiative

pytestmark = pytest.mark.django_db
URL = reverse("commendation-eligibility")


@pytest.fixture
def english():
    """Reasons in English, so the tests read the texts of the code."""
    with translation.override("en"):
        yield


def verdicts(result):
    return {v["award"]: v for v in result}


def person_in(unit, rating=None, year=2025):
    employee = EmployeeFactory(unit=unit)
    if rating:
        AnnualRatingFactory(employee=employee, year=year, rating=rating)
    return employee


def rated(employee, **ratings):
    """rated(e, y2024="HTXSNV") records the person's rating for each year given."""
    for key, rating in ratings.items():
        AnnualRatingFactory(employee=employee, year=int(key[1:]), rating=rating)
    return employee


def initiative_in(employee, year, **overrides):
    return initiative(employee, year=year, recognised_on=datetime.date(year, 11, 20), **overrides)


def grassroots_soldier(employee, year):
    return commendation(employee=employee, award="CSTDCS", year=year, decision_date=datetime.date(year + 1, 1, 10))


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


@pytest.mark.usefixtures("english")
class TestCertificateOfMerit:
    """Giấy khen: rated HTTNV or better; the achievement in emulation is the council's to judge."""

    def test_well_completed_is_eligible_with_a_note_on_the_council(self, org):
        result = verdicts(employee_eligibility(employee=person_in(org.a.room, "HTTNV"), year=2025))["GIAY_KHEN"]
        assert result["eligible"] and result["reasons"] == []
        assert len(result["notes"]) == 1 and "council" in result["notes"][0]

    def test_excellent_is_eligible(self, org):
        assert verdicts(employee_eligibility(employee=person_in(org.a.room, "HTXSNV"), year=2025))["GIAY_KHEN"][
            "eligible"
        ]

    def test_completed_is_refused(self, org):
        result = verdicts(employee_eligibility(employee=person_in(org.a.room, "HTNV"), year=2025))["GIAY_KHEN"]
        assert not result["eligible"]
        assert "2025" in result["reasons"][0] and "Well completed duties" in result["reasons"][0]
        assert result["notes"]  # the council note stays: it is about the criterion, not the person

    def test_no_rating_is_refused(self, org):
        result = verdicts(employee_eligibility(employee=org.a.staff.employee, year=2025))["GIAY_KHEN"]
        assert not result["eligible"]

    def test_discipline_in_the_year_disqualifies(self, org):
        employee = person_in(org.a.room, "HTTNV")
        discipline(employee)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["GIAY_KHEN"]
        assert not result["eligible"]
        assert any("2025" in reason for reason in result["reasons"])

    def test_titles_carry_no_notes(self, org):
        result = verdicts(employee_eligibility(employee=person_in(org.a.room, "HTTNV"), year=2025))
        assert all("notes" not in result[award] for award in ("LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TOAN_QUOC"))


@pytest.mark.usefixtures("english")
class TestProvincialMerit:
    """Bằng khen Chủ tịch UBND tỉnh for a person: 2 consecutive CSTĐCS, or 2 years HTXSNV with 2 initiatives."""

    def test_two_consecutive_grassroots_soldier_titles(self, org):
        employee = rated(person_in(org.a.room), y2024="HTTNV", y2025="HTTNV")
        grassroots_soldier(employee, 2024)
        grassroots_soldier(employee, 2025)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert result == {
            "award": "BANG_KHEN_TINH",
            "name": result["name"],
            "eligible": True,
            "reasons": [],
            "notes": [],
        }

    def test_the_grassroots_soldier_title_of_the_year_asked_may_be_met_now(self, org):
        employee = person_in(org.a.room, "HTXSNV")  # meets CSTĐCS for 2025 in the same answer
        grassroots_soldier(employee, 2024)
        assert verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]["eligible"]

    def test_one_grassroots_soldier_title_is_refused_with_both_options(self, org):
        employee = person_in(org.a.room, "HTXSNV")
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]
        main, rating, initiatives = result["reasons"]
        assert "2024" in main and "Grassroots emulation soldier" in main
        assert rating.startswith("Or:") and "2024" in rating and "2025" not in rating.split(";")[1]
        assert initiatives.startswith("Or:") and "has 0" in initiatives

    def test_a_gap_year_breaks_the_grassroots_soldier_titles(self, org):
        employee = person_in(org.a.room, "HTXSNV")
        grassroots_soldier(employee, 2023)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]
        assert "missing: 2024" in result["reasons"][0]

    def test_titles_must_end_with_the_year_asked(self, org):
        employee = rated(person_in(org.a.room), y2025="HTNV")  # no CSTĐCS for 2025
        grassroots_soldier(employee, 2023)
        grassroots_soldier(employee, 2024)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]
        assert "missing: 2025" in result["reasons"][0]

    def test_two_excellent_years_with_two_initiatives(self, org):
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2024)
        initiative_in(employee, 2025)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert result["eligible"] and result["reasons"] == []
        assert len(result["notes"]) == 1 and "alternative" in result["notes"][0]

    def test_two_initiatives_in_one_year_of_the_window_count(self, org):
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2024)
        initiative_in(employee, 2024, title="Một cửa liên thông")
        assert verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]["eligible"]

    def test_one_initiative_is_not_enough(self, org):
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2025)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]
        assert result["reasons"][-1].startswith("Or:") and "has 1" in result["reasons"][-1]
        assert "2024–2025" in result["reasons"][-1]

    def test_initiatives_outside_the_window_do_not_count(self, org):
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2023)
        initiative_in(employee, 2025)
        initiative_in(employee, 2026)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"] and "has 1" in result["reasons"][-1]

    def test_annulled_initiatives_do_not_count(self, org):
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2024)
        record = initiative_in(employee, 2025)
        assert verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]["eligible"]
        initiative_annul(
            actor=None, record=record, annulled_on=datetime.date(2025, 12, 1), annulling_decision_number="2"
        )
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"] and "has 1" in result["reasons"][-1]

    def test_a_gap_in_the_excellent_years_breaks_the_alternative(self, org):
        employee = rated(person_in(org.a.room), y2023="HTXSNV", y2024="HTTNV", y2025="HTXSNV")
        initiative_in(employee, 2024)
        initiative_in(employee, 2025)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]
        assert len(result["reasons"]) == 2  # no CSTĐCS in 2024; not excellent in 2024
        assert result["reasons"][1].startswith("Or:") and result["reasons"][1].endswith("not so in: 2024.")

    def test_a_missing_rating_breaks_the_alternative(self, org):
        employee = rated(person_in(org.a.room), y2025="HTXSNV")
        initiative_in(employee, 2024)
        initiative_in(employee, 2025)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"] and "not so in: 2024" in result["reasons"][1]

    def test_discipline_disqualifies_either_way(self, org):
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        grassroots_soldier(employee, 2024)
        initiative_in(employee, 2024)
        initiative_in(employee, 2025)
        discipline(employee)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]
        assert len(result["reasons"]) == 1 and "2025" in result["reasons"][0]

    def test_discipline_of_another_year_does_not_count(self, org):
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        grassroots_soldier(employee, 2024)
        discipline(
            employee,
            decision_date=datetime.date(2024, 3, 1),
            effective_date=datetime.date(2024, 3, 1),
            violation_date=datetime.date(2024, 1, 5),
        )
        assert verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]["eligible"]

    def test_the_alternative_is_rule_data(self, org):
        AwardRule.objects.filter(award="BANG_KHEN_TINH", recipient="INDIVIDUAL").update(
            alt_consecutive_years=3, alt_initiative_count=1
        )
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2025)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"] and "not so in: 2023" in result["reasons"][1]
        rated(employee, y2023="HTXSNV")  # the span of years read widens with the rule
        assert verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]["eligible"]

    def test_without_an_alternative_only_the_main_criteria_count(self, org):
        AwardRule.objects.filter(award="BANG_KHEN_TINH", recipient="INDIVIDUAL").update(
            alt_min_rating="", alt_consecutive_years=None, alt_initiative_count=None
        )
        employee = rated(person_in(org.a.room), y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2024)
        initiative_in(employee, 2025)
        result = verdicts(employee_eligibility(employee=employee, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"] and len(result["reasons"]) == 1


class TestQueryCount:
    def test_employee_eligibility_reads_a_fixed_number_of_queries(self, org, django_assert_num_queries):
        quiet = person_in(org.a.room)
        with django_assert_num_queries(5):  # rules, ratings, titles, initiatives, discipline
            employee_eligibility(employee=quiet, year=2025)
        busy = rated(person_in(org.a.room), y2021="HTXSNV", y2022="HTXSNV", y2023="HTXSNV", y2024="HTXSNV")
        rated(busy, y2025="HTXSNV")
        for year in (2021, 2022, 2023, 2024):
            grassroots_soldier(busy, year)
            initiative_in(busy, year)
        discipline(busy)
        with django_assert_num_queries(5):
            employee_eligibility(employee=busy, year=2025)

    def test_unit_eligibility_reads_a_fixed_number_of_queries(self, org, django_assert_num_queries):
        UnitRating.objects.create(unit=org.a.room, year=2025, rating="HTXSNV")
        UnitRating.objects.create(unit=org.a.room, year=2024, rating="HTXSNV")
        for _ in range(5):
            commendation(employee=person_in(org.a.room, "HTTNV"))
        # rules, members, ratings, titles (members' and the unit's), unit ratings, discipline (one per form)
        with django_assert_num_queries(6):
            unit_eligibility(unit=org.a.room, year=2025)


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
        # The one reason names the one member disciplined, the year and the form.
        assert result["TT_LDTT"]["reasons"] == [
            "1 thành viên bị kỷ luật trong năm 2025 từ hình thức “Cảnh cáo” trở lên."
        ]

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


@pytest.mark.usefixtures("english")
class TestCollectiveProvincialMerit:
    """Bằng khen Chủ tịch UBND tỉnh for a unit: Tập thể LĐXS in the year asked, or 2 consecutive years HTXSNV."""

    setup_unit = TestUnit.setup_unit
    give_ldtt = TestUnit.give_ldtt

    def test_excellent_collective_in_the_year(self, org):
        unit, members = self.setup_unit(org, ["HTXSNV", "HTTNV", "HTTNV"], unit_rating="HTXSNV")
        self.give_ldtt(members)
        result = verdicts(unit_eligibility(unit=unit, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]  # no TT_LDXS (no CSTĐCS) and only 2025 rated
        assert "missing: 2025" in result["reasons"][0]
        assert result["reasons"][1].startswith("Or:") and result["reasons"][1].endswith("not so in: 2024.")
        commendation(employee=members[0], award="CSTDCS")
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert result["TT_LDXS"]["eligible"]
        assert result["BANG_KHEN_TINH"]["eligible"] and result["BANG_KHEN_TINH"]["notes"] == []

    def test_excellent_collective_already_given_for_the_year(self, org):
        unit, _members = self.setup_unit(org, ["HTTNV"], unit_rating="HTTNV")
        commendation(unit=unit, award="TT_LDXS", year=2025, decision_date=datetime.date(2026, 1, 10))
        assert verdicts(unit_eligibility(unit=unit, year=2025))["BANG_KHEN_TINH"]["eligible"]

    def test_excellent_collective_of_an_earlier_year_is_not_enough(self, org):
        unit, _members = self.setup_unit(org, ["HTTNV"], unit_rating="HTTNV")
        commendation(unit=unit, award="TT_LDXS", year=2024, decision_date=datetime.date(2025, 1, 10))
        result = verdicts(unit_eligibility(unit=unit, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"] and "missing: 2025" in result["reasons"][0]

    def test_two_consecutive_excellent_years(self, org):
        unit, _members = self.setup_unit(org, ["HTTNV"], unit_rating="HTXSNV")
        UnitRating.objects.create(unit=unit, year=2024, rating="HTXSNV")
        result = verdicts(unit_eligibility(unit=unit, year=2025))
        assert not result["TT_LDXS"]["eligible"]
        assert result["BANG_KHEN_TINH"]["eligible"]
        assert "alternative" in result["BANG_KHEN_TINH"]["notes"][0]

    def test_a_gap_year_breaks_the_excellent_years(self, org):
        unit, _members = self.setup_unit(org, ["HTTNV"], unit_rating="HTXSNV")
        UnitRating.objects.create(unit=unit, year=2024, rating="HTTNV")
        UnitRating.objects.create(unit=unit, year=2023, rating="HTXSNV")
        result = verdicts(unit_eligibility(unit=unit, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"] and result["reasons"][1].endswith("not so in: 2024.")

    def test_a_member_warned_disqualifies(self, org):
        unit, members = self.setup_unit(org, ["HTTNV", "HTTNV"], unit_rating="HTXSNV")
        UnitRating.objects.create(unit=unit, year=2024, rating="HTXSNV")
        discipline(members[0], form="CANH_CAO")
        result = verdicts(unit_eligibility(unit=unit, year=2025))["BANG_KHEN_TINH"]
        assert not result["eligible"]
        assert len(result["reasons"]) == 1 and "1" in result["reasons"][0]

    def test_no_collective_certificate_of_merit(self, org):
        unit, _members = self.setup_unit(org, ["HTTNV"])
        assert "GIAY_KHEN" not in verdicts(unit_eligibility(unit=unit, year=2025))


class TestEndpoint:
    def test_person(self, org, as_user):
        AnnualRatingFactory(employee=org.a.staff.employee, year=2025, rating="HTTNV")
        for user in (org.admin, org.a.officer, org.a.manager, org.a.staff):
            response = as_user(user).get(URL, {"employee": org.a.staff.employee_id, "year": 2025})
            assert response.status_code == 200
            titles = verdicts(response.data["titles"])
            assert titles["LDTT"]["eligible"]
            assert set(titles) == {"LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TOAN_QUOC"}
            forms = verdicts(response.data["forms"])
            assert set(forms) == {"GIAY_KHEN", "BANG_KHEN_TINH"}
            assert forms["GIAY_KHEN"]["eligible"] and not forms["BANG_KHEN_TINH"]["eligible"]
        for user in (org.b.officer, org.b.manager, org.b.staff):
            assert as_user(user).get(URL, {"employee": org.a.staff.employee_id, "year": 2025}).status_code == 404

    def test_unit(self, org, as_user):
        for user in (org.admin, org.a.officer, org.a.manager):
            response = as_user(user).get(URL, {"unit": org.a.room.pk, "year": 2025})
            assert response.status_code == 200
            assert set(verdicts(response.data["titles"])) == {"TT_LDTT", "TT_LDXS"}
            assert set(verdicts(response.data["forms"])) == {"BANG_KHEN_TINH"}
        for user in (org.a.staff, org.b.officer):
            assert as_user(user).get(URL, {"unit": org.a.room.pk, "year": 2025}).status_code == 403
        assert as_user(org.admin).get(URL, {"unit": 999999, "year": 2025}).status_code == 404

    def test_reasons_are_vietnamese(self, org, as_user):
        response = as_user(org.admin).get(
            URL, {"employee": org.a.staff.employee_id, "year": 2025}, HTTP_ACCEPT_LANGUAGE="vi"
        )
        assert "Chưa có kết quả xếp loại" in verdicts(response.data["titles"])["LDTT"]["reasons"][0]

    def test_commendation_reasons_and_notes_are_vietnamese(self, org, as_user):
        employee = org.a.staff.employee
        rated(employee, y2024="HTXSNV", y2025="HTXSNV")
        initiative_in(employee, 2025)
        response = as_user(org.admin).get(URL, {"employee": employee.pk, "year": 2025})
        forms = verdicts(response.data["forms"])
        assert "Hội đồng thi đua" in forms["GIAY_KHEN"]["notes"][0]
        merit = forms["BANG_KHEN_TINH"]
        assert merit["name"] == "Bằng khen của Chủ tịch UBND tỉnh"
        assert merit["reasons"][-1].startswith("Hoặc:") and "mới có 1" in merit["reasons"][-1]
        english = as_user(org.admin).get(URL, {"employee": employee.pk, "year": 2025}, HTTP_ACCEPT_LANGUAGE="en")
        assert "council" in verdicts(english.data["forms"])["GIAY_KHEN"]["notes"][0]

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
