"""Writes to the organisation tree, keeping the materialised path consistent."""

import datetime

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from hr.access import access_unit_parent_for_write
from hr.models import OrgUnit, User


def _check_dates(unit: OrgUnit) -> None:
    if unit.valid_to is not None and unit.valid_from is not None and unit.valid_to < unit.valid_from:
        raise ApplicationError(
            _("The end of validity cannot be before its start."), field="valid_to", code="dates_reversed"
        )


def _segment(pk: int) -> str:
    return f"{pk:06d}."


@transaction.atomic
def unit_create(
    *,
    actor: User | None,
    code: str,
    name: str,
    kind: str,
    level: str,
    valid_from: datetime.date,
    parent: OrgUnit | None = None,
    valid_to: datetime.date | None = None,
    predecessors: list[OrgUnit] | None = None,
) -> OrgUnit:
    """Create a unit under `parent` (or a root) and place it in the tree."""
    access_unit_parent_for_write(actor, parent)
    unit = OrgUnit(
        code=code, name=name, kind=kind, level=level, parent=parent, valid_from=valid_from, valid_to=valid_to
    )
    # A placeholder path lets full_clean pass; the real one needs the primary key.
    unit.path = f"tmp-{code}"
    unit._history_user = actor
    _check_dates(unit)
    unit.full_clean()
    unit.save()
    unit.path = (parent.path if parent else "") + _segment(unit.pk)
    unit.depth = parent.depth + 1 if parent else 0
    unit.save(update_fields=["path", "depth"])
    if predecessors:
        unit.predecessors.set(predecessors)
    return unit


@transaction.atomic
def unit_update(*, unit: OrgUnit, actor: User | None, **data) -> OrgUnit:
    """Change a unit; moving it under a new parent rewrites its subtree's paths in one UPDATE."""
    access_unit_parent_for_write(actor, unit.parent, field=None)
    predecessors = data.pop("predecessors", None)
    new_parent = data.pop("parent", unit.parent)
    if new_parent != unit.parent:
        access_unit_parent_for_write(actor, new_parent)
    for field, value in data.items():
        setattr(unit, field, value)
    moved = (new_parent.pk if new_parent else None) != unit.parent_id
    if moved and new_parent is not None and new_parent.path.startswith(unit.path):
        raise ApplicationError(
            _("A unit cannot be moved under itself or its own sub-unit."), field="parent", code="parent_in_subtree"
        )
    unit.parent = new_parent
    unit._history_user = actor
    _check_dates(unit)
    unit.full_clean()
    unit.save()
    if moved:
        old_path = unit.path
        new_path = (new_parent.path if new_parent else "") + _segment(unit.pk)
        depth_change = (new_parent.depth + 1 if new_parent else 0) - unit.depth
        OrgUnit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + depth_change,
        )
        unit.refresh_from_db()
    if predecessors is not None:
        if unit in predecessors:
            raise ApplicationError(
                _("A unit cannot be its own predecessor."), field="predecessors", code="own_predecessor"
            )
        unit.predecessors.set(predecessors)
    return unit


@transaction.atomic
def unit_dissolve(*, unit: OrgUnit, actor: User | None, valid_to: datetime.date) -> OrgUnit:
    """End a unit's validity (never delete it: old records stay attached)."""
    if unit.employees.filter(status="ACTIVE").exists():
        raise ApplicationError(
            _("The unit still has working staff; transfer them first."), field="valid_to", code="unit_has_staff"
        )
    return unit_update(unit=unit, actor=actor, valid_to=valid_to)
