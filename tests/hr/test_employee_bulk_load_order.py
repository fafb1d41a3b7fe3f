"""`employee_bulk_load` writes each table in the rows' order without sorting: ids, history, records, log."""

import datetime

import pandas as pd
import pytest

from hr.identity import make_national_id
from hr.models import Assignment, Employee, PersonChange, SalaryRecord
from hr.services.changes import source_of
from hr.services.employees import employee_bulk_load

BORN = datetime.date(1991, 3, 9)
# Serials out of order, so that the national IDs' order is not the rows' order.
SERIALS = [917, 911, 915, 912, 919, 913]


def _people(org, ranked: Employee) -> pd.DataFrame:
    count = len(SERIALS)
    return pd.DataFrame(
        {
            "national_id": [make_national_id(14, BORN, "F", serial) for serial in SERIALS],
            "legacy_id_number": [""] * count,
            "full_name": [f"Cầm Thị Xiêm {n}" for n in "FBDCAE"],
            "sex": ["F"] * count,
            "ethnicity": ["Thái"] * count,
            "email": [""] * count,
            "category": ["CONG_CHUC"] * count,
            "status": ["ACTIVE"] * count,
            "education_level": [""] * count,
            "political_theory_level": [""] * count,
            "state_management_level": [""] * count,
            "date_of_birth": [BORN] * count,
            "unit_id": [org.a.unit.pk] * count,
            "position_id": [None] * count,
            # Every other person ranked: the salary records skip the others and keep the order.
            "rank_id": [ranked.rank_id if n % 2 == 0 else None for n in range(count)],
            "salary_step_id": [ranked.salary_step_id if n % 2 == 0 else None for n in range(count)],
            "salary_coefficient": [ranked.salary_step.coefficient if n % 2 == 0 else None for n in range(count)],
            "salary_date": [datetime.date(2021, 1, 1) if n % 2 == 0 else None for n in range(count)],
            "recruitment_date": [datetime.date(2021, 1, 1)] * count,
            "decision_number": [f"{n}/QĐ" for n in range(count)],
        }
    )


@pytest.mark.postgres
@pytest.mark.django_db
def test_every_table_is_written_in_the_rows_order(org):
    people = _people(org, org.a.staff.employee)
    ids = employee_bulk_load(actor=org.admin, people=people)

    assert ids == sorted(ids)
    assert list(Employee.objects.filter(pk__in=ids).order_by("pk").values_list("national_id", flat=True)) == list(
        people["national_id"]
    )
    # Each table's own ids rise with the people's: read in place, the temporary table gives the COPY's order.
    history = Employee.history.filter(id__in=ids).order_by("history_id").values_list("id", flat=True)
    assert list(history) == ids
    assignments = Assignment.objects.filter(employee_id__in=ids).order_by("pk").values_list("employee_id", flat=True)
    assert list(assignments) == ids
    salaries = SalaryRecord.objects.filter(employee_id__in=ids).order_by("pk").values_list("employee_id", flat=True)
    assert list(salaries) == ids[::2]
    logged = PersonChange.objects.filter(employee_id__in=ids, source=source_of(Employee)).order_by("pk")
    assert list(logged.values_list("object_id", flat=True)) == ids
