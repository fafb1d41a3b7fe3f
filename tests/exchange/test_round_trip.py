"""Export every employee, import the file into an empty database: every exported field comes back."""

import io

import pandas as pd
import pytest
from django.db import connection

from hr.models import Assignment, Employee, PersonChange, Role, SalaryRecord
from tests.exchange.conftest import export_url, read_download
from tests.factories import EmployeeFactory, OrgUnitFactory, UserFactory, position

pytestmark = pytest.mark.django_db


def _empty_personnel_tables() -> None:
    """What a fresh database holds: units and reference data, no people (test-only raw cleanup)."""
    PersonChange.objects.all().delete()
    Assignment.objects.all().delete()
    SalaryRecord.objects.all().delete()
    Employee.history.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Employee._meta.db_table}")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_import_into_an_empty_database_loses_nothing(as_user, fmt):
    province = OrgUnitFactory(code="SL", kind="TINH", level="TINH")
    room = OrgUnitFactory(code="SNV-01", name="Phòng Công chức – Sở Nội vụ", kind="PHONG", parent=province)
    EmployeeFactory.create_batch(5, unit=room, ranked=True)
    EmployeeFactory(
        unit=province,
        full_name="Lò Văn Đức",
        legacy_id_number="040123456",
        email="duc@sonla.gov.vn",
        ethnicity="Thái",
        category="VIEN_CHUC",
        position=position("TP_SO"),
        status="ON_LEAVE",
        education_level="THAC_SI",
        political_theory_level="CAO_CAP",
        state_management_level="CHUYEN_VIEN_CHINH",
    )
    EmployeeFactory(unit=room, national_id="001088000123", date_of_birth="1988-01-01", sex="M")
    admin = UserFactory(role=Role.PROVINCE_ADMIN)
    client = as_user(admin)
    first = client.get(export_url("/api/v1/exports/employees/", fmt))
    assert first.status_code == 200
    exported = read_download(first)
    assert len(exported) == 7
    assert "001088000123" in set(exported["Số định danh cá nhân"])

    _empty_personnel_tables()
    response = client.post(
        "/api/v1/imports/employees/",
        {"file": io.BytesIO(first.content), "dry_run": "false"},
        format="multipart",
    )
    assert response.status_code == 200, response.data
    assert (response.data["created"], response.data["errors"]) == (7, [])

    again = read_download(client.get(export_url("/api/v1/exports/employees/", fmt)))
    pd.testing.assert_frame_equal(exported, again)
    assert Assignment.objects.count() == 7
    assert SalaryRecord.objects.count() == 5
