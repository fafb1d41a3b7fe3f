"""Writes to the organisation tree, keeping the materialised path consistent."""

import datetime

from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from hr.access import access_unit_parent_for_write
from hr.models import Assignment, OrgUnit, UnitLevel, User
from hr.selectors.units import level_ban_during


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _check_dates(unit: OrgUnit) -> None:
    if unit.valid_to is not None and unit.valid_from is not None and unit.valid_to < unit.valid_from:
        raise ApplicationError(
            _("The end of validity cannot be before its start."), field="valid_to", code="dates_reversed"
        )
    _check_level_in_force(unit)


def _check_level_in_force(unit: OrgUnit) -> None:
    """No unit of a level the law has ended is valid after that (Luật TCCQĐP 72/2025/QH15: no cấp huyện)."""
    if unit.valid_from is None or not unit.level:
        return  # full_clean names the missing field
    ban = level_ban_during(level=unit.level, valid_from=unit.valid_from, valid_to=unit.valid_to)
    if ban is None:
        return
    last_day = ban.valid_from - datetime.timedelta(days=1)
    # A unit begun before the ban is wrong by its end; one begun after, by its start.
    field = "valid_to" if unit.valid_from < ban.valid_from else "valid_from"
    raise ApplicationError(
        _("Units of the %(level)s level exist until %(day)s (%(basis)s): this unit cannot be valid after that day.")
        % {"level": UnitLevel(unit.level).label.lower(), "day": _d(last_day), "basis": ban.legal_basis},
        field=field,
        code="level_abolished",
    )


def _check_assignments_inside(unit: OrgUnit) -> None:
    """Nobody stays assigned to the unit outside its new validity: their periods are moved first."""
    outside_start = Assignment.objects.filter(unit=unit, start_date__lt=unit.valid_from)
    outside_end = Assignment.objects.none()
    if unit.valid_to is not None:
        outside_end = Assignment.objects.filter(unit=unit).filter(
            Q(end_date__isnull=True) | Q(end_date__gt=unit.valid_to) | Q(start_date__gt=unit.valid_to)
        )
    for field, outside in (("valid_from", outside_start), ("valid_to", outside_end)):
        count = outside.values("employee").distinct().count()
        if count:
            raise ApplicationError(
                _(
                    "%(count)d people are assigned to the unit outside these dates;"
                    " record their transfers so that every assignment lies within the unit's validity."
                )
                % {"count": count},
                field=field,
                code="unit_assignments_outside",
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
    # The validity rules judge a change of the dates or level, so a legacy row is still renamed or moved.
    before = (unit.level, unit.valid_from, unit.valid_to)
    for field, value in data.items():
        setattr(unit, field, value)
    redated = (unit.level, unit.valid_from, unit.valid_to) != before
    moved = (new_parent.pk if new_parent else None) != unit.parent_id
    if moved and new_parent is not None and new_parent.path.startswith(unit.path):
        raise ApplicationError(
            _("A unit cannot be moved under itself or its own sub-unit."), field="parent", code="parent_in_subtree"
        )
    unit.parent = new_parent
    unit._history_user = actor
    if redated:
        _check_dates(unit)
        _check_assignments_inside(unit)
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
