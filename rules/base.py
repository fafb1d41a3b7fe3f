"""The shapes an instrument declares: the rows it adds, the rows it ends, and how they fold into a table's rows."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ref:
    """A value naming a row of another table by its natural key (the workflow of a rule set, by its code)."""

    model: str
    key: dict


@dataclass(frozen=True)
class Child:
    """A row hanging on an added row (a restriction of a discipline form), created and removed with it.

    `key` names the values that identify it under its parent (the restriction, the criterion's code).
    """

    model: str
    parent_field: str
    key: tuple[str, ...]
    values: dict


@dataclass(frozen=True)
class Row:
    """A rule row the instrument adds: `key` names it in its table (overlap key and `valid_from`), `values` the rest."""

    model: str
    key: dict
    values: dict
    children: tuple[Child, ...] = ()

    @property
    def fields(self) -> dict:
        return {**self.key, **self.values}


@dataclass(frozen=True)
class End:
    """Rows of `model` matching `match`, open and started by `valid_to`, get it as their last day in force."""

    model: str
    match: dict
    valid_to: datetime.date


@dataclass(frozen=True)
class Instrument:
    """A legal instrument: its code (the module's name), its title, the rows it ends and the rows it adds."""

    code: str
    title: str
    adds: tuple[Row, ...] = ()
    ends: tuple[End, ...] = field(default=())


def fold(instruments) -> dict[str, list[dict]]:
    """model → the rows the instruments leave, applied in order (ends first within each, as `apply` does).

    Each row is its fields (valid_to included) plus `children`, the values of the rows hanging on it.
    """
    tables: dict[str, list[dict]] = {}
    for instrument in instruments:
        for end in instrument.ends:
            for row in tables.get(end.model, []):
                in_force = row["valid_to"] is None and row["valid_from"] <= end.valid_to
                if in_force and all(row.get(k) == v for k, v in end.match.items()):
                    row["valid_to"] = end.valid_to
        for added in instrument.adds:
            row = {"valid_to": None, **added.fields, "children": [child.values for child in added.children]}
            tables.setdefault(added.model, []).append(row)
    return tables
