"""Reading a file column by column: the same cells, row numbers and header errors as `read_table`, no dict per row."""

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import zip_longest

import numpy as np
import pandas as pd

from exchange.errors import HEADER_ROW, RowErrors
from exchange.tables import Column, map_headers, nfc, read_grid, unguard


@dataclass
class ColumnTable:
    """The rows of a file as one array of text per column key; `numbers` are the spreadsheet row numbers."""

    columns: dict[str, np.ndarray]
    numbers: list[int]
    headers: dict[str, str]

    @property
    def rows(self) -> list[dict[str, str]]:
        """The rows as `read_table` gives them (for code that walks rows)."""
        keys = list(self.columns)
        return [dict(zip(keys, values, strict=True)) for values in zip(*self.columns.values(), strict=True)]

    def column(self, key: str) -> np.ndarray:
        """The column's cells; a column the file does not have is blank."""
        found = self.columns.get(key)
        return found if found is not None else np.full(len(self.numbers), "", dtype=object)


def _normalised(cells: np.ndarray) -> np.ndarray:
    """`read_table`'s cell text (NFC, stripped, a guarding apostrophe removed), once per distinct cell."""
    codes, distinct = pd.factorize(cells)
    clean = np.array([unguard(nfc(text)) if text else "" for text in distinct] or [""], dtype=object)
    return clean[codes] if len(codes) else np.empty(0, dtype=object)


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while a file becomes millions of row lists and column tuples.

    Each of those containers is tracked, and every collection the allocations trigger walks all that are
    alive, so reading slowed down faster than the file grew: at 1,000,000 rows 9.9 s of CPU with the
    collector, 5.6 s without (benchmarks/README.md). The rows form no cycles; the collector is restored.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_columns(
    content: bytes, *, filename: str, columns: list[Column], ignored: frozenset[str], errors: RowErrors
) -> ColumnTable:
    """`read_table` by columns: the same parsing, header checks, cell normalisation and blank-row skipping."""
    with _no_cycle_collection():
        header, grid = read_grid(content, filename)
        mapping, headers = map_headers(header, columns=columns, ignored=ignored, errors=errors)
        # One pass of C transposes the rows into columns; short rows (trailing cells left out) read as blank.
        by_position = list(zip_longest(*grid, fillvalue="")) if grid else []
    cells = {}
    for position, key in mapping.items():
        if position < len(by_position):
            column = np.empty(len(grid), dtype=object)
            column[:] = by_position[position]
            cells[key] = _normalised(column)
        else:
            cells[key] = np.full(len(grid), "", dtype=object)
    filled = np.zeros(len(grid), dtype=bool)
    for values in cells.values():
        filled |= values != ""
    kept = np.flatnonzero(filled)
    numbers = (kept + HEADER_ROW + 1).tolist()
    return ColumnTable(columns={key: values[kept] for key, values in cells.items()}, numbers=numbers, headers=headers)
