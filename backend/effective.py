"""The effective-dated base of every rule model: validity dates, legal basis, one lookup, no overlapping rows.

A rule row is in force from `valid_from` through `valid_to` (both days included; no `valid_to`: still in
force). `Model.objects.in_force_on(day)` is the only lookup of rules by date. For each value of a model's
`overlap_key` at most one row is in force on any day: an exclusion constraint enforces it on PostgreSQL
(`ExcludeOverlapping`, applied by the migrations) and `tests/backend/test_rule_overlap.py` walks every
rule model on both databases. A decree changes rules by ending rows and adding new ones (`rules/`).
"""

import datetime
import itertools
from collections.abc import Iterable

from django.db import models
from django.db.migrations.operations.base import Operation
from django.utils.translation import gettext_lazy as _


class EffectiveQuerySet(models.QuerySet):
    """Rule rows narrowed by the day they are read for."""

    def in_force_on(self, day: datetime.date) -> "EffectiveQuerySet":
        """The rows in force on `day` (valid_from ≤ day ≤ valid_to, an open valid_to included)."""
        return self.filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day), valid_from__lte=day)


class EffectiveDated(models.Model):
    """Abstract base: validity dates, the instrument that sets the row, and the key no two rows may share on a day."""

    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to (last day)"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255)

    objects = EffectiveQuerySet.as_manager()

    # Fields that name one rule: rows sharing them may not overlap in time. Empty: the whole table is one rule.
    overlap_key: tuple[str, ...] = ()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_range",
            ),
        ]

    def is_in_force_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def is_referenced(self) -> bool:
        """Whether a record was taken under this row: a record pointing at it and protecting it from deletion.

        Rows hanging on the rule (cascading with it) and history rows are parts of the rule, not records.
        """
        # Hidden relations too: records point at their rule with related_name="+".
        for relation in self._meta.get_fields(include_hidden=True):
            if not (relation.auto_created and relation.one_to_many) or relation.on_delete is not models.PROTECT:
                continue
            if relation.related_model.objects.filter(**{relation.field.name: self}).exists():
                return True
        return False

    def overlap_keys(self) -> Iterable[tuple]:
        """The keys this row holds; a rule set covering several categories holds one per category."""
        return [tuple(getattr(self, name) for name in self.overlap_key)]


def overlapping_pairs(rows: Iterable[EffectiveDated]) -> list[tuple[EffectiveDated, EffectiveDated]]:
    """Pairs of rows holding the same key on a common day (none in a sound table)."""
    by_key: dict[tuple, list[EffectiveDated]] = {}
    for row in rows:
        for key in row.overlap_keys():
            by_key.setdefault(key, []).append(row)
    pairs = []
    for group in by_key.values():
        group.sort(key=lambda r: r.valid_from)
        for earlier, later in itertools.pairwise(group):
            if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
                pairs.append((earlier, later))
    return pairs


class ExcludeOverlapping(Operation):
    """Migration operation: on PostgreSQL, no two rows with the same key on a common day (btree_gist).

    SQLite has no exclusion constraints; there the overlap test guards the data instead. The operation
    changes no model state, so it is invisible to `makemigrations`.
    """

    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name: str, key: tuple[str, ...], name: str):
        self.model_name = model_name
        self.key = tuple(key)
        self.name = name

    def deconstruct(self):
        return self.__class__.__name__, [], {"model_name": self.model_name, "key": self.key, "name": self.name}

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = to_state.apps.get_model(app_label, self.model_name)
        quote = schema_editor.quote_name
        parts = []
        for name in self.key:
            field = model._meta.get_field(name)
            column = quote(field.column)
            # NULL never equals NULL: a nullable key (blank = everywhere) compares as 0, which no row id takes.
            parts.append(f"COALESCE({column}, 0) WITH =" if field.null else f"{column} WITH =")
        parts.append(f"daterange({quote('valid_from')}, {quote('valid_to')}, '[]') WITH &&")
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        schema_editor.execute(
            f"ALTER TABLE {quote(model._meta.db_table)} ADD CONSTRAINT {quote(self.name)} "
            f"EXCLUDE USING gist ({', '.join(parts)})"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = from_state.apps.get_model(app_label, self.model_name)
        quote = schema_editor.quote_name
        schema_editor.execute(f"ALTER TABLE {quote(model._meta.db_table)} DROP CONSTRAINT {quote(self.name)}")

    def describe(self):
        return f"No overlapping {self.model_name} rows per {', '.join(self.key) or 'table'} (PostgreSQL)"
