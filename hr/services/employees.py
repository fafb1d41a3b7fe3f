"""Writes to employee records: creation, corrections, transfers and salary decisions."""

import csv
import datetime
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from backend.api.exceptions import ApplicationError
from hr.access import access_employee_for_write, access_unit_for_write
from hr.identity import national_id_mismatch
from hr.models import Assignment, Employee, OrgUnit, Position, Rank, Restriction, SalaryRecord, SalaryStep, User
from hr.selectors.discipline import restrictions_in_force
from hr.services.changes import person_changes_insert_sql, person_changes_record, source_of

# Fields that change only through a dated decision (transfer, salary change), never by edit.
DECISION_FIELDS = frozenset({"unit", "position", "rank", "salary_step", "salary_coefficient", "salary_date"})


def _check_identity(employee: Employee) -> None:
    problem = national_id_mismatch(employee.national_id, employee.date_of_birth, employee.sex)
    if problem:
        raise ValidationError({"national_id": ValidationError(problem, code="national_id_mismatch")})


def _check_step_in_rank(rank: Rank | None, step: SalaryStep | None) -> None:
    if step is not None and rank is None:
        raise ValidationError({"rank": ValidationError(_("A salary step needs a rank."), code="rank_required")})
    if rank is not None and step is not None and step.scale_id != rank.scale_id:
        message = _("The salary step does not belong to the rank's salary scale.")
        raise ValidationError({"salary_step": ValidationError(message, code="step_not_in_scale")})


def _check_not_future(day: datetime.date, *, field: str) -> None:
    # The record's current unit and salary follow the newest decision at once, so a
    # decision is entered on or after the day it takes effect (no hidden scheduled change).
    if day > datetime.date.today():
        raise ApplicationError(
            _("A decision is recorded once it has taken effect; the date is in the future."),
            field=field,
            code="future_date",
        )


def check_assignment_in_unit(
    unit: OrgUnit, start: datetime.date, end: datetime.date | None = None, *, field: str
) -> None:
    """An assignment from `start` to `end` (None: until further notice) lies within the unit's validity.

    Nobody is assigned to a unit before it exists or after it ends (DOMAIN.md §6.7: a district abolished
    on 01/07/2025 holds no one from that day); an open assignment cannot outlive a unit that has an end.
    """
    runs_past_end = unit.valid_to is not None and (end is None or end > unit.valid_to)
    if start >= unit.valid_from and not runs_past_end:
        return
    values = {"start": unit.valid_from.strftime("%d/%m/%Y")}
    if unit.valid_to is None:
        message = _("The unit exists from %(start)s; nobody is assigned to it before that day.") % values
    else:
        values["end"] = unit.valid_to.strftime("%d/%m/%Y")
        message = (
            _(
                "The unit exists from %(start)s to %(end)s; an assignment there begins and ends within those"
                " dates (a transfer out is recorded before the unit ends)."
            )
            % values
        )
    raise ApplicationError(message, field=field, code="assignment_outside_unit")


def _check_discipline(employee: Employee, wanted: set[str], *, on: datetime.date, field: str) -> None:
    """Refuse a decision that a discipline decision in force on `on` forbids (Luật CBCC 2025 Điều 38)."""
    if not wanted:
        return
    blocked = wanted & restrictions_in_force(employee=employee, on=on)
    if blocked:
        labels = ", ".join(str(Restriction(r).label).lower() for r in sorted(blocked))
        raise ApplicationError(
            _("The person is under a discipline decision in force on %(date)s, which forbids: %(what)s.")
            % {"date": on.strftime("%d/%m/%Y"), "what": labels},
            field=field,
            code="restricted_by_discipline",
        )


@dataclass(frozen=True)
class NewEmployee:
    """One person to register: where they start, their first post and salary, and their personal data.

    `invalid` names fields the caller already refused (a cell it could not read): they are not
    validated again, so each problem is reported once, and the row is refused.
    """

    unit: OrgUnit
    recruitment_date: datetime.date
    position: Position | None = None
    rank: Rank | None = None
    salary_step: SalaryStep | None = None
    salary_date: datetime.date | None = None
    decision_number: str = ""
    fields: dict = field(default_factory=dict)
    invalid: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EmployeeChange:
    """Corrections of one person's personal data (a bulk `employee_update`); `invalid` as for `NewEmployee`."""

    employee: Employee
    fields: dict
    invalid: frozenset[str] = frozenset()


class RowsRefused(Exception):
    """Some rows of a bulk write were refused and nothing was written; `errors` maps row index to refusal."""

    def __init__(self, errors: dict[int, Exception]):
        super().__init__(f"{len(errors)} rows refused")
        self.errors = errors


# Objects passed in are already resolved, so their foreign keys are not looked up again per row.
RELATION_FIELDS = ["unit", "position", "rank", "salary_step"]
BATCH_SIZE = 2000
LOOKUP_CHUNK = 5000


def _build(actor: User | None, new: NewEmployee) -> Employee:
    if "unit" not in new.invalid:
        access_unit_for_write(actor, new.unit)
        if new.unit is not None and new.recruitment_date is not None and "recruitment_date" not in new.invalid:
            # The first assignment runs from the recruitment date until further notice.
            check_assignment_in_unit(new.unit, new.recruitment_date, field="unit")
    _check_step_in_rank(new.rank, new.salary_step)
    step = new.salary_step
    employee = Employee(
        unit=new.unit,
        position=new.position,
        rank=new.rank,
        salary_step=step,
        salary_coefficient=step.coefficient if step else None,
        salary_date=(new.salary_date or new.recruitment_date) if step else None,
        recruitment_date=new.recruitment_date,
        **new.fields,
    )
    _validate(employee, new.invalid)
    return employee


def _validate(employee: Employee, invalid: frozenset[str]) -> None:
    # Uniqueness is checked once for the whole batch (`_check_unique`), not by a query per row.
    employee.full_clean(exclude=[*RELATION_FIELDS, *invalid], validate_unique=False, validate_constraints=False)
    if invalid:
        # The caller has reported these fields already; the row stays refused without saying it twice.
        raise ValidationError({})
    _check_identity(employee)


def _check_unique(employees: dict[int, Employee], errors: dict[int, Exception]) -> None:
    """A national ID belongs to one person: not twice in the batch, and not already another person's."""
    by_id: dict[str, int] = {}
    for index, employee in employees.items():
        if employee.national_id in by_id:
            message = _("The same person appears twice in the list.")
            errors[index] = ValidationError({"national_id": ValidationError(message, code="duplicate_entry")})
        else:
            by_id[employee.national_id] = index
    ids = sorted(by_id)
    for start in range(0, len(ids), LOOKUP_CHUNK):
        taken = Employee.objects.filter(national_id__in=ids[start : start + LOOKUP_CHUNK])
        for national_id, pk in taken.values_list("national_id", "pk"):
            index = by_id[national_id]
            if employees[index].pk != pk:
                message = _("Another person already has this personal identification number.")
                errors[index] = ValidationError({"national_id": ValidationError(message, code="national_id_taken")})


def _check_rows(rows: list, check) -> tuple[list[Employee | None], dict[int, Exception]]:
    """`check(row)` on every row, then the batch's national IDs: the records and each refused row's reason."""
    checked: dict[int, Employee] = {}
    errors: dict[int, Exception] = {}
    for index, row in enumerate(rows):
        try:
            checked[index] = check(row)
        except (ValidationError, APIException) as exc:
            errors[index] = exc
    _check_unique({i: e for i, e in checked.items() if i not in errors}, errors)
    return [checked.get(i) for i in range(len(rows))], errors


def employee_bulk_check(
    *, actor: User | None, people: list[NewEmployee]
) -> tuple[list[Employee | None], dict[int, Exception]]:
    """Every rule `employee_bulk_create` applies, writing nothing: the built records and each row's refusal."""
    return _check_rows(people, lambda new: _build(actor, new))


@transaction.atomic
def employee_bulk_create(*, actor: User | None, people: list[NewEmployee]) -> list[Employee]:
    """Register many people at once, each with their first assignment and salary record; all or nothing.

    The rules are `employee_create`'s, row by row; refused rows raise `RowsRefused` and nothing is written.
    """
    employees, errors = employee_bulk_check(actor=actor, people=people)
    if errors:
        raise RowsRefused(errors)
    recruitment = _("Recruitment")
    for start in range(0, len(people), BATCH_SIZE):
        batch = list(zip(employees[start : start + BATCH_SIZE], people[start : start + BATCH_SIZE], strict=True))
        bulk_create_with_history([e for e, _new in batch], Employee, batch_size=BATCH_SIZE, default_user=actor)
        Assignment.objects.bulk_create(
            Assignment(
                employee=employee,
                unit_id=employee.unit_id,
                position_id=employee.position_id,
                start_date=employee.recruitment_date,
                decision_number=new.decision_number,
                note=recruitment,
                created_by=actor,
            )
            for employee, new in batch
        )
        SalaryRecord.objects.bulk_create(
            SalaryRecord(
                employee=employee,
                rank_id=employee.rank_id,
                salary_step_id=employee.salary_step_id,
                coefficient=employee.salary_coefficient,
                effective_date=employee.salary_date,
                decision_number=new.decision_number,
                reason=recruitment,
                created_by=actor,
            )
            for employee, new in batch
            if employee.salary_step_id
        )
        people_ids = [employee.pk for employee, _new in batch]
        person_changes_record(model=Employee, rows=[(pk, pk) for pk in people_ids])
        for model in (Assignment, SalaryRecord):
            person_changes_record(
                model=model, rows=model.objects.filter(employee_id__in=people_ids).values_list("employee_id", "pk")
            )
    return employees


# Text columns of a COPY: an empty cell is the empty string, never NULL.
COPY_TEXT_COLUMNS = [
    "national_id",
    "legacy_id_number",
    "full_name",
    "sex",
    "ethnicity",
    "email",
    "category",
    "status",
    "education_level",
    "political_theory_level",
    "state_management_level",
]
COPY_COLUMNS = [
    *COPY_TEXT_COLUMNS,
    "date_of_birth",
    "unit_id",
    "position_id",
    "rank_id",
    "salary_step_id",
    "salary_coefficient",
    "salary_date",
    "recruitment_date",
]

# Every foreign key of the rows `employee_bulk_load` writes, by where its value comes from: a column of the
# loaded rows (naming a row that existed before the load), the new employee's own id, or the actor.
# tests/hr/test_employee_bulk_load_keys.py proves the list complete against the models.
LOADED_KEYS = {"unit_id": OrgUnit, "position_id": Position, "rank_id": Rank, "salary_step_id": SalaryStep}
LOAD_FOREIGN_KEYS = {
    Employee: {"unit_id": "loaded", "position_id": "loaded", "rank_id": "loaded", "salary_step_id": "loaded"},
    Employee.history.model: {"history_user_id": "actor"},
    Assignment: {"employee_id": "new", "unit_id": "loaded", "position_id": "loaded", "created_by_id": "actor"},
    SalaryRecord: {"employee_id": "new", "rank_id": "loaded", "salary_step_id": "loaded", "created_by_id": "actor"},
}


def _may_skip_row_triggers(cursor) -> bool:
    # Superusers, and from PostgreSQL 15 a role granted SET on the parameter, may turn row triggers off.
    cursor.execute("SELECT current_setting('is_superuser') = 'on'")
    if cursor.fetchone()[0]:
        return True
    # The cursor's own connection: in the load's writer thread, `connection` would be another one.
    if cursor.db.pg_version < 150000:
        return False
    cursor.execute("SELECT has_parameter_privilege('session_replication_role', 'SET')")
    return cursor.fetchone()[0]


def _check_keys_at_once(cursor, keys: dict[str, set[int]], actor_id: int | None) -> None:
    """Check the loaded rows' foreign keys once per referenced row, as the row triggers would.

    The checks of a foreign key constraint are triggers that run once per written row at commit: each
    looks the referenced row up and locks it FOR KEY SHARE, so that it cannot be deleted (nor its key
    changed) until the transaction ends. At 100,000 people that is 1.3 million lookups of the same few
    hundred units, posts, ranks and steps and of the one actor. Here each referenced row is looked up
    and locked FOR KEY SHARE once (one statement a table, over the distinct ids the rows name), and a key
    naming no row raises the IntegrityError the trigger would have raised. The new employees' own ids
    need no check: they are this transaction's rows, which no other transaction sees.
    """
    for column, wanted in keys.items():
        if not wanted:
            continue
        table = LOADED_KEYS[column]._meta.db_table
        cursor.execute(f"SELECT id FROM {table} WHERE id = ANY(%s) ORDER BY id FOR KEY SHARE", [sorted(wanted)])
        missing = sorted(wanted - {row[0] for row in cursor.fetchall()})
        if missing:
            raise IntegrityError(
                f'insert or update on table "{Employee._meta.db_table}" violates foreign key constraint on'
                f' {column}: Key ({column})=({missing[0]}) is not present in table "{table}".'
            )
    if actor_id is not None:
        cursor.execute(f"SELECT id FROM {User._meta.db_table} WHERE id = %s FOR KEY SHARE", [actor_id])
        if cursor.fetchone() is None:
            raise IntegrityError(
                f"insert or update violates foreign key constraints on created_by_id and history_user_id:"
                f' Key (id)=({actor_id}) is not present in table "{User._meta.db_table}".'
            )


def _restore_row_triggers(cursor, previous: str | None) -> None:
    if previous is not None:
        cursor.execute("SELECT set_config('session_replication_role', %s, true)", [previous])


def _copy_body(columns: list) -> bytes:
    """The rows of `columns` (sequences of equal length) as CSV for COPY; a missing value is an empty field.

    Python's csv writer, in C, over columns of text; pandas' `to_csv` formatted cell by cell (0.8 s of a
    100,000-row load, issue 15). A pandas Series that is not text is written by its distinct values.
    """
    lists = []
    for column in columns:
        if hasattr(column, "dtype") and column.dtype != "str":
            # Dates, keys and coefficients repeat: each distinct value is written once, then picked by its code
            # (the writer's own `str()` of a million dates was most of its time). Missing values (None, NaN,
            # NA) have the code -1, the empty field.
            codes, distinct = pd.factorize(column, use_na_sentinel=True)
            texts = np.array([*(str(value) for value in distinct), ""], dtype=object)
            column = texts[codes].tolist()
        elif hasattr(column, "hasnans"):
            column = (column.fillna("") if column.hasnans else column).tolist()
        lists.append(column)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(zip(*lists, strict=True))
    return buffer.getvalue().encode("utf-8")


LOADED_COLUMNS = [*COPY_COLUMNS, "decision_number"]
LOAD_TABLE_COLUMNS = ", ".join(["id", *COPY_COLUMNS, "created_at", "updated_at"])


@dataclass
class _Load:
    """One bulk load under way: its connection, its stamp and actor, and what its earlier parts have done."""

    database: BaseDatabaseWrapper
    actor_id: int | None
    now: datetime.datetime
    # The first assignments' note, translated in the caller's thread (the writer's has the default language).
    note: str
    parts: int = 0
    keys_at_once: bool = False
    previous_role: str | None = None
    checked: dict[str, set[int]] = field(default_factory=lambda: {column: set() for column in LOADED_KEYS})


def _part_input(part: pd.DataFrame, now: datetime.datetime) -> tuple[bytes, dict[str, set[int]]]:
    """A part's COPY text, and the distinct ids each of its key columns names."""
    stamp = [now.isoformat()] * len(part)
    # Keys as integers whatever the frame holds (a float column would write "7.0").
    keys = {column: part[column].astype("Int64") for column in LOADED_KEYS}
    body = _copy_body([*(keys.get(name, part[name]) for name in LOADED_COLUMNS), stamp, stamp])
    return body, {column: set(values.dropna().unique().tolist()) for column, values in keys.items()}


def _load_begin(load: _Load, cursor) -> None:
    """The temporary table the parts are copied into, each row given its id by the employee sequence."""
    # The ids' read sorts in memory rather than on disk, however large the part (the default is 4 MB).
    cursor.execute("SELECT set_config('work_mem', '64MB', true)")
    cursor.execute(
        f"CREATE TEMPORARY TABLE employee_load ON COMMIT DROP AS SELECT {LOAD_TABLE_COLUMNS},"
        " ''::text AS decision_number FROM hr_employee WITH NO DATA"
    )
    cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [Employee._meta.db_table])
    sequence = cursor.fetchone()[0]
    # The sequence's name comes from the catalog (DDL takes no parameters).
    cursor.execute(f"ALTER TABLE employee_load ALTER COLUMN id SET DEFAULT nextval('{sequence}'::regclass)")
    load.keys_at_once = _may_skip_row_triggers(cursor)


def _load_part(load: _Load, body: bytes, keys: dict[str, set[int]]) -> list[int]:
    """Write one part (its COPY body and the distinct keys it names) into every table; its new ids in row order.

    Runs in the load's writer thread, on the caller's connection and transaction. The COPY goes through the
    driver's own cursor: its errors are made Django's as the statements' are.
    """
    history = Employee.history.model
    tracked = [f.column for f in history._meta.fields if not f.attname.startswith("history_")]
    with load.database.wrap_database_errors, load.database.cursor() as cursor:
        if load.parts:
            cursor.execute("TRUNCATE employee_load")
        else:
            _load_begin(load, cursor)
        not_null = ", ".join([*COPY_TEXT_COLUMNS, "decision_number"])
        with cursor.cursor.copy(
            f"COPY employee_load ({', '.join(LOADED_COLUMNS)}, created_at, updated_at) FROM STDIN"
            f" (FORMAT csv, FORCE_NOT_NULL ({not_null}))"
        ) as copy:
            copy.write(body)
        if load.keys_at_once:
            unchecked = {column: wanted - load.checked[column] for column, wanted in keys.items()}
            _check_keys_at_once(cursor, unchecked, None if load.parts else load.actor_id)
            for column, wanted in unchecked.items():
                load.checked[column] |= wanted
            if not load.parts:
                # Row triggers off for this transaction only; unique and check constraints are indexes and
                # expressions, not triggers, and still apply. The session's setting comes back at the end.
                cursor.execute("SELECT current_setting('session_replication_role')")
                load.previous_role = cursor.fetchone()[0]
                cursor.execute("SELECT set_config('session_replication_role', 'replica', true)")
        # The statements go to the server in one pipeline: it runs them back to back, without waiting for this
        # thread between them (which needs the GIL to send each next one while the caller's thread works).
        with load.database.connection.pipeline():
            # The INSERTs read the temporary table in its own order, which is the id order: one COPY appended its
            # rows and nothing else writes it (sorting it by id cost some 50 ms a statement at 100,000 rows).
            cursor.execute(
                f"INSERT INTO {Employee._meta.db_table} ({LOAD_TABLE_COLUMNS})"
                f" SELECT {LOAD_TABLE_COLUMNS} FROM employee_load"
            )
            cursor.execute(
                f"INSERT INTO {history._meta.db_table} ({', '.join(tracked)}, history_date, history_change_reason,"
                f" history_type, history_user_id) SELECT {', '.join(tracked)}, %s, NULL, '+', %s"
                " FROM employee_load",
                [load.now, load.actor_id],
            )
            # The change log of the national database feed, in the same transaction (hr/models/changes.py); its rows
            # name only the records just loaded, so they are written while the row triggers are still off. The
            # first assignments and salary records are logged from the INSERT's own RETURNING rows: selecting them
            # back by employee read the whole table of every person's records (issue 15: 1.9 s at 100,000 rows).
            logged = (
                (
                    Assignment,
                    f"INSERT INTO {Assignment._meta.db_table} (employee_id, unit_id, position_id, start_date, end_date,"
                    " decision_number, note, created_by_id, created_at)"
                    " SELECT id, unit_id, position_id, recruitment_date, NULL, decision_number, %s, %s, %s"
                    " FROM employee_load",
                ),
                (
                    SalaryRecord,
                    f"INSERT INTO {SalaryRecord._meta.db_table} (employee_id, rank_id, salary_step_id, coefficient,"
                    " effective_date, decision_number, reason, created_by_id, created_at)"
                    " SELECT id, rank_id, salary_step_id, salary_coefficient, salary_date, decision_number, %s, %s, %s"
                    " FROM employee_load WHERE salary_step_id IS NOT NULL",
                ),
            )
            sql, params = person_changes_insert_sql(
                select="SELECT id, id FROM employee_load", source=source_of(Employee)
            )
            cursor.execute(sql, params)
            for model, insert in logged:
                changes, change_params = person_changes_insert_sql(
                    select="SELECT employee_id, id FROM inserted", source=source_of(model)
                )
                cursor.execute(
                    f"WITH inserted AS ({insert} RETURNING employee_id, id) {changes}",
                    [load.note, load.actor_id, load.now, *change_params],
                )
            cursor.execute("SELECT id FROM employee_load ORDER BY id")
        load.parts += 1
        return [row[0] for row in cursor.fetchall()]


def _load_end(load: _Load) -> None:
    with load.database.wrap_database_errors, load.database.cursor() as cursor:
        _restore_row_triggers(cursor, load.previous_role)
        cursor.execute("DROP TABLE employee_load")


def employee_bulk_load(*, actor: User | None, people) -> list[int]:
    """Register many checked people at once on PostgreSQL: COPY and set-based SQL; all or nothing.

    `people` is a pandas DataFrame, or an iterable of them (parts of one load), with the `COPY_COLUMNS`
    (foreign keys as ids, dates, the step's coefficient and salary date already derived as `_build`
    derives them, blanks as "" or None) and `decision_number`, whose rows passed `employee_bulk_check`'s
    rules (the fast importer checks them column by column). The actor's scope is checked again here over
    the distinct units, and the national IDs by the unique constraint. Writes what `employee_bulk_create`
    writes: the employees, one history row each with the same values ("+", the actor, one timestamp, no
    change reason), the first assignment and, when ranked, the first salary record. Returns the new ids
    in row order.

    Each part is written by a writer thread on this connection and transaction while the next part is
    taken from `people` and made into CSV: the database's work on one part overlaps this process's work
    on the next (a generator of parts makes each when asked; the fast importer's does). Foreign keys
    are checked once per referenced row rather than once per written row when the database role may do
    so (`_check_keys_at_once`: the same rows locked, the same IntegrityError).
    """
    if connection.vendor != "postgresql":
        raise NotImplementedError("employee_bulk_load needs PostgreSQL; use employee_bulk_create")
    parts = [people] if isinstance(people, pd.DataFrame) else people
    database = connections[connection.alias]
    load = _Load(database=database, actor_id=getattr(actor, "pk", None), now=timezone.now(), note=_("Recruitment"))
    scoped: set[int] = set()
    ids: list[int] = []
    with transaction.atomic():
        database.inc_thread_sharing()
        try:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="employee-load") as writer:
                pending = None
                for part in parts:
                    if not len(part):
                        continue
                    body, distinct = _part_input(part, load.now)
                    # The connection is the writer's while a part is written: this thread reads the new units'
                    # scope only once the part before is done (a query sent meanwhile would meet the writer's
                    # pipeline: "another command is already in progress"), so the writer's error, if any, is
                    # the one `result()` raises here.
                    if pending is not None:
                        ids += pending.result()
                    for unit in OrgUnit.objects.filter(pk__in=distinct["unit_id"] - scoped):
                        access_unit_for_write(actor, unit)
                    scoped |= distinct["unit_id"]
                    pending = writer.submit(_load_part, load, body, distinct)
                if pending is not None:
                    ids += pending.result()
                    writer.submit(_load_end, load).result()
        finally:
            database.dec_thread_sharing()
    return ids


def _single(exc: RowsRefused) -> Exception:
    return exc.errors[0]


def employee_create(
    *,
    actor: User | None,
    unit: OrgUnit,
    recruitment_date: datetime.date,
    position: Position | None = None,
    rank: Rank | None = None,
    salary_step: SalaryStep | None = None,
    salary_date: datetime.date | None = None,
    decision_number: str = "",
    **fields,
) -> Employee:
    """Register a person with their first assignment and, if ranked, their first salary record."""
    new = NewEmployee(
        unit=unit,
        recruitment_date=recruitment_date,
        position=position,
        rank=rank,
        salary_step=salary_step,
        salary_date=salary_date,
        decision_number=decision_number,
        fields=fields,
    )
    try:
        return employee_bulk_create(actor=actor, people=[new])[0]
    except RowsRefused as exc:
        raise _single(exc) from None


def _apply_change(actor: User | None, change: EmployeeChange) -> Employee:
    employee = change.employee
    # Named by its national ID in a file, the person is an input: a refusal is reported on that column.
    access_employee_for_write(actor, employee, field="national_id")
    forbidden = DECISION_FIELDS.intersection(change.fields)
    if forbidden:
        message = _("Changed only through a transfer or salary decision.")
        raise ValidationError(
            {name: ValidationError(message, code="decision_only_field") for name in sorted(forbidden)}
        )
    for name, value in change.fields.items():
        setattr(employee, name, value)
    _validate(employee, change.invalid)
    return employee


def employee_bulk_check_changes(
    *, actor: User | None, changes: list[EmployeeChange]
) -> tuple[list[Employee | None], dict[int, Exception]]:
    """Every rule `employee_bulk_update` applies, writing nothing (the records are changed in memory)."""
    return _check_rows(changes, lambda change: _apply_change(actor, change))


@transaction.atomic
def employee_bulk_update(*, actor: User | None, changes: list[EmployeeChange]) -> list[Employee]:
    """Correct many people's personal data at once; all or nothing, each version kept in the history."""
    employees, errors = employee_bulk_check_changes(actor=actor, changes=changes)
    if errors:
        raise RowsRefused(errors)
    now = timezone.now()
    names = sorted({name for change in changes for name in change.fields} | {"updated_at"})
    for employee in employees:
        # bulk_update skips auto_now, so the timestamp is set here.
        employee.updated_at = now
    bulk_update_with_history(employees, Employee, names, batch_size=BATCH_SIZE, default_user=actor)
    # One INSERT into the feed's change log per set of changed fields (an import changes the same columns).
    by_fields: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for change, employee in zip(changes, employees, strict=True):
        by_fields.setdefault(tuple(sorted(change.fields)), []).append((employee.pk, employee.pk))
    for names_changed, rows in by_fields.items():
        person_changes_record(model=Employee, rows=rows, fields=names_changed)
    return employees


def employee_update(*, employee: Employee, actor: User | None, **fields) -> Employee:
    """Correct personal data; unit, post, rank and salary change only through decisions."""
    try:
        return employee_bulk_update(actor=actor, changes=[EmployeeChange(employee=employee, fields=fields)])[0]
    except RowsRefused as exc:
        raise _single(exc) from None


@transaction.atomic
def employee_transfer(
    *,
    employee: Employee,
    actor: User | None,
    unit: OrgUnit,
    start_date: datetime.date,
    position: Position | None = None,
    decision_number: str = "",
    note: str = "",
) -> Assignment:
    """Move a person to a unit or post from a date: closes the current period, opens a new one."""
    access_employee_for_write(actor, employee)
    access_unit_for_write(actor, unit)
    _check_not_future(start_date, field="start_date")
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    current = employee.assignments.filter(end_date__isnull=True).order_by("-start_date").first()
    if current and start_date <= current.start_date:
        raise ApplicationError(
            _("The transfer must start after the current assignment began (%(date)s).")
            % {"date": current.start_date.strftime("%d/%m/%Y")},
            field="start_date",
            code="before_current_assignment",
        )
    if not unit.is_valid_on(start_date):
        raise ApplicationError(
            _("The unit is not in existence on the start date."), field="unit", code="unit_not_in_existence"
        )
    # The new period runs until further notice; the current one ends the day before the transfer.
    check_assignment_in_unit(unit, start_date, field="unit")
    if current:
        check_assignment_in_unit(
            current.unit, current.start_date, start_date - datetime.timedelta(days=1), field="start_date"
        )
    wanted = set()
    if unit.pk != employee.unit_id:
        wanted.add(Restriction.TRANSFER)
    if position is not None and position.is_leadership and position.pk != employee.position_id:
        wanted.add(Restriction.APPOINTMENT)
    _check_discipline(employee, wanted, on=start_date, field="start_date")
    if current:
        current.end_date = start_date - datetime.timedelta(days=1)
        current.save(update_fields=["end_date"])
    assignment = Assignment(
        employee=employee,
        unit=unit,
        position=position,
        start_date=start_date,
        decision_number=decision_number,
        note=note,
        created_by=actor,
    )
    assignment.full_clean()
    assignment.save()
    employee.unit = unit
    employee.position = position
    employee._history_user = actor
    employee.save(update_fields=["unit", "position", "updated_at"])
    if current:
        person_changes_record(model=Assignment, rows=[(employee.pk, current.pk)], fields=["end_date"])
    person_changes_record(model=Assignment, rows=[(employee.pk, assignment.pk)])
    person_changes_record(model=Employee, rows=[(employee.pk, employee.pk)], fields=["unit", "position"])
    return assignment


@transaction.atomic
def employee_change_salary(
    *,
    employee: Employee,
    actor: User | None,
    rank: Rank,
    salary_step: SalaryStep,
    effective_date: datetime.date,
    decision_number: str = "",
    reason: str = "",
) -> SalaryRecord:
    """Record a rank or salary-step decision and make it the person's current salary."""
    access_employee_for_write(actor, employee)
    _check_not_future(effective_date, field="effective_date")
    employee = Employee.objects.select_for_update().get(pk=employee.pk)
    _check_step_in_rank(rank, salary_step)
    # Only a move upwards is restricted: a higher coefficient in another rank is a promotion, in the same a raise.
    wanted = set()
    if employee.salary_coefficient is not None and salary_step.coefficient > employee.salary_coefficient:
        wanted.add(Restriction.RANK_PROMOTION if rank.pk != employee.rank_id else Restriction.SALARY_RAISE)
    _check_discipline(employee, wanted, on=effective_date, field="effective_date")
    latest = employee.salary_records.order_by("-effective_date").first()
    if latest and effective_date <= latest.effective_date:
        raise ApplicationError(
            _("The decision must take effect after the latest salary decision (%(date)s).")
            % {"date": latest.effective_date.strftime("%d/%m/%Y")},
            field="effective_date",
            code="before_latest_salary",
        )
    record = SalaryRecord(
        employee=employee,
        rank=rank,
        salary_step=salary_step,
        coefficient=salary_step.coefficient,
        effective_date=effective_date,
        decision_number=decision_number,
        reason=reason,
        created_by=actor,
    )
    record.full_clean()
    record.save()
    employee.rank = rank
    employee.salary_step = salary_step
    employee.salary_coefficient = salary_step.coefficient
    employee.salary_date = effective_date
    employee._history_user = actor
    employee.save(update_fields=["rank", "salary_step", "salary_coefficient", "salary_date", "updated_at"])
    person_changes_record(model=SalaryRecord, rows=[(employee.pk, record.pk)])
    person_changes_record(
        model=Employee,
        rows=[(employee.pk, employee.pk)],
        fields=["rank", "salary_step", "salary_coefficient", "salary_date"],
    )
    return record
