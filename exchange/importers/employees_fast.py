"""The employee import at national scale: `EmployeeImporter`'s rules and messages, checked column by column.

Every cell is parsed once per distinct value (dates, choices, codes, steps), every rule of
`employee_bulk_check` is a vectorised mask over the new people, and only the cells a mask flags go
through Django's own field validators for their exact message. Known people (corrections) go through
`employee_bulk_check_changes` as in `EmployeeImporter`. On PostgreSQL the new people are written by
`employee_bulk_load` (COPY, set-based history, assignments and salary records); elsewhere by
`employee_bulk_create`. Errors come out in the order `EmployeeImporter` reports them: every row's cell
problems and duplicates first, then the new people's refusals, then the corrections'.
"""

import datetime
import itertools
import re

import numpy as np
import pandas as pd
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException

from backend.api.exceptions import INTEGRITY_MESSAGE
from exchange.cells import CellError, parse_choice, parse_date, parse_int
from exchange.errors import RowErrors
from exchange.importers.base import ImportResult
from exchange.importers.columns import ColumnTable, read_columns
from exchange.importers.employees import CHOICE_FIELDS, COLUMNS, DATE_FIELDS, DEFAULTED_FIELDS, EmployeeImporter
from hr.access import access_unit_for_write
from hr.identity import (
    CENTURY_BASE,
    FIRST_PROVINCE_CODE,
    LAST_PROVINCE_CODE,
    LEGACY_ID_LENGTH,
    NATIONAL_ID_LENGTH,
    national_id_mismatch,
)
from hr.models import Employee
from hr.services.employees import (
    RowsRefused,
    check_assignment_in_unit,
    employee_bulk_check_changes,
    employee_bulk_load,
    employee_bulk_update,
)

KEYS = [column.key for column in COLUMNS]
# Where each cell problem sits among a row's errors, in the order `EmployeeImporter._parse` finds them.
CELL_ORDER = {
    key: order
    for order, key in enumerate(
        [*DATE_FIELDS, *CHOICE_FIELDS, "unit", "position", "rank", "salary_step", "step_rule", "unit_blank", "dup"]
    )
}
# Fields `full_clean` checks on a new person, in the model's field order (relations are excluded).
CLEANED_FIELDS = [f.name for f in Employee._meta.fields if f.name not in {"id", "unit", "position", "rank"}]
CLEANED_FIELDS = [name for name in CLEANED_FIELDS if name not in {"salary_step", "created_at", "updated_at"}]
CREATE_PHASE, CELL_PHASE = 1, 0
# Between the national IDs of one look-up: a control character, which reading a file removes from every cell.
SEPARATOR = "\x1f"


def _spread(cells: np.ndarray, table: dict) -> np.ndarray:
    """`table[cell]` for every cell, as Python objects (None stays None, an int stays an int)."""
    codes, distinct = pd.factorize(cells)
    mapped = np.empty(len(distinct), dtype=object)
    mapped[:] = [table[text] for text in distinct]
    return mapped[codes]


def _parse_distinct(cells: np.ndarray, parse) -> tuple[np.ndarray, np.ndarray]:
    """`parse` once per distinct cell: the values (None when bad) and the messages (None when good)."""
    codes, distinct = pd.factorize(cells)
    values, messages = np.empty(len(distinct), dtype=object), np.empty(len(distinct), dtype=object)
    for index, text in enumerate(distinct):
        try:
            values[index] = parse(text)
        except CellError as exc:
            messages[index] = str(exc)
    return values[codes], messages[codes]


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
VN_DATE = re.compile(r"[0-9]{2}/[0-9]{2}/[0-9]{4}")


def _parse_date(text: str) -> datetime.date | None:
    """`parse_date`, without strptime for the two plain forms (the same day, or the same refusal)."""
    try:
        if ISO_DATE.fullmatch(text):
            return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        if VN_DATE.fullmatch(text):
            return datetime.date(int(text[6:]), int(text[3:5]), int(text[:2]))
    except ValueError:
        pass
    return parse_date(text)


def _lookup(cells: np.ndarray, known: dict) -> np.ndarray:
    """The reference object each code names, or None."""
    codes, distinct = pd.factorize(cells)
    mapped = np.empty(len(distinct), dtype=object)
    mapped[:] = [known.get(code) for code in distinct]
    return mapped[codes]


def _attribute(objects: np.ndarray, name: str) -> np.ndarray:
    """`getattr(obj, name)` of each object (None stays None), read once per distinct object.

    The objects are a few hundred units, posts, ranks and steps repeated over the rows: they are told apart by
    identity (`id()`, in C), where a comprehension would call the attribute's Python getter on every row.
    """
    _distinct, first, inverse = np.unique(
        np.fromiter(map(id, objects), dtype=np.int64, count=len(objects)), return_index=True, return_inverse=True
    )
    read = np.empty(len(first), dtype=object)
    read[:] = [None if objects[p] is None else getattr(objects[p], name) for p in first]
    return read[inverse.reshape(-1)]


def _present(values: np.ndarray) -> np.ndarray:
    """Which values are not None (numpy compares each object with None in C)."""
    return np.not_equal(values, None)


def _found(objects: np.ndarray) -> np.ndarray:
    """Which entries hold a model instance (always true) rather than None, without calling `Model.__eq__`."""
    return objects.astype(bool)


def _lengths(cells: np.ndarray) -> np.ndarray:
    """Each cell's `len()`, as `MaxLengthValidator` counts it.

    Not `np.char.str_len(cells.astype(str))`: that copies the column into an array as wide as its longest
    cell (4 bytes per character per row: half a GB for a million names if one has 128 characters) and
    drops trailing NUL characters.
    """
    return np.fromiter(map(len, cells), dtype=np.int64, count=len(cells))


def _ascii_digits(cells: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Which cells are exactly `width` ASCII digits, and the digits of each cell (one row per cell)."""
    fixed = cells.astype(f"U{width}") if len(cells) else np.zeros(0, dtype=f"U{width}")
    # Code points fit in 32 bits: the digits stay int32 (half the memory of int64, no copy for the view).
    points = fixed.view(np.int32).reshape(len(cells), width)
    plain = (_lengths(cells) == width) & ((points >= ord("0")) & (points <= ord("9"))).all(axis=1)
    return plain, points - ord("0")


CENTURIES = np.array([CENTURY_BASE[digit] for digit in range(10)], dtype=np.int64)


def national_id_plausible(cells: np.ndarray) -> np.ndarray:
    """`hr.identity.validate_national_id` over a column: which cells it accepts, as one mask.

    Twelve ASCII digits, a province code in hr.identity's range, a year of birth not after this year;
    `tests/exchange/test_fast_import.py` holds it to the validator, cell for cell.
    """
    good, digits = _ascii_digits(cells, NATIONAL_ID_LENGTH)
    # A refused cell's "digits" are any code points: zero them so the arithmetic below stays in range.
    digits = np.where(good[:, None], digits, 0)
    province = digits[:, 0] * 100 + digits[:, 1] * 10 + digits[:, 2]
    year = CENTURIES[digits[:, 3]] + digits[:, 4] * 10 + digits[:, 5]
    in_range = (province >= FIRST_PROVINCE_CODE) & (province <= LAST_PROVINCE_CODE)
    return good & in_range & (year <= datetime.date.today().year)


def _detail_messages(exc: APIException, headers: dict[str, str], default_column: str) -> list[tuple[str, str]]:
    """(column, message) pairs of a refusal, as `EmployeeImporter._report` spreads it."""
    detail = exc.detail
    if isinstance(detail, dict):
        return [(headers.get(name, name), str(message)) for name, messages in detail.items() for message in messages]
    return [(headers.get(default_column, ""), str(detail))]


class FastEmployeeImporter(EmployeeImporter):
    """`EmployeeImporter` with the checks over columns and, on PostgreSQL, the write with COPY."""

    # New people written at a time on PostgreSQL: the database writes one part while the next is made into rows
    # for COPY (`employee_bulk_load`). The first part is smaller, so that the database starts sooner.
    PART_ROWS = 20_000
    FIRST_PART_ROWS = 5_000

    @classmethod
    def read(cls, content: bytes, *, filename: str, errors: RowErrors) -> ColumnTable:
        return read_columns(content, filename=filename, columns=cls.columns, ignored=cls.ignored, errors=errors)

    def validate(self, table: ColumnTable, result: ImportResult) -> None:
        self._load_references()
        self.headers = {column.key: self.header(table, column.key) for column in self.columns}
        present = set(table.headers)
        total = len(table.numbers)
        cells = {key: table.column(key) for key in KEYS}
        numbers = np.asarray(table.numbers, dtype=np.int64)
        self._errors: list[tuple] = []  # (phase, position, order, column, message)
        bad: dict[str, np.ndarray] = {}
        values: dict[str, np.ndarray] = {}

        def fail(key: str, mask: np.ndarray, messages, order: str | None = None) -> None:
            """Cell errors on the rows of `mask`; `messages` is one text, an array aligned with the rows,
            or a function of the row's position."""
            bad[key] = bad.get(key, np.zeros(total, dtype=bool)) | mask
            where = np.flatnonzero(mask)
            if isinstance(messages, str):
                texts = [messages] * len(where)
            elif callable(messages):
                texts = [messages(p) for p in where]
            else:
                texts = messages[where]
            rank = CELL_ORDER[order or key]
            column = self.headers[key]
            self._errors.extend((CELL_PHASE, int(p), rank, column, str(m)) for p, m in zip(where, texts, strict=True))

        for key in DATE_FIELDS:
            values[key], messages = _parse_distinct(cells[key], _parse_date)
            fail(key, _present(messages), messages)
        for key, lookup in self.choices.items():
            values[key], messages = _parse_distinct(cells[key], lambda text, lookup=lookup: parse_choice(text, lookup))
            fail(key, _present(messages), messages)
            values[key][_present(messages)] = ""

        unit_codes = cells["unit"]
        values["unit"] = _lookup(unit_codes, self.units)
        unknown = (unit_codes != "") & ~_found(values["unit"])
        fail("unit", unknown, lambda p: _("No unit has the code “%(code)s”.") % {"code": unit_codes[p]})
        for key, known in (("position", self.positions), ("rank", self.ranks)):
            codes = cells[key]
            values[key] = _lookup(codes, known)
            unknown = (codes != "") & ~_found(values[key])
            fail(key, unknown, lambda p, codes=codes: _("Unknown code “%(code)s”.") % {"code": codes[p]})
        steps, messages = _parse_distinct(cells["salary_step"], parse_int)
        fail("salary_step", _present(messages), messages)
        has_step = _present(steps)
        has_rank = _found(values["rank"])
        fail("rank", has_step & ~has_rank & (cells["rank"] == ""), _("A salary step needs a rank."), "step_rule")
        ranked = np.flatnonzero(has_step & has_rank)
        scale_of = {code: getattr(self.ranks.get(code), "scale_id", None) for code in pd.unique(cells["rank"])}
        scales = _spread(cells["rank"], scale_of)
        step_objects = np.full(total, None, dtype=object)
        step_objects[ranked] = [self.steps.get(key) for key in zip(scales[ranked], steps[ranked], strict=True)]
        missing = np.zeros(total, dtype=bool)
        missing[ranked] = ~_found(step_objects[ranked])
        rank_objects = values["rank"]
        fail(
            "salary_step",
            missing,
            lambda p: (
                _("The salary scale of rank %(rank)s has no step %(step)s.")
                % {"rank": rank_objects[p].code, "step": steps[p]}
            ),
            "step_rule",
        )
        values["salary_step"] = step_objects
        if "unit" in present:
            fail("unit", unit_codes == "", _("This field cannot be blank."), "unit_blank")

        national_ids = cells["national_id"]
        filled = national_ids != ""
        repeated = pd.Series(national_ids, dtype=object).duplicated(keep="first").to_numpy() & filled
        firsts = filled & ~repeated
        first_rows = dict(zip(national_ids[firsts], numbers[firsts].tolist(), strict=True))
        fail(
            "national_id",
            repeated,
            lambda p: _("The same person appears on row %(row)s.") % {"row": first_rows[national_ids[p]]},
            "dup",
        )
        existing = self._existing(list(set(national_ids[filled].tolist())))
        known = pd.Series(national_ids, dtype=object).isin(list(existing)).to_numpy(dtype=bool)
        creating = ~repeated & ~known
        updating = ~repeated & known
        invalid = np.zeros(total, dtype=bool)
        for mask in bad.values():
            invalid |= mask

        refused = self._check_new(cells, values, bad, invalid, creating)
        self._errors.sort(key=lambda error: error[:3])
        for _phase, position, _order, column, message in self._errors:
            self.errors.add(int(numbers[position]), column, message)
        self.progress("validate", total, total)

        self.new_rows = np.flatnonzero(creating)
        self.cells, self.values, self.numbers = cells, values, numbers
        result.created = int(creating.sum() - refused[creating].sum())
        self.to_create = []
        self.to_update = []
        for position in np.flatnonzero(updating):
            current = existing[national_ids[position]]
            row_bad = {key for key, mask in bad.items() if mask[position]}
            self._plan_update(int(numbers[position]), current, self._row(position), row_bad, present, result)
        _changed, update_errors = employee_bulk_check_changes(
            actor=self.actor, changes=[change for _n, change in self.to_update]
        )
        self._report([n for n, _change in self.to_update], update_errors, default_column="national_id")
        result.updated = len(self.to_update) - len(update_errors)

    def _row(self, position: int) -> dict:
        """One row's typed values, as `EmployeeImporter._parse` gives them."""
        return {key: (self.values if key in self.values else self.cells)[key][position] for key in KEYS}

    def _existing(self, national_ids: list[str]) -> dict[str, Employee]:
        """The known people among `national_ids`: one look-up of the numbers, then only their records."""
        if connection.vendor != "postgresql":
            return super()._existing(national_ids)
        # One text of the numbers split by the server, rather than a 100,000-element array parameter (adapted in
        # Python) or a JSON array (the planner guesses 100 elements, and probes the index once per number):
        # `unnest` of a constant is counted, and the planner joins by hash when that is cheaper (issue 15: 75
        # instead of 250 ms for 100,000 numbers). The separator is a control character, which no cell holds.
        joined = SEPARATOR.join(national_ids)
        if joined.count(SEPARATOR) != max(len(national_ids) - 1, 0):  # cells not read from a file: names no one
            joined = SEPARATOR.join(number for number in national_ids if SEPARATOR not in number)
        if not joined:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT national_id FROM hr_employee JOIN unnest(string_to_array(%s, %s)) AS wanted (number)"
                " ON national_id = wanted.number",
                [joined, SEPARATOR],
            )
            known = [row[0] for row in cursor.fetchall()]
        return super()._existing(known) if known else {}

    def _check_new(self, cells: dict, values: dict, bad: dict, invalid: np.ndarray, creating: np.ndarray) -> np.ndarray:
        """`employee_bulk_check`'s rules over the new people as masks; returns which rows it refuses."""
        total = len(creating)
        refused = np.zeros(total, dtype=bool)
        nothing = np.zeros(total, dtype=bool)

        def refuse(mask: np.ndarray, order: int, pairs_of) -> None:
            for position in np.flatnonzero(mask):
                for column, message in pairs_of(position):
                    self._errors.append((CREATE_PHASE, int(position), order, column, message))
            refused[mask] = True

        # The actor's scope, asked once per distinct unit (`_build` asks it first, before anything else).
        units = values["unit"]
        checked = creating & ~bad.get("unit", nothing) & _found(units)
        codes = cells["unit"]
        scope: dict[str, list[tuple[str, str]]] = {}
        for code in pd.unique(codes[checked]):
            try:
                access_unit_for_write(self.actor, self.units[code])
            except (ValidationError, APIException) as exc:
                scope[code] = _detail_messages(exc, self.headers, "unit")
        if scope:
            refuse(checked & np.isin(codes, list(scope)), 0, lambda p: scope[codes[p]])

        # The first assignment lies within the unit's validity (`_build` asks it right after the scope):
        # a mask of the rows whose unit began after their recruitment or has an end, then the service's check.
        recruited = values["recruitment_date"]
        dated = checked & ~refused & ~bad.get("recruitment_date", nothing) & _present(recruited)
        suspect = np.zeros(total, dtype=bool)
        where = np.flatnonzero(dated)
        if len(where):
            distinct = pd.unique(codes[where])
            starts = _spread(codes[where], {code: self.units[code].valid_from for code in distinct})
            ending = _spread(codes[where], {code: self.units[code].valid_to is not None for code in distinct})
            suspect[where] = ending.astype(bool) | (recruited[where] < starts)
        outside: dict[int, list[tuple[str, str]]] = {}
        for position in np.flatnonzero(suspect):
            try:
                check_assignment_in_unit(self.units[codes[position]], recruited[position], field="unit")
            except (ValidationError, APIException) as exc:
                outside[position] = _detail_messages(exc, self.headers, "unit")
        failed_unit = np.zeros(total, dtype=bool)
        failed_unit[list(outside)] = True
        refuse(failed_unit, 0, lambda p: outside[p])

        # full_clean(), field by field in the model's order; a mask picks the cells that may fail, and the
        # field itself says how (the same messages, "it has 13 characters" included).
        cleaning = creating & ~refused
        field_errors: dict[int, list[tuple[str, str]]] = {}
        for name in CLEANED_FIELDS:
            field = Employee._meta.get_field(name)
            if name in DATE_FIELDS or name in CHOICE_FIELDS:
                column = values[name]
                suspect = cleaning & ~bad.get(name, nothing)
            elif name in cells:
                column = cells[name]
                suspect = cleaning.copy()
            else:
                continue  # the coefficient comes from the step, valid by construction
            if name in DEFAULTED_FIELDS:
                column = np.where(column == "", field.get_default(), column)
            suspect &= self._suspect(name, column, field)
            for position in np.flatnonzero(suspect):
                value = column[position]
                if field.blank and value in field.empty_values:
                    continue
                try:
                    field.clean(value, None)
                except ValidationError as exc:
                    column_name = self.headers.get(name, name)
                    field_errors.setdefault(position, []).extend((column_name, m) for m in exc.messages)
        failed = np.zeros(total, dtype=bool)
        failed[list(field_errors)] = True
        refuse(failed, 1, lambda p: field_errors[p])
        # A cell already reported keeps the row refused without saying it twice.
        refused |= creating & invalid

        # The national ID's century, year and sex digits against the person.
        identity = creating & ~refused
        national_ids = cells["national_id"]
        births, sexes = values["date_of_birth"], values["sex"]
        # Only twelve ASCII digits passed `full_clean` above (hr.identity): no other digit reaches here.
        ascii_ids, digits = _ascii_digits(national_ids, NATIONAL_ID_LENGTH)
        born_known = _present(births)
        plain = np.flatnonzero(identity & born_known & ascii_ids)
        suspect = np.zeros(total, dtype=bool)
        if len(plain):
            code = digits[plain, 3]
            year = CENTURIES[code] + digits[plain, 4] * 10 + digits[plain, 5]
            born = np.array([day.year for day in births[plain]], dtype=np.int64)
            sex = sexes[plain]
            wrong = (year != born) | ((sex != "") & ((code % 2 == 1) != (sex == "F")))
            suspect[plain[wrong]] = True
        problems = {}
        for position in np.flatnonzero(suspect):
            problem = national_id_mismatch(national_ids[position], births[position], sexes[position])
            if problem:
                problems[position] = [(self.headers["national_id"], problem)]
        mismatched = np.zeros(total, dtype=bool)
        mismatched[list(problems)] = True
        refuse(mismatched, 2, lambda p: problems[p])
        return refused

    @staticmethod
    def _suspect(name: str, column: np.ndarray, field) -> np.ndarray:
        """Cells of `column` that `field.clean` may refuse; the others pass it for certain."""
        if name == "national_id":
            return ~national_id_plausible(column)
        if name == "legacy_id_number":
            return (column != "") & ~_ascii_digits(column, LEGACY_ID_LENGTH)[0]
        if name == "email":
            return column != ""
        # `field.empty_values` of text, dates and None: the empty string and None.
        empty = ((column == "") | np.equal(column, None)) & (not field.blank)
        if field.max_length and name not in DATE_FIELDS:
            return empty | (_lengths(column) > field.max_length)
        # Dates and choices: a missing value on a required field (a parsed value is valid).
        return empty

    def _new_people(self, rows: np.ndarray) -> pd.DataFrame:
        """The new people of `rows` (positions in the file) as the columns `employee_bulk_load` takes, derived as
        `_build` derives them."""
        cells = {key: column[rows] for key, column in self.cells.items()}
        values = {key: column[rows] for key, column in self.values.items()}
        people = {key: cells[key] for key in ("national_id", "legacy_id_number", "full_name", "email")}
        for key in ("ethnicity", "status"):
            default = Employee._meta.get_field(key).get_default()
            source = cells if key in cells and key not in values else values
            people[key] = np.where(source[key] == "", default, source[key])
        for key in CHOICE_FIELDS:
            if key != "status":
                people[key] = values[key]
        people["date_of_birth"] = values["date_of_birth"]
        people["recruitment_date"] = values["recruitment_date"]
        for key in ("unit", "position", "rank", "salary_step"):
            people[f"{key}_id"] = _attribute(values[key], "pk")
        step = values["salary_step"]
        ranked = _found(step)
        people["salary_coefficient"] = _attribute(step, "coefficient")
        salary_date = np.where(_present(values["salary_date"]), values["salary_date"], values["recruitment_date"])
        people["salary_date"] = np.where(ranked, salary_date, None)
        people["decision_number"] = cells["decision_number"]
        return pd.DataFrame(people)

    def _new_people_parts(self):
        """The new people in parts of `PART_ROWS`, each made while `employee_bulk_load` writes the one before."""
        rows = self.new_rows
        bounds = [0, *range(min(self.FIRST_PART_ROWS, self.PART_ROWS), len(rows), self.PART_ROWS), len(rows)]
        for start, stop in itertools.pairwise(bounds):
            yield self._new_people(rows[start:stop])

    def _new_employees(self, result: ImportResult) -> None:
        """The same people as `NewEmployee`s in `to_create`, for `employee_bulk_create` (databases without COPY)."""
        for position in self.new_rows:
            self._plan_create(int(self.numbers[position]), self._row(position), set(), result)

    def write(self, result: ImportResult) -> None:
        total = len(self.new_rows) + len(self.to_update)
        if connection.vendor != "postgresql":
            self._new_employees(result)
            super().write(result)
            return
        try:
            employee_bulk_load(actor=self.actor, people=self._new_people_parts())
            self.progress("write", len(self.new_rows), total)
            if self.to_update:
                employee_bulk_update(actor=self.actor, changes=[change for _n, change in self.to_update])
                self.progress("write", total, total)
        except RowsRefused as exc:
            raise IntegrityError(str(INTEGRITY_MESSAGE)) from exc
