"""The employee import refuses a row whose first assignment lies outside its unit's validity, as the service does."""

import datetime

import pytest

from hr.models import Assignment, Employee, SalaryRecord
from tests.exchange.conftest import csv_bytes, person
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db

D = datetime.date


class TestImportsGetTheSameRefusals:
    @pytest.mark.parametrize("dates", [{"valid_from": D(2020, 1, 3)}, {"valid_to": D(2025, 6, 30)}])
    def test_a_row_outside_its_units_validity_is_refused_and_nothing_written(self, org, post_import, dates):
        unit = OrgUnitFactory(code="SNV-MOI", parent=org.a.unit, kind="PHONG", **dates)
        before = (Employee.objects.count(), Assignment.objects.count(), SalaryRecord.objects.count())
        rows = [person(org.a.room.code, 1), person(unit.code, 2)]  # recruited 2020-01-02
        response = post_import(org.a.officer, csv_bytes(rows))
        assert response.status_code == 400
        assert [(e["row"], e["column"]) for e in response.data["errors"]] == [(3, "Mã đơn vị")]
        assert (Employee.objects.count(), Assignment.objects.count(), SalaryRecord.objects.count()) == before

    def test_a_row_on_the_units_first_day_is_imported(self, org, post_import):
        unit = OrgUnitFactory(code="SNV-MOI", parent=org.a.unit, kind="PHONG", valid_from=D(2020, 1, 2))
        response = post_import(org.a.officer, csv_bytes([person(unit.code, 1)]))
        assert response.status_code == 200, response.data
        assert Assignment.objects.get(employee__national_id="011191000001").unit == unit
