"""Importing employee records through `employee_bulk_create` and `employee_bulk_update`: new national IDs are
registered (first assignment and salary record), known ones get their personal data corrected."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils.translation import gettext as _

from backend.api.exceptions import INTEGRITY_MESSAGE
from exchange.cells import CellError, choice_lookup, parse_choice, parse_date, parse_int
from exchange.importers.base import Importer, ImportResult
from exchange.tables import Column, Table
from hr.models import (
    Category,
    EducationLevel,
    Employee,
    EmploymentStatus,
    OrgUnit,
    PoliticalTheoryLevel,
    Position,
    Rank,
    SalaryStep,
    Sex,
    StateManagementLevel,
)
from hr.services.employees import (
    EmployeeChange,
    NewEmployee,
    RowsRefused,
    employee_bulk_check,
    employee_bulk_check_changes,
    employee_bulk_create,
    employee_bulk_update,
)

# Canonical headers are Vietnamese (the files officers keep); English keys are accepted too.
COLUMNS = [
    Column("national_id", "Số định danh cá nhân", ("national id", "CCCD"), required=True),
    Column("legacy_id_number", "Số CMND cũ", ("legacy id number",)),
    Column("full_name", "Họ và tên", ("full name",), required=True),
    Column("date_of_birth", "Ngày sinh", ("date of birth",), required=True),
    Column("sex", "Giới tính", ("sex",), required=True),
    Column("ethnicity", "Dân tộc", ("ethnicity",)),
    Column("email", "Email", ()),
    Column("category", "Phân loại", ("category",), required=True),
    Column("unit", "Mã đơn vị", ("unit code", "unit"), required=True),
    Column("position", "Mã chức vụ", ("position code", "position")),
    Column("rank", "Mã ngạch", ("rank code", "rank")),
    Column("salary_step", "Bậc lương", ("salary step",)),
    Column("salary_date", "Ngày hưởng bậc lương", ("salary date",)),
    Column("recruitment_date", "Ngày tuyển dụng", ("recruitment date",), required=True),
    Column("status", "Trạng thái", ("status",)),
    Column("education_level", "Trình độ chuyên môn", ("education level",)),
    Column("political_theory_level", "Trình độ lý luận chính trị", ("political theory level",)),
    Column("state_management_level", "Trình độ quản lý nhà nước", ("state management level",)),
    Column("decision_number", "Số quyết định tuyển dụng", ("decision number",)),
]
# Informative columns of the employee export, skipped on import.
UNIT_NAME = Column("unit_name", "Tên đơn vị", ("unit name",))
# Names beside the codes in the export, for the reader; the import matches on the codes and skips them.
POSITION_NAME = Column("position_name", "Tên chức vụ", ("position name",))
RANK_NAME = Column("rank_name", "Tên ngạch", ("rank name",))
SALARY_COEFFICIENT = Column("salary_coefficient", "Hệ số lương", ("salary coefficient",))

TEXT_FIELDS = ["national_id", "legacy_id_number", "full_name", "ethnicity", "email"]
CHOICE_FIELDS = {
    "sex": Sex,
    "category": Category,
    "status": EmploymentStatus,
    "education_level": EducationLevel,
    "political_theory_level": PoliticalTheoryLevel,
    "state_management_level": StateManagementLevel,
}
DATE_FIELDS = ["date_of_birth", "recruitment_date", "salary_date"]
# Set from the file on correction; a blank cell in a column with a model default keeps the default.
PERSONAL_FIELDS = [
    *TEXT_FIELDS,
    "date_of_birth",
    "sex",
    "category",
    "recruitment_date",
    "status",
    "education_level",
    "political_theory_level",
    "state_management_level",
]
DEFAULTED_FIELDS = {"ethnicity", "status"}
# Changed only by a transfer or salary decision (hr.services.employees.DECISION_FIELDS), so a correction
# must leave them as they are.
DECISION_COLUMNS = {"unit": "unit_id", "position": "position_id", "rank": "rank_id", "salary_step": "salary_step_id"}
RELATION_FIELDS = ["unit", "position", "rank", "salary_step"]
BATCH_SIZE = 2000
# SQLite allows ~32k parameters per query; look existing IDs up in slices.
LOOKUP_CHUNK = 5000
PROGRESS_EVERY = 1000


class EmployeeImporter(Importer):
    kind = "employees"
    columns = COLUMNS
    ignored = frozenset({UNIT_NAME.header, UNIT_NAME.key, *UNIT_NAME.aliases, SALARY_COEFFICIENT.header})
    ignored |= frozenset({SALARY_COEFFICIENT.key, *SALARY_COEFFICIENT.aliases})
    ignored |= frozenset(
        name for extra in (POSITION_NAME, RANK_NAME) for name in (extra.header, extra.key, *extra.aliases)
    )

    def _load_references(self) -> None:
        # Reference tables are small: one query each replaces a lookup per row. Units come with their
        # validity dates, which every new person's first assignment is checked against (no query per unit).
        units = OrgUnit.objects.only("id", "code", "path", "name", "valid_from", "valid_to")
        self.units = {unit.code: unit for unit in units}
        self.positions = {position.code: position for position in Position.objects.all()}
        self.ranks = {rank.code: rank for rank in Rank.objects.all()}
        self.steps = {(step.scale_id, step.step): step for step in SalaryStep.objects.all()}
        self.choices = {name: choice_lookup(choices) for name, choices in CHOICE_FIELDS.items()}

    def _existing(self, national_ids: list[str]) -> dict[str, Employee]:
        found: dict[str, Employee] = {}
        for start in range(0, len(national_ids), LOOKUP_CHUNK):
            chunk = national_ids[start : start + LOOKUP_CHUNK]
            found.update((e.national_id, e) for e in Employee.objects.filter(national_id__in=chunk))
        return found

    def validate(self, table: Table, result: ImportResult) -> None:
        self._load_references()
        self.headers = {column.key: self.header(table, column.key) for column in self.columns}
        present = set(table.headers)
        existing = self._existing(sorted({row.get("national_id", "") for row in table.rows} - {""}))
        self.to_create: list[tuple[int, NewEmployee]] = []
        self.to_update: list[tuple[int, EmployeeChange]] = []
        seen: dict[str, int] = {}
        total = len(table.rows)
        for index, (number, row) in enumerate(zip(table.numbers, table.rows, strict=True), start=1):
            values, bad = self._parse(number, row, present)
            if "national_id" not in bad:
                national_id = values["national_id"]
                if national_id in seen:
                    self.errors.add(
                        number,
                        self.headers["national_id"],
                        _("The same person appears on row %(row)s.") % {"row": seen[national_id]},
                    )
                else:
                    if national_id:
                        seen[national_id] = number
                    current = existing.get(national_id)
                    if current is None:
                        self._plan_create(number, values, bad, result)
                    else:
                        self._plan_update(number, current, values, bad, present, result)
            if index % PROGRESS_EVERY == 0 or index == total:
                self.progress("validate", index, total)
        self._check_plans(result)

    def _parse(self, number: int, row: dict[str, str], present: set[str]) -> tuple[dict, set[str]]:
        """Typed values of the row's cells, and the keys of the bad ones (each recorded as an error)."""
        values: dict = {}
        bad: set[str] = set()

        def fail(key: str, message: str) -> None:
            bad.add(key)
            self.errors.add(number, self.headers[key], message)

        for key in TEXT_FIELDS:
            values[key] = row.get(key, "")
        for key in DATE_FIELDS:
            try:
                values[key] = parse_date(row.get(key, ""))
            except CellError as exc:
                values[key] = None
                fail(key, str(exc))
        for key, lookup in self.choices.items():
            try:
                values[key] = parse_choice(row.get(key, ""), lookup)
            except CellError as exc:
                values[key] = ""
                fail(key, str(exc))
        values["decision_number"] = row.get("decision_number", "")

        unit_code = row.get("unit", "")
        values["unit"] = self.units.get(unit_code)
        if unit_code and values["unit"] is None:
            fail("unit", _("No unit has the code “%(code)s”.") % {"code": unit_code})
        for key, table in (("position", self.positions), ("rank", self.ranks)):
            code = row.get(key, "")
            values[key] = table.get(code)
            if code and values[key] is None:
                fail(key, _("Unknown code “%(code)s”.") % {"code": code})
        values["salary_step"] = None
        try:
            step = parse_int(row.get("salary_step", ""))
        except CellError as exc:
            fail("salary_step", str(exc))
            step = None
        if step is not None:
            if values["rank"] is None:
                if not row.get("rank"):
                    fail("rank", _("A salary step needs a rank."))
            else:
                values["salary_step"] = self.steps.get((values["rank"].scale_id, step))
                if values["salary_step"] is None:
                    fail(
                        "salary_step",
                        _("The salary scale of rank %(rank)s has no step %(step)s.")
                        % {"rank": values["rank"].code, "step": step},
                    )
        if "unit" in present and not unit_code:
            fail("unit", _("This field cannot be blank."))
        return values, bad

    def _plan_create(self, number: int, values: dict, bad: set[str], result: ImportResult) -> None:
        fields = {
            key: values[key]
            for key in PERSONAL_FIELDS
            if key != "recruitment_date" and not (key in DEFAULTED_FIELDS and not values[key])
        }
        self.to_create.append(
            (
                number,
                NewEmployee(
                    unit=values["unit"],
                    recruitment_date=values["recruitment_date"],
                    position=values["position"],
                    rank=values["rank"],
                    salary_step=values["salary_step"],
                    salary_date=values["salary_date"],
                    decision_number=values["decision_number"],
                    fields=fields,
                    invalid=frozenset(bad),
                ),
            )
        )

    def _plan_update(
        self, number: int, employee: Employee, values: dict, bad: set[str], present: set[str], result: ImportResult
    ) -> None:
        fields = {
            key: values[key]
            for key, attribute in DECISION_COLUMNS.items()
            if key in present and key not in bad and getattr(employee, attribute) != getattr(values[key], "pk", None)
        }
        for key in PERSONAL_FIELDS:
            if key not in present or key in bad or (key in DEFAULTED_FIELDS and not values[key]):
                continue
            if getattr(employee, key) != values[key]:
                fields[key] = values[key]
        if not fields and not bad:
            result.unchanged += 1
        else:
            self.to_update.append((number, EmployeeChange(employee=employee, fields=fields, invalid=frozenset(bad))))

    def _report(self, numbers: list[int], errors: dict[int, Exception], *, default_column: str) -> None:
        for index, exc in sorted(errors.items()):
            number = numbers[index]
            if isinstance(exc, ValidationError):
                self.errors.add_validation_error(number, exc, self.headers)
            else:
                detail = exc.detail
                if isinstance(detail, dict):
                    for name, messages in detail.items():
                        for message in messages:
                            self.errors.add(number, self.headers.get(name, name), str(message))
                else:
                    self.errors.add(number, self.headers.get(default_column, ""), str(detail))

    def _check_plans(self, result: ImportResult) -> None:
        """The services' own rules over every planned row, writing nothing; refusals become row errors."""
        _built, create_errors = employee_bulk_check(actor=self.actor, people=[new for _n, new in self.to_create])
        self._report([n for n, _new in self.to_create], create_errors, default_column="unit")
        _changed, update_errors = employee_bulk_check_changes(
            actor=self.actor, changes=[change for _n, change in self.to_update]
        )
        self._report([n for n, _change in self.to_update], update_errors, default_column="national_id")
        result.created = len(self.to_create) - len(create_errors)
        result.updated = len(self.to_update) - len(update_errors)

    def write(self, result: ImportResult) -> None:
        total = len(self.to_create) + len(self.to_update)
        people = [new for _n, new in self.to_create]
        try:
            for start in range(0, len(people), BATCH_SIZE):
                employee_bulk_create(actor=self.actor, people=people[start : start + BATCH_SIZE])
                self.progress("write", min(start + BATCH_SIZE, len(people)), total)
            if self.to_update:
                employee_bulk_update(actor=self.actor, changes=[change for _n, change in self.to_update])
                self.progress("write", total, total)
        except RowsRefused as exc:
            # Every row passed the same rules a moment ago: a concurrent write (the same national ID
            # registered meanwhile) changed the data. The whole file rolls back, as a lost race does.
            raise IntegrityError(str(INTEGRITY_MESSAGE)) from exc
