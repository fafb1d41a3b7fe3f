"""The employee export: the filtered employee list as a table an import reads back unchanged.

Choices are written as their labels ("Hợp đồng", "Đại học"), which the import reads back as well as
the codes; units, posts and ranks keep their codes (what the import matches on) with their names
in a column of their own beside them.
"""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from exchange.importers.employees import COLUMNS, POSITION_NAME, RANK_NAME, SALARY_COEFFICIENT, UNIT_NAME
from exchange.writers import ExportTable
from hr.models import Employee

# The import's columns (less the recruitment decision number, which belongs to the first
# assignment) with the unit's name and the salary coefficient alongside for the reader.
EXPORT_COLUMNS = []
for _column in COLUMNS:
    if _column.key == "decision_number":
        continue
    EXPORT_COLUMNS.append(_column)
    if _column.key == "unit":
        EXPORT_COLUMNS.append(UNIT_NAME)
    if _column.key == "position":
        EXPORT_COLUMNS.append(POSITION_NAME)
    if _column.key == "rank":
        EXPORT_COLUMNS.append(RANK_NAME)
    if _column.key == "salary_step":
        EXPORT_COLUMNS.append(SALARY_COEFFICIENT)
del _column

CHUNK_SIZE = 2000


def _rows(queryset: QuerySet[Employee]) -> Iterator[dict]:
    for employee in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "national_id": employee.national_id,
            "legacy_id_number": employee.legacy_id_number,
            "full_name": employee.full_name,
            "date_of_birth": employee.date_of_birth,
            "sex": employee.get_sex_display(),
            "ethnicity": employee.ethnicity,
            "email": employee.email,
            "category": employee.get_category_display(),
            "unit": employee.unit.code,
            "unit_name": employee.unit.name,
            "position": employee.position.code if employee.position_id else "",
            "position_name": employee.position.name if employee.position_id else "",
            "rank": employee.rank.code if employee.rank_id else "",
            "rank_name": employee.rank.name if employee.rank_id else "",
            "salary_step": employee.salary_step.step if employee.salary_step_id else None,
            "salary_coefficient": employee.salary_coefficient,
            "salary_date": employee.salary_date,
            "recruitment_date": employee.recruitment_date,
            "status": employee.get_status_display(),
            "education_level": employee.get_education_level_display(),
            "political_theory_level": employee.get_political_theory_level_display(),
            "state_management_level": employee.get_state_management_level_display(),
        }


def employee_export(*, queryset: QuerySet[Employee]) -> ExportTable:
    """`queryset` (already scoped and filtered by `hr.selectors.employees.employee_list`) as an export table."""
    return ExportTable(
        title=_("Employees"),
        columns=EXPORT_COLUMNS,
        rows=_rows(queryset.select_related("unit", "position", "rank", "salary_step")),
        text_keys=frozenset({"national_id", "legacy_id_number", "unit", "position", "rank"}),
    )
