"""Discipline rules: forms by category and post, legacy forms, limitation, effect, recidivism, the selectors."""

import datetime

import pytest

from hr.models import Assignment, Category, DisciplineFormRule, DisciplineRecord, Restriction
from hr.selectors.discipline import (
    disciplined_at_or_above_in_year,
    disciplined_count_in_year,
    disciplined_for_duty_in_year,
    employees_with_restriction,
    is_under_discipline,
    restrictions_in_force,
)
from hr.services.discipline import add_months, discipline_record_annul
from tests.factories import EmployeeFactory, position
from tests.matrix.discipline import discipline
from tests.refusals import refusal, unchanged

D = datetime.date
pytestmark = pytest.mark.django_db


def refused(field, code, **kwargs):
    with unchanged(DisciplineRecord.objects.all()), refusal(code, field=field) as caught:
        discipline(**kwargs)
    return str(caught.value.detail[field][0])


class TestAddMonths:
    def test_same_day_later(self):
        assert add_months(D(2025, 3, 1), 12) == D(2026, 3, 1)

    def test_month_without_the_day_ends_on_its_last_day(self):
        assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
        assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)

    def test_years(self):
        assert add_months(D(2020, 3, 10), 60) == D(2025, 3, 10)


class TestFormsByCategory:
    def test_non_leader_civil_servant_cannot_be_dismissed_from_post(self, org):
        message = refused("form", "form_not_allowed", employee=org.a.staff.employee, form="CACH_CHUC")
        assert "không giữ chức vụ lãnh đạo" in message or "without a leadership post" in message

    def test_leader_civil_servant_can_be_dismissed_from_post(self, org):
        record = discipline(org.a.manager.employee, form="CACH_CHUC", severity="RAT_NGHIEM_TRONG")
        assert record.rule.holder == "LEADER"
        assert "172/2025" in record.rule.legal_basis

    def test_cadre_can_be_recalled_but_not_forcibly_dismissed(self, org):
        cadre = EmployeeFactory(unit=org.a.unit, category=Category.CAN_BO)
        assert discipline(cadre, form="BAI_NHIEM").form == "BAI_NHIEM"
        other = EmployeeFactory(unit=org.a.unit, category=Category.CAN_BO)
        refused("form", "form_not_allowed", employee=other, form="BUOC_THOI_VIEC")

    def test_civil_servant_cannot_be_recalled(self, org):
        refused("form", "form_not_allowed", employee=org.a.staff.employee, form="BAI_NHIEM")

    def test_public_employee_forms(self, org):
        employee = EmployeeFactory(unit=org.a.unit, category=Category.VIEN_CHUC)
        refused("form", "form_not_allowed", employee=employee, form="CACH_CHUC")
        record = discipline(employee, form="CANH_CAO")
        assert "112/2020" in record.rule.legal_basis  # decided 10/09/2025, before NĐ 234/2026

    def test_public_employee_rules_switch_to_nd_234_on_1_july_2026(self, org):
        employee = EmployeeFactory(unit=org.a.unit, category=Category.VIEN_CHUC)
        record = discipline(
            employee,
            decision_date=D(2026, 7, 1),
            effective_date=D(2026, 7, 1),
            violation_date=D(2026, 6, 1),
        )
        assert "234/2026" in record.rule.legal_basis

    def test_contract_staff_are_not_disciplined_under_these_decrees(self, org):
        refused("form", "form_not_allowed", employee=EmployeeFactory(unit=org.a.unit, category=Category.CONTRACT))

    def test_leadership_is_read_from_the_assignment_on_the_decision_date(self, org):
        employee = EmployeeFactory(unit=org.a.room, position=None)
        Assignment.objects.create(
            employee=employee,
            unit=org.a.room,
            position=position("TP_SO"),
            start_date=D(2020, 1, 1),
            end_date=D(2025, 8, 31),
        )
        Assignment.objects.create(employee=employee, unit=org.a.room, position=None, start_date=D(2025, 9, 1))
        # On 10/09/2025 they no longer led the room, though they did when they violated.
        refused("form", "form_not_allowed", employee=employee, form="CACH_CHUC")
        record = discipline(employee, form="CACH_CHUC", decision_date=D(2025, 8, 20), effective_date=D(2025, 8, 20))
        assert record.rule.holder == "LEADER"


class TestLegacyForms:
    def test_salary_demotion_accepted_on_the_last_day_before_abolition(self, org):
        record = discipline(
            org.a.staff.employee,
            form="HA_BAC_LUONG",
            decision_date=D(2025, 6, 30),
            effective_date=D(2025, 6, 30),
            violation_date=D(2025, 3, 1),
        )
        assert "112/2020" in record.rule.legal_basis

    def test_salary_demotion_refused_from_the_abolition_date(self, org):
        message = refused(
            "form",
            "form_not_allowed",
            employee=org.a.staff.employee,
            form="HA_BAC_LUONG",
            decision_date=D(2025, 7, 1),
            effective_date=D(2025, 7, 1),
            violation_date=D(2025, 3, 1),
        )
        assert "01/07/2025" in message

    def test_demotion_in_post_only_for_leaders_before_abolition(self, org):
        dates = {"decision_date": D(2025, 6, 30), "effective_date": D(2025, 6, 30), "violation_date": D(2025, 3, 1)}
        refused("form", "form_not_allowed", employee=org.a.staff.employee, form="GIANG_CHUC", **dates)
        assert discipline(org.a.manager.employee, form="GIANG_CHUC", **dates).form == "GIANG_CHUC"
        refused(
            "form",
            "form_not_allowed",
            employee=org.b.manager.employee,
            form="GIANG_CHUC",
            decision_date=D(2025, 7, 1),
            effective_date=D(2025, 7, 1),
            violation_date=D(2025, 3, 1),
        )

    @pytest.mark.parametrize("day", [D(2008, 1, 1), D(2026, 6, 30), D(2026, 7, 1)])
    @pytest.mark.parametrize("form", ["HA_BAC_LUONG", "GIANG_CHUC"])
    def test_public_employees_never_had_the_legacy_forms(self, org, form, day):
        """Luật Viên chức 2010 Điều 52 and NĐ 112/2020 Điều 15: khiển trách, cảnh cáo, cách chức, buộc thôi việc."""
        manager = EmployeeFactory(unit=org.a.room, category=Category.VIEN_CHUC, position=position("TP_SO"))
        for employee in (EmployeeFactory(unit=org.a.room, category=Category.VIEN_CHUC), manager):
            refused(
                "form",
                "form_not_allowed",
                employee=employee,
                form=form,
                decision_date=day,
                effective_date=day,
                violation_date=day,
            )

    @pytest.mark.parametrize(
        ("day", "basis"), [(D(2026, 6, 30), "NĐ 112/2020/NĐ-CP Điều 15"), (D(2026, 7, 1), "NĐ 234/2026/NĐ-CP")]
    )
    def test_public_employee_forms_change_instrument_on_1_july_2026(self, org, day, basis):
        employee = EmployeeFactory(unit=org.a.room, category=Category.VIEN_CHUC)
        record = discipline(employee, form="KHIEN_TRACH", decision_date=day, effective_date=day, violation_date=day)
        assert basis in record.rule.legal_basis

    def test_a_new_decree_is_a_data_change(self, org):
        DisciplineFormRule.objects.filter(category=Category.CONG_CHUC, form="KHIEN_TRACH", valid_to=None).update(
            valid_to=D(2025, 12, 31)
        )
        refused(
            "form",
            "form_not_allowed",
            employee=org.a.staff.employee,
            decision_date=D(2026, 1, 5),
            effective_date=D(2026, 1, 5),
        )
        assert discipline(org.a.staff.employee).form == "KHIEN_TRACH"  # 10/09/2025 still allowed


class TestLimitation:
    def test_reprimand_five_years_last_day_included(self, org):
        record = discipline(
            org.a.staff.employee,
            violation_date=D(2020, 3, 10),
            decision_date=D(2025, 3, 10),
            effective_date=D(2025, 3, 10),
        )
        assert record.rule.limitation_years == 5

    def test_reprimand_five_years_day_after_refused(self, org):
        message = refused(
            "violation_date",
            "limitation_expired",
            employee=org.a.staff.employee,
            violation_date=D(2020, 3, 10),
            decision_date=D(2025, 3, 11),
            effective_date=D(2025, 3, 11),
        )
        assert "10/03/2025" in message

    def test_warning_has_ten_years(self, org):
        dates = {"violation_date": D(2015, 9, 10), "effective_date": D(2025, 9, 11)}
        assert discipline(org.a.staff.employee, form="CANH_CAO", decision_date=D(2025, 9, 10), **dates)
        refused(
            "violation_date",
            "limitation_expired",
            employee=org.b.staff.employee,
            form="CANH_CAO",
            decision_date=D(2025, 9, 11),
            **dates,
        )

    def test_a_new_violation_within_the_period_restarts_it(self, org):
        employee = org.a.staff.employee
        # The new violation (10/01/2023) falls within the old one's five years (to 01/06/2024) ...
        discipline(
            employee,
            decision_number="3/QĐ-SNV",
            violation_date=D(2023, 1, 10),
            decision_date=D(2023, 3, 1),
            effective_date=D(2023, 3, 1),
        )
        # ... so the old one may still be decided after 01/06/2024, until 10/01/2028.
        old = {"violation_date": D(2019, 6, 1), "decision_date": D(2025, 9, 10), "effective_date": D(2025, 9, 10)}
        assert discipline(employee, **old).violation_date == D(2019, 6, 1)
        message = refused("violation_date", "limitation_expired", employee=org.b.staff.employee, **old)
        assert "01/06/2024" in message  # the same old violation without a new one

    def test_a_violation_after_the_period_ran_out_does_not_restart_it(self, org):
        employee = org.a.staff.employee
        discipline(
            employee,
            decision_number="3/QĐ-SNV",
            violation_date=D(2021, 1, 1),
            decision_date=D(2021, 3, 1),
            effective_date=D(2021, 3, 1),
        )
        message = refused(
            "violation_date",
            "limitation_expired",
            employee=employee,
            violation_date=D(2015, 1, 1),
            decision_date=D(2025, 9, 10),
            effective_date=D(2025, 9, 10),
        )
        assert "01/01/2020" in message

    def test_an_annulled_decision_restarts_nothing(self, org):
        employee = org.a.staff.employee
        newer = discipline(
            employee,
            decision_number="3/QĐ-SNV",
            violation_date=D(2023, 1, 10),
            decision_date=D(2023, 3, 1),
            effective_date=D(2023, 3, 1),
        )
        discipline_record_annul(
            actor=None, record=newer, annulled_on=D(2023, 6, 1), annulling_decision_number="9/QĐ-SNV"
        )
        refused(
            "violation_date",
            "limitation_expired",
            employee=employee,
            violation_date=D(2019, 6, 1),
            decision_date=D(2025, 9, 10),
            effective_date=D(2025, 9, 10),
        )

    def test_no_limitation_for_listed_violations(self, org):
        record = discipline(org.a.staff.employee, violation_date=D(2010, 1, 1), no_limitation=True)
        assert record.no_limitation


class TestDates:
    def test_violation_after_decision(self, org):
        refused(
            "violation_date", "violation_after_decision", employee=org.a.staff.employee, violation_date=D(2025, 9, 11)
        )

    def test_effect_before_decision(self, org):
        refused(
            "effective_date", "effective_before_decision", employee=org.a.staff.employee, effective_date=D(2025, 9, 9)
        )

    def test_future_decision(self, org):
        future = datetime.date.today() + datetime.timedelta(days=1)
        refused(
            "decision_date", "future_date", employee=org.a.staff.employee, decision_date=future, effective_date=future
        )

    def test_party_decision_needs_number_and_date(self, org):
        refused(
            "party_decision_date",
            "party_decision_incomplete",
            employee=org.a.staff.employee,
            party_decision_number="12-QĐ/ĐU",
        )
        refused(
            "party_decision_number",
            "party_decision_incomplete",
            employee=org.a.staff.employee,
            party_decision_date=D(2025, 9, 1),
        )


class TestEffect:
    def test_in_force_twelve_months_then_lapses_by_itself(self, org):
        employee = org.a.staff.employee
        record = discipline(employee)
        assert (record.effect_start, record.effect_end) == (D(2025, 9, 10), D(2026, 9, 10))
        assert not is_under_discipline(employee=employee, on=D(2025, 9, 9))
        assert is_under_discipline(employee=employee, on=D(2025, 9, 10))
        assert is_under_discipline(employee=employee, on=D(2026, 9, 10))
        assert not is_under_discipline(employee=employee, on=D(2026, 9, 11))

    def test_effect_counts_from_the_party_decision(self, org):
        record = discipline(org.a.staff.employee, party_decision_number="12-QĐ/ĐU", party_decision_date=D(2025, 8, 20))
        assert (record.effect_start, record.effect_end) == (D(2025, 8, 20), D(2026, 8, 20))

    def test_forced_dismissal_of_public_employee_counts_from_its_own_date(self, org):
        employee = EmployeeFactory(unit=org.a.unit, category=Category.VIEN_CHUC)
        record = discipline(
            employee,
            form="BUOC_THOI_VIEC",
            severity="RAT_NGHIEM_TRONG",
            party_decision_number="12-QĐ/ĐU",
            party_decision_date=D(2025, 8, 20),
        )
        assert record.effect_start == D(2025, 9, 10)

    def test_restrictions_in_force_follow_the_effect(self, org):
        employee = org.a.staff.employee
        discipline(employee)
        restrictions = restrictions_in_force(employee=employee, on=D(2026, 9, 10))
        assert {Restriction.APPOINTMENT, Restriction.TRANSFER, Restriction.TRAINING} <= restrictions
        assert {Restriction.RANK_PROMOTION, Restriction.SALARY_RAISE, Restriction.COMMENDATION} <= restrictions
        assert restrictions_in_force(employee=employee, on=D(2026, 9, 11)) == set()

    def test_employees_with_restriction_in_one_query(self, org, django_assert_num_queries):
        discipline(org.a.staff.employee)
        discipline(
            org.b.staff.employee,
            decision_date=D(2024, 1, 10),
            effective_date=D(2024, 1, 10),
            violation_date=D(2023, 12, 1),
        )
        ids = [org.a.staff.employee_id, org.b.staff.employee_id, org.a.officer.employee_id]
        with django_assert_num_queries(1):
            found = employees_with_restriction(restriction=Restriction.TRAINING, on=D(2025, 12, 1), employee_ids=ids)
        assert found == {org.a.staff.employee_id}
        with django_assert_num_queries(1):
            everyone = employees_with_restriction(restriction=Restriction.TRAINING, on=D(2024, 6, 1))
        assert everyone == {org.b.staff.employee_id}

    def test_unknown_restriction_is_a_programming_error(self, org):
        with pytest.raises(ValueError):
            employees_with_restriction(restriction="NOPE", on=D(2025, 1, 1))


class TestRepeatOffence:
    def test_violation_while_in_force_needs_a_heavier_form(self, org):
        employee = org.a.staff.employee
        first = discipline(employee)
        message = refused(
            "form",
            "repeat_offence",
            employee=employee,
            decision_number="16/QĐ-SNV",
            violation_date=D(2026, 2, 1),
            decision_date=D(2026, 3, 1),
            effective_date=D(2026, 3, 1),
        )
        assert first.decision_number in message
        second = discipline(
            employee,
            form="CANH_CAO",
            decision_number="16/QĐ-SNV",
            violation_date=D(2026, 2, 1),
            decision_date=D(2026, 3, 1),
            effective_date=D(2026, 3, 1),
        )
        assert second.is_repeat and second.repeat_of == first

    def test_violation_on_the_last_day_in_force_is_a_repeat(self, org):
        employee = org.a.staff.employee
        discipline(employee)
        dates = {"decision_date": D(2026, 10, 1), "effective_date": D(2026, 10, 1)}
        assert discipline(employee, form="CANH_CAO", violation_date=D(2026, 9, 10), **dates).is_repeat

    def test_violation_after_lapse_is_a_first_offence(self, org):
        employee = org.a.staff.employee
        discipline(employee)
        dates = {"decision_date": D(2026, 10, 1), "effective_date": D(2026, 10, 1)}
        assert not discipline(employee, violation_date=D(2026, 9, 11), **dates).is_repeat

    def test_annulled_decision_does_not_make_a_repeat(self, org):
        employee = org.a.staff.employee
        first = discipline(employee)
        discipline_record_annul(actor=None, record=first, annulled_on=D(2025, 12, 1), annulling_decision_number="1")
        dates = {"decision_date": D(2026, 3, 1), "effective_date": D(2026, 3, 1)}
        assert not discipline(employee, violation_date=D(2026, 2, 1), **dates).is_repeat


class TestAnnulment:
    def test_annulled_decision_counts_for_no_date_or_year(self, org):
        employee = org.a.staff.employee
        record = discipline(employee)
        discipline_record_annul(actor=None, record=record, annulled_on=D(2025, 12, 1), annulling_decision_number="9")
        assert not is_under_discipline(employee=employee, on=D(2025, 10, 1))
        assert not disciplined_for_duty_in_year(employee=employee, year=2025)
        assert disciplined_count_in_year(unit=org.a.unit, year=2025) == 0

    def test_twice_is_a_conflict(self, org):
        record = discipline(org.a.staff.employee)
        discipline_record_annul(actor=None, record=record, annulled_on=D(2025, 12, 1), annulling_decision_number="9")
        with unchanged(record), refusal("already_annulled"):
            discipline_record_annul(
                actor=None, record=record, annulled_on=D(2025, 12, 2), annulling_decision_number="9"
            )

    def test_not_before_the_decision(self, org):
        record = discipline(org.a.staff.employee)
        with unchanged(record), refusal("before_decision", field="annulled_on"):
            discipline_record_annul(actor=None, record=record, annulled_on=D(2025, 9, 9), annulling_decision_number="9")


class TestYearQueries:
    def test_duty_related_in_the_decision_year(self, org):
        employee = org.a.staff.employee
        discipline(employee)
        assert disciplined_for_duty_in_year(employee=employee, year=2025)
        assert not disciplined_for_duty_in_year(employee=employee, year=2026)

    def test_unrelated_to_duty_does_not_count_for_the_rating(self, org):
        employee = org.a.staff.employee
        discipline(employee, duty_related=False)
        assert not disciplined_for_duty_in_year(employee=employee, year=2025)

    def test_count_in_unit_subtree_counts_people_once(self, org):
        discipline(org.a.staff.employee)
        discipline(
            org.a.staff.employee,
            form="CANH_CAO",
            violation_date=D(2025, 10, 1),
            decision_date=D(2025, 11, 1),
            effective_date=D(2025, 11, 1),
        )
        discipline(org.a.officer.employee)
        discipline(org.b.staff.employee)
        assert disciplined_count_in_year(unit=org.a.unit, year=2025) == 2
        assert disciplined_count_in_year(unit=org.a.room, year=2025) == 1
        assert disciplined_count_in_year(unit=org.province, year=2025) == 3
        assert disciplined_count_in_year(unit=org.province, year=2024) == 0

    def test_at_or_above_a_form(self, org):
        discipline(org.a.staff.employee)
        discipline(org.b.staff.employee, form="CANH_CAO")
        ids = [org.a.staff.employee_id, org.b.staff.employee_id, org.a.officer.employee_id]
        assert disciplined_at_or_above_in_year(employee_ids=ids, year=2025, form_level="CANH_CAO") == {
            org.b.staff.employee_id
        }
        assert disciplined_at_or_above_in_year(employee_ids=ids, year=2025, form_level="KHIEN_TRACH") == {
            org.a.staff.employee_id,
            org.b.staff.employee_id,
        }
        assert disciplined_at_or_above_in_year(employee_ids=ids, year=2024, form_level="KHIEN_TRACH") == set()
