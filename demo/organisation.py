"""Insert the demo organisation chart in bulk, level by level, with paths, history and lineage.

Same invariants as `hr.services.units.unit_create`: every unit passes `full_clean()`, gets a
history row, and its materialised path is its parent's path plus its own zero-padded key;
merger lineage goes into `predecessors`.
"""

from dataclasses import dataclass, field

from simple_history.utils import bulk_create_with_history

from demo.structure import PROVINCE, TOP_LEVEL, AgencySpec, RoomSpec
from hr.models import OrgUnit, UnitLevel

CHANGE_REASON = "seed_demo"


@dataclass
class Room:
    spec: RoomSpec
    unit: OrgUnit


@dataclass
class Agency:
    """An inserted agency with its rooms and, once resolved, the agencies it was formed from."""

    spec: AgencySpec
    unit: OrgUnit
    rooms: list[Room] = field(default_factory=list)
    predecessors: list["Agency"] = field(default_factory=list)

    @property
    def is_current(self) -> bool:
        return self.unit.valid_to is None

    @property
    def is_commune_level(self) -> bool:
        return self.unit.level == UnitLevel.COMMUNE

    def room(self, suffix: str) -> Room:
        return next(room for room in self.rooms if room.spec.suffix == suffix)


@dataclass
class Organisation:
    root: Agency
    agencies: list[Agency]

    def agency(self, code: str) -> Agency:
        return next(agency for agency in self.agencies if agency.spec.code == code)

    @property
    def current_agencies(self) -> list[Agency]:
        return [agency for agency in self.agencies if agency.is_current]


def _agency_unit(spec: AgencySpec, parent: OrgUnit | None) -> OrgUnit:
    return OrgUnit(
        code=spec.code,
        name=spec.name,
        kind=spec.kind,
        level=spec.level,
        parent=parent,
        valid_from=spec.valid_from,
        valid_to=spec.valid_to,
    )


def _room_unit(agency: Agency, spec: RoomSpec) -> OrgUnit:
    owner = agency.spec
    return OrgUnit(
        code=f"{owner.code}-{spec.suffix}",
        name=f"{spec.name} – {owner.name.removeprefix('UBND ')}",
        kind=spec.kind,
        level=owner.level,
        parent=agency.unit,
        valid_from=max(owner.valid_from, owner.rooms_from or owner.valid_from),
        valid_to=owner.valid_to,
    )


def _insert(units: list[OrgUnit]) -> None:
    """Validate, insert with history rows, then place each unit under its (already saved) parent."""
    for unit in units:
        # A placeholder keeps the unique path valid until the key is known, as unit_create does.
        unit.path = f"tmp-{unit.code}"
        unit.full_clean()
    bulk_create_with_history(units, OrgUnit, batch_size=500, default_change_reason=CHANGE_REASON)
    for unit in units:
        unit.path = (unit.parent.path if unit.parent else "") + f"{unit.pk:06d}."
        unit.depth = unit.parent.depth + 1 if unit.parent else 0
    OrgUnit.objects.bulk_update(units, ["path", "depth"], batch_size=500)


def build_organisation() -> Organisation:
    """Insert the province, its bodies and rooms, legacy units and their lineage."""
    root = Agency(PROVINCE, _agency_unit(PROVINCE, None))
    _insert([root.unit])
    agencies = [root]
    frontier = [root]
    while frontier:
        units, created = [], []
        for agency in frontier:
            for spec in agency.spec.rooms:
                room = Room(spec, _room_unit(agency, spec))
                agency.rooms.append(room)
                units.append(room.unit)
            for spec in TOP_LEVEL if agency is root else agency.spec.children:
                child = Agency(spec, _agency_unit(spec, agency.unit))
                created.append(child)
                units.append(child.unit)
        if units:
            _insert(units)
        agencies.extend(created)
        frontier = created
    organisation = Organisation(root=root, agencies=agencies)
    _link_predecessors(organisation)
    return organisation


def _link_predecessors(organisation: Organisation) -> None:
    through = OrgUnit.predecessors.through
    links = []
    for agency in organisation.agencies:
        agency.predecessors = [organisation.agency(code) for code in agency.spec.predecessors]
        links.extend(through(from_orgunit=agency.unit, to_orgunit=p.unit) for p in agency.predecessors)
    through.objects.bulk_create(links)
