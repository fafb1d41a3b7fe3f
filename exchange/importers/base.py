"""What every importer shares: the result it reports, scope checks and the progress callback."""

from collections.abc import Callable
from dataclasses import dataclass, field

from exchange.errors import RowErrors
from exchange.tables import Column, Table, read_table
from hr.models import User

# progress(stage, done, total): stage is "validate" or "write".
Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    """The default progress callback: report nothing."""


@dataclass
class ImportResult:
    kind: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: RowErrors = field(default_factory=RowErrors)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": self.errors.as_list(),
        }


class Importer:
    """Validates a table against the database (no writes), then writes the validated plan in bulk.

    Subclasses set `kind`, `columns` and `ignored`, and implement `validate` (fill
    `self.errors`, count created/updated/unchanged) and `write`.
    """

    kind: str
    columns: list[Column]
    # Headers of informative export columns that an import skips (e.g. a unit's name next to its code).
    ignored: frozenset[str] = frozenset()

    def __init__(self, *, actor: User | None, errors: RowErrors, progress: Progress = no_progress):
        self.actor = actor
        self.errors = errors
        self.progress = progress

    @classmethod
    def read(cls, content: bytes, *, filename: str, errors: RowErrors) -> Table:
        """The file's rows; header problems go to `errors`, an unreadable file raises `UnreadableFile`."""
        return read_table(content, filename=filename, columns=cls.columns, ignored=cls.ignored, errors=errors)

    def header(self, table: Table, key: str) -> str:
        """The column's header as the file wrote it (or the canonical one)."""
        return table.headers.get(key) or next(c.header for c in self.columns if c.key == key)

    def validate(self, table: Table, result: ImportResult) -> None:
        raise NotImplementedError

    def write(self, result: ImportResult) -> None:
        raise NotImplementedError
