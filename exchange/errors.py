"""Collecting problems per row and column, so a dry run can report every bad cell at once."""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

# Spreadsheet row of the header line; data rows start below it.
HEADER_ROW = 1


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


class RowErrors:
    """Row errors in the order found; `column` is the header as written in the file."""

    def __init__(self) -> None:
        self.items: list[RowError] = []

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def add(self, row: int, column: str, message: str) -> None:
        self.items.append(RowError(row=row, column=column, message=str(message)))

    def add_validation_error(self, row: int, error: ValidationError, headers: dict[str, str]) -> None:
        """Spread a model's `ValidationError` over the columns its fields came from."""
        if not hasattr(error, "error_dict"):
            for message in error.messages:
                self.add(row, "", message)
            return
        for name, field_errors in error.error_dict.items():
            column = "" if name == NON_FIELD_ERRORS else headers.get(name, name)
            for field_error in field_errors:
                for message in field_error.messages:
                    self.add(row, column, message)

    def as_list(self) -> list[dict]:
        return [{"row": e.row, "column": e.column, "message": e.message} for e in self.items]
