"""Reading a file column by column: the same cells, row numbers and header errors as `read_table`, no dict per row."""

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import zip_longest

import numpy as np
import pandas as pd

from backend.api.text import FORBIDDEN_MESSAGE, has_forbidden_characters, without_forbidden_characters
from exchange.errors import HEADER_ROW, RowErrors
from exchange.tables import Column, grid_chunks, map_headers, nfc, unguard

# Rows read before they become columns. Small chunks keep a chunk's rows and strings in the processor's
# caches while they are transposed and normalised: a million rows read in 3.3 s of CPU by 2,000, 4.7 s by
# 20,000 (benchmarks/README.md); below 1,000 the per-chunk work starts to show.
CHUNK_ROWS = 2_000


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


def _normalised(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`read_table`'s cell text (NFC, stripped, a guarding apostrophe removed, forbidden characters removed),
    and which cells held a forbidden character; once per distinct cell."""
    codes, distinct = pd.factorize(cells)
    texts = [unguard(nfc(text)) if text else "" for text in distinct] or [""]
    # One scan of the whole column first (a line feed is allowed, so joining adds no forbidden character):
    # a million distinct IDs are not searched one by one unless one of them holds such a character.
    if has_forbidden_characters("\n".join(texts)):
        bad = np.fromiter(map(has_forbidden_characters, texts), dtype=bool, count=len(texts))
    else:
        bad = np.zeros(len(texts), dtype=bool)
    clean = np.empty(len(texts), dtype=object)
    clean[:] = [without_forbidden_characters(text) for text in texts] if bad.any() else texts
    if not len(codes):
        return np.empty(0, dtype=object), np.zeros(0, dtype=bool)
    return clean[codes], bad[codes]


@contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused while a file becomes row lists and column tuples.

    Each of those containers is tracked, and every collection the allocations trigger walks all that are
    alive, so reading slowed down faster than the file grew (benchmarks/README.md). The rows form no
    cycles; the collector is restored.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.empty(0, dtype=object)


def read_columns(
    content: bytes, *, filename: str, columns: list[Column], ignored: frozenset[str], errors: RowErrors
) -> ColumnTable:
    """`read_table` by columns: the same parsing, header checks, cell normalisation and blank-row skipping.

    Each chunk of rows becomes normalised columns before the next is read, so the raw rows of a whole
    file (a million lists, ten million strings) are never alive at once: at that size, allocating them
    cost more per row than at 100,000 (page faults, caches; benchmarks/README.md).
    """
    header_errors = RowErrors()  # reported once the whole file has been read, as `read_table` does
    with _no_cycle_collection():
        chunks = grid_chunks(content, filename, chunk_rows=CHUNK_ROWS)
        (header,) = next(chunks)
        mapping, headers = map_headers(header, columns=columns, ignored=ignored, errors=header_errors)
        parts: dict[str, list[np.ndarray]] = {key: [] for key in mapping.values()}
        refused: dict[str, list[np.ndarray]] = {key: [] for key in mapping.values()}
        for rows in chunks:
            # One pass of C transposes the rows into columns; short rows (trailing cells left out) read as blank.
            by_position = list(zip_longest(*rows, fillvalue=""))
            for position, key in mapping.items():
                if position < len(by_position):
                    column = np.empty(len(rows), dtype=object)
                    column[:] = by_position[position]
                    clean, bad = _normalised(column)
                    parts[key].append(clean)
                    refused[key].append(bad)
                else:
                    parts[key].append(np.full(len(rows), "", dtype=object))
                    refused[key].append(np.zeros(len(rows), dtype=bool))
    for error in header_errors.items:
        errors.add(error.row, error.column, error.message)
    cells = {key: _joined(values) for key, values in parts.items()}
    # Without a known column no row has a filled cell: every row is blank and skipped.
    total = len(next(iter(cells.values()))) if cells else 0
    filled = np.zeros(total, dtype=bool)
    for values in cells.values():
        filled |= values != ""
    kept = np.flatnonzero(filled)
    numbers = (kept + HEADER_ROW + 1).tolist()
    # A cell with a forbidden character is refused with its cell, in `read_table`'s order (row by row, then
    # column by column); its text, without the character, goes on to the other checks.
    marked = [
        (row, order, key) for order, key in enumerate(cells) for row in np.flatnonzero(_joined(refused[key])[kept])
    ]
    for row, _order, key in sorted(marked):
        errors.add(numbers[row], headers[key], FORBIDDEN_MESSAGE)
    if len(kept) < total:  # a file without blank rows keeps its columns as they are, uncopied
        cells = {key: values[kept] for key, values in cells.items()}
    return ColumnTable(columns=cells, numbers=numbers, headers=headers)
