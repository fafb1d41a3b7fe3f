"""Importers that write each row through the record's own service, so every business rule applies as it
does for a single request; a row the service refuses becomes a row error."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import INTEGRITY_MESSAGE, ApplicationError
from exchange.importers.base import Importer, ImportResult
from exchange.tables import Table
from hr.models import Employee

PROGRESS_EVERY = 100
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class ServiceRowImporter(Importer):
    """Each row runs `apply` (a service call) in its own savepoint, while validating.

    The whole import runs in a savepoint that `records_import` discards on a dry run or
    when any row failed, so the file is written completely or not at all. Subclasses
    implement `prepare` (prefetch lookups), `parse` (cells → keyword arguments, or None
    after recording errors) and `apply` (returns CREATED, UPDATED or UNCHANGED).
    """

    # The service's error field → the column to report it on; unlisted fields map to a column of the same key.
    field_columns: dict[str, str] = {}
    # Where an error without a field (a refused state, e.g. a class not in progress) is reported.
    default_column = ""

    def prepare(self, table: Table) -> None:
        raise NotImplementedError

    def parse(self, number: int, row: dict[str, str]) -> dict | None:
        raise NotImplementedError

    def apply(self, **values) -> str:
        raise NotImplementedError

    def validate(self, table: Table, result: ImportResult) -> None:
        self.headers = {column.key: self.header(table, column.key) for column in self.columns}
        self.prepare(table)
        total = len(table.rows)
        for index, (number, row) in enumerate(zip(table.numbers, table.rows, strict=True), start=1):
            values = self.parse(number, row)
            if values is not None:
                try:
                    with transaction.atomic():
                        outcome = self.apply(**values)
                except (ApplicationError, ValidationError, IntegrityError) as exc:
                    self._record(number, exc)
                else:
                    setattr(result, outcome, getattr(result, outcome) + 1)
            if index % PROGRESS_EVERY == 0 or index == total:
                self.progress("validate", index, total)

    def write(self, result: ImportResult) -> None:
        """Every row was written while validating; reaching here keeps them."""

    def column_of(self, field: str | None) -> str:
        if not field:
            return self.headers.get(self.default_column, "")
        key = self.field_columns.get(field, field)
        return self.headers.get(key, "")

    def _record(self, number: int, exc: Exception) -> None:
        if isinstance(exc, IntegrityError):
            self.errors.add(number, "", str(INTEGRITY_MESSAGE))
        elif isinstance(exc, ValidationError):
            if hasattr(exc, "error_dict"):
                for field, messages in exc.message_dict.items():
                    for message in messages:
                        self.errors.add(number, self.column_of(field), message)
            else:
                for message in exc.messages:
                    self.errors.add(number, self.column_of(None), message)
        else:
            self._record_detail(number, None, exc.detail)

    def _record_detail(self, number: int, field: str | None, detail) -> None:
        if isinstance(detail, dict):
            for key, value in detail.items():
                self._record_detail(number, key, value)
        elif isinstance(detail, list):
            for value in detail:
                self._record_detail(number, field, value)
        else:
            self.errors.add(number, self.column_of(field), str(detail))

    def employees_named(self, national_ids: set[str]) -> dict[str, Employee]:
        """Employees named in the file by national ID; whether the actor may act on each is the service's call."""
        return {e.national_id: e for e in Employee.objects.filter(national_id__in=national_ids).select_related("unit")}

    def person(self, number: int, national_id: str, key: str = "national_id") -> Employee | None:
        """The row's person, or None after recording that nobody has this number."""
        if not national_id:
            self.errors.add(number, self.headers[key], _("This field cannot be blank."))
            return None
        employee = self.employees.get(national_id)
        if employee is None:
            self.errors.add(number, self.headers[key], _("Nobody has this personal identification number."))
            return None
        return employee
