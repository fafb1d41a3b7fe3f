"""Two-level local government (Luật TCCQĐP 72/2025/QH15, DOMAIN.md §6.7) and assignments within units' validity.

No district-level unit is valid from 01/07/2025 (a rule row, not a constant); an abolished district's end
cannot be moved past 30/06/2025; nobody is assigned to a unit before it exists or after it ends, whether the
assignment comes from a registration, an import or a transfer, and a unit's dates cannot leave anyone outside.
"""

import datetime

import pytest

from hr.models import Assignment, Employee, OrgUnit, SalaryRecord, UnitLevelRule
from hr.services.employees import employee_create, employee_transfer
from hr.services.units import unit_create, unit_update
from tests.factories import EmployeeFactory, OrgUnitFactory
from tests.refusals import refusal, refused, unchanged

pytestmark = pytest.mark.django_db

D = datetime.date
LAST_DISTRICT_DAY = D(2025, 6, 30)
UNITS = "/api/v1/units/"
EMPLOYEES = "/api/v1/employees/"


def district(org, **extra) -> OrgUnit:
    return OrgUnitFactory(
        kind="HUYEN", level="HUYEN", parent=org.province, valid_from=D(2004, 1, 1), valid_to=LAST_DISTRICT_DAY, **extra
    )


def new_district(org, **dates):
    return unit_create(
        actor=org.admin,
        code="H-MOI",
        name="Huyện mới",
        kind="HUYEN",
        level="HUYEN",
        parent=org.province,
        **{"valid_from": D(2004, 1, 1), **dates},
    )


class TestDistrictLevelEnds:
    def test_the_cut_off_is_a_rule_row_of_the_named_law(self):
        rule = UnitLevelRule.objects.get(level="HUYEN")
        assert (rule.permitted, rule.valid_from, rule.valid_to) == (False, D(2025, 7, 1), None)
        assert "72/2025/QH15" in rule.legal_basis
        assert rule.history.count() == 1

    def test_a_district_ending_on_30_june_2025_is_recorded(self, org):
        assert new_district(org, valid_to=LAST_DISTRICT_DAY).valid_to == LAST_DISTRICT_DAY

    @pytest.mark.parametrize("valid_to", [D(2025, 7, 1), None])
    def test_a_district_valid_on_1_july_2025_is_refused(self, org, valid_to):
        with unchanged(OrgUnit.objects.all()), refusal("level_abolished", field="valid_to"):
            new_district(org, valid_to=valid_to)

    def test_a_district_begun_after_the_cut_off_is_refused_on_its_start(self, org):
        with unchanged(OrgUnit.objects.all()), refusal("level_abolished", field="valid_from"):
            new_district(org, valid_from=D(2025, 7, 1), valid_to=D(2025, 12, 31))

    def test_commune_and_province_units_are_not_touched(self, org):
        unit = unit_create(
            actor=org.admin, code="X-MOI", name="Xã mới", kind="XA", level="XA", parent=org.province,
            valid_from=D(2025, 7, 1),
        )  # fmt: skip
        assert unit.valid_to is None

    @pytest.mark.parametrize("valid_to", ["2025-07-01", None])
    def test_an_abolished_district_cannot_be_extended_through_the_api(self, as_user, org, valid_to):
        unit = district(org)
        with unchanged(OrgUnit.objects.all()):
            response = as_user(org.admin).patch(f"{UNITS}{unit.pk}/", {"valid_to": valid_to}, format="json")
        refused(response, "level_abolished", field="valid_to")

    def test_an_abolished_district_may_end_earlier(self, as_user, org):
        unit = district(org)
        response = as_user(org.admin).patch(f"{UNITS}{unit.pk}/", {"valid_to": "2025-06-29"}, format="json")
        assert response.status_code == 200, response.json()

    def test_a_legacy_row_is_still_renamed_but_not_redated_past_the_cut_off(self, org):
        legacy = district(org)
        OrgUnit.objects.filter(pk=legacy.pk).update(valid_to=None)  # loaded before the rule, by hand
        legacy.refresh_from_db()
        assert unit_update(unit=legacy, actor=org.admin, name="Huyện Mường La (cũ)").name == "Huyện Mường La (cũ)"
        with unchanged(OrgUnit.objects.all()), refusal("level_abolished", field="valid_to"):
            unit_update(unit=legacy, actor=org.admin, valid_to=D(2025, 7, 1))
        assert unit_update(unit=legacy, actor=org.admin, valid_to=LAST_DISTRICT_DAY).valid_to == LAST_DISTRICT_DAY

    def test_a_new_district_through_the_api_is_refused(self, as_user, org):
        payload = {"code": "H-X", "name": "Huyện X", "kind": "HUYEN", "level": "HUYEN", "parent": org.province.pk}
        with unchanged(OrgUnit.objects.all()):
            response = as_user(org.admin).post(UNITS, {**payload, "valid_from": "2010-01-01"}, format="json")
        refused(response, "level_abolished", field="valid_to")

    def test_the_rule_is_data_a_new_row_moves_the_cut_off(self, org):
        # Were the law to end commune-level units too, a row would say so: no code change.
        UnitLevelRule.objects.create(level="XA", permitted=False, valid_from=D(2030, 1, 1), legal_basis="Giả định")
        with refusal("level_abolished", field="valid_to"):
            unit_create(
                actor=org.admin, code="X-2", name="Xã 2", kind="XA", level="XA", parent=org.province,
                valid_from=D(2025, 7, 1),
            )  # fmt: skip
        unit = unit_create(
            actor=org.admin, code="X-3", name="Xã 3", kind="XA", level="XA", parent=org.province,
            valid_from=D(2025, 7, 1), valid_to=D(2029, 12, 31),
        )  # fmt: skip
        assert unit.valid_to == D(2029, 12, 31)


class TestAssignmentsWithinUnits:
    def test_registration_on_the_units_first_day_is_accepted(self, as_user, org):
        unit = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_from=D(2016, 9, 1))
        response = as_user(org.a.officer).post(EMPLOYEES, _new_person(unit), format="json")
        assert response.status_code == 201, response.json()
        assert Assignment.objects.get(employee_id=response.json()["id"]).start_date == D(2016, 9, 1)

    def test_registration_before_the_unit_exists_is_refused(self, as_user, org):
        unit = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_from=D(2016, 9, 2))
        with unchanged(Employee.objects.all(), Assignment.objects.all(), SalaryRecord.objects.all()):
            response = as_user(org.a.officer).post(EMPLOYEES, _new_person(unit), format="json")
        refused(response, "assignment_outside_unit", field="unit")

    def test_registration_in_a_unit_that_has_ended_is_refused(self, org):
        unit = district(org)
        with unchanged(Employee.objects.all(), Assignment.objects.all()), refusal("assignment_outside_unit"):
            employee_create(actor=org.admin, unit=unit, recruitment_date=D(2010, 1, 1), **_fields())

    def test_transfer_out_of_a_district_on_1_july_2025_closes_on_its_last_day(self, org):
        unit = district(org)
        employee = EmployeeFactory(unit=unit)
        Assignment.objects.create(employee=employee, unit=unit, start_date=D(2018, 1, 1))
        employee_transfer(employee=employee, actor=org.admin, unit=org.b.room, start_date=D(2025, 7, 1))
        assert Assignment.objects.get(employee=employee, unit=unit).end_date == LAST_DISTRICT_DAY

    def test_transfer_out_of_a_district_a_day_later_is_refused(self, org):
        unit = district(org)
        employee = EmployeeFactory(unit=unit)
        Assignment.objects.create(employee=employee, unit=unit, start_date=D(2018, 1, 1))
        with unchanged(employee, Assignment.objects.all()), refusal("assignment_outside_unit", field="start_date"):
            employee_transfer(employee=employee, actor=org.admin, unit=org.b.room, start_date=D(2025, 7, 2))

    def test_transfer_into_a_unit_with_an_end_is_refused(self, as_user, org):
        closing = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_to=D(2026, 12, 31))
        employee = org.a.staff.employee
        with unchanged(employee, employee.assignments.all()):
            response = as_user(org.admin).post(
                f"{EMPLOYEES}{employee.pk}/transfer/", {"unit": closing.pk, "start_date": "2026-01-05"}, format="json"
            )
        refused(response, "assignment_outside_unit", field="unit")

    def test_a_units_start_cannot_move_past_an_assignment(self, org):
        room = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_from=D(2010, 1, 1))
        Assignment.objects.create(employee=EmployeeFactory(unit=room), unit=room, start_date=D(2012, 5, 1))
        assert unit_update(unit=room, actor=org.admin, valid_from=D(2012, 5, 1)).valid_from == D(2012, 5, 1)
        with unchanged(OrgUnit.objects.all()), refusal("unit_assignments_outside", field="valid_from"):
            unit_update(unit=room, actor=org.admin, valid_from=D(2012, 5, 2))

    def test_a_unit_with_an_earlier_legacy_assignment_is_still_renamed(self, org):
        room = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_from=D(2010, 1, 1))
        Assignment.objects.create(employee=EmployeeFactory(unit=room), unit=room, start_date=D(2005, 5, 1))
        assert unit_update(unit=room, actor=org.admin, name="Phòng mới").name == "Phòng mới"
        with refusal("unit_assignments_outside", field="valid_from"):
            unit_update(unit=room, actor=org.admin, valid_from=D(2009, 1, 1))

    def test_a_unit_with_someone_still_assigned_cannot_end(self, as_user, org):
        room = OrgUnitFactory(parent=org.a.unit, kind="PHONG")
        Assignment.objects.create(employee=EmployeeFactory(unit=room), unit=room, start_date=D(2012, 5, 1))
        with unchanged(OrgUnit.objects.all()):
            response = as_user(org.admin).patch(f"{UNITS}{room.pk}/", {"valid_to": "2026-06-30"}, format="json")
        refused(response, "unit_assignments_outside", field="valid_to")

    def test_a_unit_ends_on_the_last_day_of_its_last_assignment(self, org):
        room = OrgUnitFactory(parent=org.a.unit, kind="PHONG")
        Assignment.objects.create(
            employee=EmployeeFactory(unit=room), unit=room, start_date=D(2012, 5, 1), end_date=D(2026, 6, 30)
        )
        assert unit_update(unit=room, actor=org.admin, valid_to=D(2026, 6, 30)).valid_to == D(2026, 6, 30)
        with refusal("unit_assignments_outside", field="valid_to"):
            unit_update(unit=room, actor=org.admin, valid_to=D(2026, 6, 29))


def _fields() -> dict:
    return {
        "national_id": "014191004242",
        "full_name": "Lò Thị Hương",
        "date_of_birth": D(1991, 4, 12),
        "sex": "F",
        "category": "CONG_CHUC",
    }


def _new_person(unit) -> dict:
    return {**_fields(), "date_of_birth": "1991-04-12", "unit": unit.pk, "recruitment_date": "2016-09-01"}
