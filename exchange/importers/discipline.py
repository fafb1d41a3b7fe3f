"""Importing discipline decisions: each row is recorded through `discipline_record_create`, under the rules
of its date (forms, limitation periods, repeat offences), exactly as a single decision is."""

from django.utils.translation import gettext as _

from exchange.cells import CellError, choice_lookup, parse_bool, parse_choice, parse_date
from exchange.importers.rows import CREATED, UNCHANGED, ServiceRowImporter
from exchange.tables import Column, Table
from hr.models import DisciplineForm, DisciplineRecord, Employee, Severity
from hr.services.discipline import discipline_record_create

COLUMNS = [
    Column("national_id", "Số định danh cá nhân", ("national id", "CCCD"), required=True),
    Column("form", "Hình thức kỷ luật", ("form",), required=True),
    Column("decision_number", "Số quyết định", ("decision number",), required=True),
    Column("issuing_authority", "Cơ quan ban hành", ("issuing authority",), required=True),
    Column("decision_date", "Ngày quyết định", ("decision date",), required=True),
    Column("effective_date", "Ngày có hiệu lực", ("effective date",), required=True),
    Column("violation_date", "Ngày vi phạm", ("violation date",), required=True),
    Column("reason", "Lý do", ("reason",), required=True),
    Column("severity", "Mức độ hậu quả", ("severity",), required=True),
    Column("duty_related", "Liên quan công vụ", ("duty related",)),
    Column("no_limitation", "Không áp dụng thời hiệu", ("no limitation",)),
    Column("party_decision_number", "Số quyết định kỷ luật Đảng", ("party decision number",)),
    Column("party_decision_date", "Ngày quyết định kỷ luật Đảng", ("party decision date",)),
    Column("discovered_on", "Ngày phát hiện vi phạm", ("discovered on",)),
    Column("complex_case", "Vụ việc phức tạp", ("complex case",)),
]
IGNORED = frozenset({"Họ và tên", "full name", "full_name", "Đơn vị", "unit"})
DATES = ["decision_date", "effective_date", "violation_date", "party_decision_date", "discovered_on"]
REQUIRED_DATES = frozenset({"decision_date", "effective_date", "violation_date"})
TEXTS = ["decision_number", "issuing_authority", "reason", "party_decision_number"]


class DisciplineImporter(ServiceRowImporter):
    kind = "discipline"
    columns = COLUMNS
    ignored = IGNORED
    field_columns = {"employee": "national_id"}
    default_column = "form"

    def prepare(self, table: Table) -> None:
        self.employees = self.employees_named({row.get("national_id", "") for row in table.rows})
        self.forms = choice_lookup(DisciplineForm)
        self.severities = choice_lookup(Severity)

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        values: dict = {key: row.get(key, "") for key in TEXTS}
        ok = True

        def fail(key: str, message: str) -> None:
            nonlocal ok
            ok = False
            self.errors.add(number, self.headers[key], message)

        values["employee"] = self.person(number, row.get("national_id", ""))
        ok = values["employee"] is not None
        for key in DATES:
            try:
                values[key] = parse_date(row.get(key, ""))
            except CellError as exc:
                fail(key, str(exc))
            else:
                if values[key] is None and key in REQUIRED_DATES:
                    fail(key, _("This field cannot be blank."))
        for key, lookup in (("form", self.forms), ("severity", self.severities)):
            try:
                values[key] = parse_choice(row.get(key, ""), lookup)
            except CellError as exc:
                fail(key, str(exc))
        for key, default in (("duty_related", True), ("no_limitation", False), ("complex_case", False)):
            try:
                values[key] = parse_bool(row.get(key, ""), default=default)
            except CellError as exc:
                fail(key, str(exc))
        return values if ok else None

    def apply(self, *, employee: Employee, **values) -> str:
        # The same decision imported again is left as it is, so a file can be re-run safely.
        if DisciplineRecord.objects.filter(
            employee=employee,
            decision_number=values["decision_number"],
            form=values["form"],
            decision_date=values["decision_date"],
            annulled_on__isnull=True,
        ).exists():
            return UNCHANGED
        discipline_record_create(actor=self.actor, employee=employee, **values)
        return CREATED
