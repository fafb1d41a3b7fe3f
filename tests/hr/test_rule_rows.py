"""Rule rows in use are fixed (`rule_in_use`), a correction is a new row; the award rules' one day; rules as data."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from evaluations.models import ProvincePolicy
from hr.models import (
    AwardRule,
    BaseSalary,
    Category,
    Commendation,
    DisciplineFormRule,
    DisciplineRestrictionRule,
    UnitRating,
    award_rules_day,
)
from hr.selectors.eligibility import employee_eligibility, unit_eligibility
from hr.services.rules import rule_add, rule_change
from tests.factories import EmployeeFactory
from tests.hr.test_eligibility import person_in, verdicts
from tests.matrix.discipline import commendation, discipline, initiative
from tests.refusals import refusal, refused, unchanged
from training.models import PeriodMinimum

pytestmark = pytest.mark.django_db

D = datetime.date


def ldtt_row(on: datetime.date) -> AwardRule:
    return AwardRule.objects.in_force_on(on).get(award="LDTT", recipient="INDIVIDUAL")


def new_ldtt(valid_from: datetime.date, coefficient: str = "0.5") -> AwardRule:
    old = ldtt_row(valid_from)
    fields = {f.name: getattr(old, f.name) for f in AwardRule._meta.concrete_fields if f.name not in ("id",)}
    fields.update(valid_from=valid_from, valid_to=None, coefficient=Decimal(coefficient), legal_basis="NĐ mới")
    return rule_add(actor=None, model=AwardRule, **fields)


class TestAwardRulesDay:
    """A title for year N is judged and recorded under the rules in force on 31/12/N, whenever decided."""

    def test_the_day_is_the_last_of_the_emulation_year(self):
        assert award_rules_day(2025) == D(2025, 12, 31)

    def test_a_january_decision_keeps_the_years_rule_and_takes_the_days_base_salary(self, org):
        old = ldtt_row(D(2025, 12, 31))
        new_ldtt(D(2026, 1, 1))
        record = commendation(employee=org.a.staff.employee, year=2025, decision_date=D(2026, 1, 10))
        assert record.rule == old and record.coefficient == Decimal("0.30")
        assert record.base_salary == 2_340_000

    def test_a_rule_from_the_last_day_of_the_year_applies_to_that_year(self, org):
        new = new_ldtt(D(2025, 12, 31))
        record = commendation(employee=org.a.staff.employee, year=2025, decision_date=D(2026, 1, 10))
        assert record.rule == new and record.coefficient == Decimal("0.50")

    def test_a_rule_of_the_next_year_applies_to_the_next_year_only(self, org):
        new = new_ldtt(D(2026, 1, 1))
        record = commendation(employee=org.a.staff.employee, year=2026, decision_date=D(2026, 1, 10))
        assert record.rule == new

    def test_eligibility_reads_the_same_row(self, org):
        # From 01/01/2026 LĐTT would need HTXSNV: a 2025 HTTNV person stays eligible for 2025.
        row = new_ldtt(D(2026, 1, 1))
        rule_change(actor=None, row=row, min_rating="HTXSNV")
        employee = person_in(org.a.room, "HTTNV", year=2025)
        assert verdicts(employee_eligibility(employee=employee, year=2025))["LDTT"]["eligible"]
        later = person_in(org.a.room, "HTTNV", year=2026)
        assert not verdicts(employee_eligibility(employee=later, year=2026))["LDTT"]["eligible"]


class TestAppendOnly:
    def test_a_row_in_use_is_fixed(self, org):
        commendation(employee=org.a.staff.employee, year=2025)
        row = ldtt_row(D(2025, 12, 31))
        with unchanged(AwardRule.objects.all()), refusal("rule_in_use"):
            rule_change(actor=None, row=row, coefficient=Decimal("0.4"))

    def test_a_row_nothing_was_decided_under_may_be_corrected(self, org):
        row = new_ldtt(D(2027, 1, 1))
        assert rule_change(actor=None, row=row, coefficient=Decimal("0.4")).coefficient == Decimal("0.4")

    def test_a_new_row_ends_the_row_in_force_the_day_before(self, org):
        old = ldtt_row(D(2026, 6, 30))
        new_ldtt(D(2026, 7, 1))
        old.refresh_from_db()
        assert old.valid_to == D(2026, 6, 30)

    def test_an_overlapping_row_is_refused_and_nothing_written(self, org):
        new_ldtt(D(2027, 1, 1))
        with unchanged(AwardRule.objects.all()), refusal("rule_overlap", field="valid_from"):
            new_ldtt(D(2027, 1, 1))

    def test_only_the_province_administration_changes_rules(self, org):
        row = new_ldtt(D(2027, 1, 1))
        with unchanged(AwardRule.objects.all()), refusal("permission_denied"):
            rule_change(actor=org.a.officer, row=row, coefficient=Decimal("0.4"))

    def test_a_discipline_rule_in_use_is_fixed(self, org):
        record = discipline(org.a.staff.employee)
        with unchanged(DisciplineFormRule.objects.all()), refusal("rule_in_use"):
            rule_change(actor=None, row=record.rule, effect_months=6)

    def test_a_base_salary_paid_from_is_fixed_over_the_api(self, org, as_user):
        commendation(employee=org.a.staff.employee, decision_date=D(2026, 1, 15))
        row = BaseSalary.objects.in_force_on(D(2026, 1, 15)).get()
        with unchanged(BaseSalary.objects.all()):
            response = as_user(org.admin).patch(f"/api/v1/base-salaries/{row.pk}/", {"amount": 1}, format="json")
        refused(response, "rule_in_use", status=409)

    def test_a_new_base_salary_over_the_api_ends_the_one_in_force(self, org, as_user):
        payload = {"amount": 2_530_000, "valid_from": "2026-07-01", "legal_basis": "Nghị định mới"}
        assert as_user(org.admin).post("/api/v1/base-salaries/", payload, format="json").status_code == 201
        assert BaseSalary.objects.get(valid_from=D(2024, 7, 1)).valid_to == D(2026, 6, 30)

    def test_the_admin_shows_a_row_in_use_read_only(self, org):
        commendation(employee=org.a.staff.employee, year=2025)
        request = RequestFactory().get("/")
        request.user = org.admin
        admin = site._registry[AwardRule]
        assert not admin.has_change_permission(request, ldtt_row(D(2025, 12, 31)))
        assert admin.has_change_permission(request, new_ldtt(D(2027, 1, 1)))
        assert not admin.has_delete_permission(request, new_ldtt(D(2028, 1, 1)))

    def test_every_rule_admin_refuses_deletion(self, org):
        request = RequestFactory().get("/")
        request.user = org.admin
        for model in (AwardRule, BaseSalary, DisciplineFormRule, PeriodMinimum, ProvincePolicy):
            assert not site._registry[model].has_delete_permission(request)


class TestDisciplineRuleData:
    def test_processing_deadline_is_the_instruments_not_a_default(self):
        for name in ("processing_days", "complex_processing_days"):
            assert not DisciplineFormRule._meta.get_field(name).has_default()
        assert set(DisciplineFormRule.objects.values_list("processing_days", "complex_processing_days")) == {(90, 150)}

    def test_each_restriction_names_its_legal_basis(self):
        new = DisciplineRestrictionRule.objects.filter(rule__category="CONG_CHUC", rule__valid_from=D(2025, 7, 1))
        by_restriction = {r.restriction: r.legal_basis for r in new}
        for restriction in ("APPOINTMENT", "TRANSFER", "TRAINING"):
            assert by_restriction[restriction] == "Luật CBCC 80/2025/QH15 Điều 38"
        for restriction in ("RANK_PROMOTION", "SALARY_RAISE", "COMMENDATION"):
            assert "quy định tương ứng" in by_restriction[restriction]
        assert not DisciplineRestrictionRule.objects.filter(legal_basis="").exists()

    @pytest.mark.parametrize(("category", "own_date"), [(Category.VIEN_CHUC, True), (Category.CONG_CHUC, False)])
    def test_forced_dismissal_date_is_rule_data(self, org, category, own_date):
        employee = EmployeeFactory(unit=org.a.room, category=category)
        record = discipline(
            employee,
            form="BUOC_THOI_VIEC",
            decision_date=D(2026, 8, 10),
            effective_date=D(2026, 8, 10),
            violation_date=D(2026, 5, 1),
            party_decision_number="12-QĐ/ĐU",
            party_decision_date=D(2026, 8, 1),
        )
        assert record.rule.effect_from_party_decision is not own_date
        assert record.effect_start == (D(2026, 8, 10) if own_date else D(2026, 8, 1))


class TestAwardCriteriaAsData:
    def test_the_initiative_exception_is_rule_data(self, org):
        employee = person_in(org.a.room, "HTTNV")
        initiative(employee, year=2025)
        assert verdicts(employee_eligibility(employee=employee, year=2025))["CSTDCS"]["eligible"]
        AwardRule.objects.filter(award="CSTDCS").update(initiative_replaces_rating=False)
        assert not verdicts(employee_eligibility(employee=employee, year=2025))["CSTDCS"]["eligible"]

    def test_the_members_rating_of_an_excellent_collective_is_rule_data(self, org):
        unit = org.b.room
        members = [person_in(unit, r) for r in ("HTXSNV", "HTTNV", "HTNV")]
        for member in (org.b.staff.employee, org.b.manager.employee):
            member.status = "RETIRED"
            member.save()
        UnitRating.objects.create(unit=unit, year=2025, rating="HTXSNV")
        for member in members:
            commendation(employee=member)
        commendation(employee=members[0], award="CSTDCS")
        assert verdicts(unit_eligibility(unit=unit, year=2025))["TT_LDXS"]["eligible"]
        AwardRule.objects.filter(award="TT_LDXS").update(member_min_rating="HTTNV")
        result = verdicts(unit_eligibility(unit=unit, year=2025))["TT_LDXS"]
        assert not result["eligible"]


def test_nothing_recorded_when_no_rule_of_the_year(org):
    with unchanged(Commendation.objects.all()), refusal("award_not_given", field="award"):
        commendation(employee=org.a.staff.employee, year=2016, decision_date=D(2017, 1, 10))
