"""Importing titles and commendations of people (by national ID) or units (by unit code), each recorded
through `commendation_create` with its rule, coefficient and amount of its date."""

from django.utils.translation import gettext as _

from exchange.cells import CellError, choice_lookup, parse_choice, parse_date, parse_int
from exchange.importers.rows import CREATED, UNCHANGED, ServiceRowImporter
from exchange.tables import Column, Table
from hr.models import Award, Commendation, OrgUnit
from hr.services.commendations import commendation_create

COLUMNS = [
    Column("national_id", "Số định danh cá nhân", ("national id", "CCCD")),
    Column("unit", "Mã đơn vị được khen", ("unit code", "unit")),
    Column("award", "Danh hiệu/hình thức", ("award",), required=True),
    Column("year", "Năm thi đua", ("year",), required=True),
    Column("decision_number", "Số quyết định", ("decision number",), required=True),
    Column("issuing_authority", "Cơ quan ban hành", ("issuing authority",), required=True),
    Column("decision_date", "Ngày quyết định", ("decision date",), required=True),
    Column("reason", "Thành tích", ("achievement", "reason")),
]
IGNORED = frozenset({"Họ và tên", "full name", "full_name", "Tên đơn vị", "unit name"})


class CommendationImporter(ServiceRowImporter):
    kind = "commendations"
    columns = COLUMNS
    ignored = IGNORED
    field_columns = {"employee": "national_id"}
    default_column = "award"

    def prepare(self, table: Table) -> None:
        self.employees = self.employees_named({row.get("national_id", "") for row in table.rows} - {""})
        codes = {row.get("unit", "") for row in table.rows} - {""}
        self.units = {unit.code: unit for unit in OrgUnit.objects.filter(code__in=codes)}
        self.awards = choice_lookup(Award)

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        values: dict = {key: row.get(key, "") for key in ("decision_number", "issuing_authority", "reason")}
        ok = True

        def fail(key: str, message: str) -> None:
            nonlocal ok
            ok = False
            self.errors.add(number, self.headers[key], message)

        national_id, code = row.get("national_id", ""), row.get("unit", "")
        values["employee"] = values["unit"] = None
        if bool(national_id) == bool(code):
            fail("national_id", _("Give either a person's identification number or a unit's code."))
        elif national_id:
            values["employee"] = self.person(number, national_id)
            ok = values["employee"] is not None
        else:
            values["unit"] = self.units.get(code)
            if values["unit"] is None:
                fail("unit", _("No unit has the code “%(code)s”.") % {"code": code})
        try:
            values["award"] = parse_choice(row.get("award", ""), self.awards)
        except CellError as exc:
            fail("award", str(exc))
        for key, parse in (("year", parse_int), ("decision_date", parse_date)):
            try:
                values[key] = parse(row.get(key, ""))
            except CellError as exc:
                fail(key, str(exc))
            else:
                if values[key] is None:
                    fail(key, _("This field cannot be blank."))
        return values if ok else None

    def apply(self, **values) -> str:
        # The same decision imported again is left as it is, so a file can be re-run safely.
        if Commendation.objects.filter(
            employee=values["employee"],
            unit=values["unit"],
            award=values["award"],
            year=values["year"],
            decision_number=values["decision_number"],
            annulled_on__isnull=True,
        ).exists():
            return UNCHANGED
        commendation_create(actor=self.actor, **values)
        return CREATED
