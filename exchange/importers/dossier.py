"""Importing the dossier's tables (degrees, family, job positions held, allowances), one row per person's row.

Each row goes through the dossier's own service (`dossier.services.tables`), so every rule and the actor's scope
apply as for a single request; a row already in the dossier with the same values is left as it is, so a file can
be re-run. The whole file is written or nothing (`ServiceRowImporter`).
"""

from collections.abc import Callable

from django.utils.translation import gettext as _

from dossier.models import (
    Allowance,
    AllowanceKind,
    FamilyMember,
    FamilySide,
    JobPosition,
    PositionHolding,
    Qualification,
    QualificationKind,
    Relation,
    StudyMode,
)
from dossier.services.tables import allowance_save, family_member_save, position_holding_save, qualification_save
from exchange.cells import CellError, choice_lookup, parse_bool, parse_choice, parse_date, parse_decimal, parse_int
from exchange.importers.rows import CREATED, UNCHANGED, ServiceRowImporter
from exchange.tables import Column, Table

PERSON = Column("national_id", "Số định danh cá nhân", ("national id", "CCCD"), required=True)
IGNORED = frozenset({"Họ và tên", "full name", "full_name", "Đơn vị", "unit"})


def _text(text: str) -> str:
    return text


class DossierRowImporter(ServiceRowImporter):
    """A table of the dossier: `cells` parse each column; `model` and `service` hold and write the rows."""

    ignored = IGNORED
    field_columns = {"employee": "national_id"}
    default_column = "national_id"
    # key -> (parser, required); a parser takes the cell's text and returns the value or raises CellError.
    cells: dict[str, tuple[Callable, bool]] = {}
    model = None

    def prepare(self, table: Table) -> None:
        self.employees = self.employees_named({row.get("national_id", "") for row in table.rows} - {""})

    def lookups(self, table: Table) -> None:
        """Prefetch what the cells refer to (job positions by agency and code)."""

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        employee = self.person(number, row.get("national_id", ""))
        values: dict = {"employee": employee}
        ok = employee is not None
        for key, (parse, required) in self.cells.items():
            try:
                values[key] = parse(row.get(key, ""))
            except CellError as exc:
                ok = False
                self.errors.add(number, self.headers[key], str(exc))
                continue
            if required and values[key] in (None, ""):
                ok = False
                self.errors.add(number, self.headers[key], _("This field cannot be blank."))
        return values if ok else None

    def save(self, **values):
        raise NotImplementedError

    def apply(self, **values) -> str:
        if self.model.objects.filter(**values).exists():
            return UNCHANGED
        self.save(actor=self.actor, **{key: value for key, value in values.items() if value is not None})
        return CREATED


def _choice(choices) -> Callable[[str], str]:
    lookup = choice_lookup(choices)
    return lambda text: parse_choice(text, lookup)


class QualificationImporter(DossierRowImporter):
    kind = "dossier-qualifications"
    model = Qualification
    columns = [
        PERSON,
        Column("kind", "Loại", ("kind",), required=True),
        Column("level", "Trình độ", ("level",), required=True),
        Column("institution", "Tên trường", ("institution",), required=True),
        Column("field_of_study", "Chuyên ngành", ("field of study",)),
        Column("start_year", "Từ năm", ("from",), required=True),
        Column("end_year", "Đến năm", ("to",)),
        Column("mode", "Hình thức", ("mode",), required=True),
        Column("diploma", "Văn bằng, chứng chỉ", ("diploma",)),
    ]

    def prepare(self, table: Table) -> None:
        super().prepare(table)
        self.cells = {
            "kind": (_choice(QualificationKind), True),
            "level": (_text, True),
            "institution": (_text, True),
            "field_of_study": (_text, False),
            "start_year": (parse_int, True),
            "end_year": (parse_int, False),
            "mode": (_choice(StudyMode), True),
            "diploma": (_text, False),
        }

    def save(self, **values):
        return qualification_save(**values)


class FamilyMemberImporter(DossierRowImporter):
    kind = "dossier-family"
    model = FamilyMember
    columns = [
        PERSON,
        Column("side", "Bên", ("side",), required=True),
        Column("relation", "Quan hệ", ("relation",), required=True),
        Column("relative_name", "Họ và tên thân nhân", ("relative's name",), required=True),
        Column("birth_year", "Năm sinh", ("year of birth",), required=True),
        Column("hometown", "Quê quán", ("hometown",)),
        Column("occupation", "Nghề nghiệp", ("occupation",)),
        Column("workplace", "Nơi công tác", ("workplace",)),
        Column("residence", "Nơi ở", ("residence",)),
        Column("deceased", "Đã mất", ("deceased",)),
    ]

    def prepare(self, table: Table) -> None:
        super().prepare(table)
        self.cells = {
            "side": (_choice(FamilySide), True),
            "relation": (_choice(Relation), True),
            "relative_name": (_text, True),
            "birth_year": (parse_int, True),
            "hometown": (_text, False),
            "occupation": (_text, False),
            "workplace": (_text, False),
            "residence": (_text, False),
            "deceased": (lambda text: parse_bool(text, default=False), False),
        }

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        values = super().parse(number, row)
        if values is not None:
            values["full_name"] = values.pop("relative_name")
        return values

    def save(self, **values):
        return family_member_save(**values)


class PositionHoldingImporter(DossierRowImporter):
    kind = "dossier-positions"
    model = PositionHolding
    columns = [
        PERSON,
        Column("job_position", "Mã vị trí việc làm", ("job position code",), required=True),
        Column("start_date", "Từ ngày", ("start date",), required=True),
        Column("end_date", "Đến ngày", ("end date",)),
        Column("decision_number", "Số quyết định", ("decision number",)),
    ]

    def prepare(self, table: Table) -> None:
        super().prepare(table)
        # A code names a position of the person's own agency: the same code may exist in several agencies.
        codes = {row.get("job_position", "") for row in table.rows} - {""}
        self.positions: dict[str, list[JobPosition]] = {}
        for position in JobPosition.objects.filter(code__in=codes).select_related("agency"):
            self.positions.setdefault(position.code, []).append(position)
        self.cells = {
            "start_date": (parse_date, True),
            "end_date": (parse_date, False),
            "decision_number": (_text, False),
        }

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        values = super().parse(number, row)
        if values is None:
            return None
        unit_path = values["employee"].unit.path
        code = row.get("job_position", "")
        found = [p for p in self.positions.get(code, []) if unit_path.startswith(p.agency.path)]
        if not found:
            message = _("The person's agency lists no job position with the code “%(code)s”.") % {"code": code}
            self.errors.add(number, self.headers["job_position"], message)
            return None
        return {**values, "job_position": found[0]}

    def save(self, **values):
        return position_holding_save(**values)


class AllowanceImporter(DossierRowImporter):
    kind = "dossier-allowances"
    model = Allowance
    columns = [
        PERSON,
        Column("kind", "Loại phụ cấp", ("allowance",), required=True),
        Column("coefficient", "Hệ số", ("coefficient",)),
        Column("percent", "Tỷ lệ (%)", ("percent",)),
        Column("start_date", "Từ ngày", ("start date",), required=True),
        Column("end_date", "Đến ngày", ("end date",)),
        Column("decision_number", "Số quyết định", ("decision number",)),
    ]

    def prepare(self, table: Table) -> None:
        super().prepare(table)
        self.cells = {
            "kind": (_choice(AllowanceKind), True),
            "coefficient": (parse_decimal, False),
            "percent": (parse_int, False),
            "start_date": (parse_date, True),
            "end_date": (parse_date, False),
            "decision_number": (_text, False),
        }

    def save(self, **values):
        return allowance_save(**values)


DOSSIER_IMPORTERS = (QualificationImporter, FamilyMemberImporter, PositionHoldingImporter, AllowanceImporter)
