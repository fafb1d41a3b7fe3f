"""Posts to fill: every agency's leaders and room heads first, then staff spread by weight."""

import enum
from dataclasses import dataclass

from demo.organisation import Agency, Organisation, Room
from hr.models import OrgUnit

# A room with at least this many people gets a deputy head as well.
DEPUTY_FROM = 8


class Tier(enum.Enum):
    AGENCY_HEAD = "agency_head"
    AGENCY_DEPUTY = "agency_deputy"
    ROOM_HEAD = "room_head"
    ROOM_DEPUTY = "room_deputy"
    STAFF = "staff"


LEADER_TIERS = frozenset({Tier.AGENCY_HEAD, Tier.AGENCY_DEPUTY, Tier.ROOM_HEAD, Tier.ROOM_DEPUTY})


@dataclass
class Seat:
    """One person to create: where they sit now and the post they hold."""

    agency: Agency
    room: Room | None
    tier: Tier
    position: str | None = None
    reserved: str | None = None  # the demo login this person will get

    @property
    def unit(self) -> OrgUnit:
        return self.room.unit if self.room else self.agency.unit

    @property
    def is_leader(self) -> bool:
        return self.tier in LEADER_TIERS


@dataclass(frozen=True)
class Reservation:
    """A demo login's person: a staff member or the head of a given room."""

    key: str
    agency: str
    room: str
    tier: Tier


class DemoSizeError(ValueError):
    def __init__(self, minimum: int):
        super().__init__(f"--staff must be at least {minimum}: every agency needs its leaders and room heads.")
        self.minimum = minimum


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder, ties to the earlier)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    exact = [total * w / weight_sum for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _leaders(agency: Agency) -> list[Seat]:
    spec = agency.spec
    seats = [Seat(agency, None, Tier.AGENCY_HEAD, spec.head)] if spec.head else []
    seats += [Seat(agency, None, Tier.AGENCY_DEPUTY, spec.deputy) for _ in range(spec.deputies if spec.deputy else 0)]
    seats += [Seat(agency, room, Tier.ROOM_HEAD, room.spec.head) for room in agency.rooms if room.spec.head]
    return seats


def _reserve(organisation: Organisation, seats: list[Seat], reservations: list[Reservation]) -> list[Seat]:
    extra = []
    for reservation in reservations:
        room = organisation.agency(reservation.agency).room(reservation.room)
        if reservation.tier is Tier.STAFF:
            extra.append(Seat(room_agency(organisation, room), room, Tier.STAFF, reserved=reservation.key))
            continue
        seat = next(s for s in seats if s.room is room and s.tier is reservation.tier)
        seat.reserved = reservation.key
    return extra


def room_agency(organisation: Organisation, room: Room) -> Agency:
    return next(a for a in organisation.agencies if any(r is room for r in a.rooms))


def _spread(agency: Agency, count: int, taken: dict[int, int]) -> list[Seat]:
    """`count` staff over the agency's rooms by weight; big rooms also get a deputy head."""
    if not agency.rooms:
        return [Seat(agency, None, Tier.STAFF) for _ in range(count)]
    seats = []
    shares = apportion(count, [room.spec.weight for room in agency.rooms])
    for room, share in zip(agency.rooms, shares, strict=True):
        deputy = room.spec.deputy and share > 0 and share + taken.get(id(room), 0) >= DEPUTY_FROM
        if deputy:
            seats.append(Seat(agency, room, Tier.ROOM_DEPUTY, room.spec.deputy))
        seats += [Seat(agency, room, Tier.STAFF) for _ in range(share - (1 if deputy else 0))]
    return seats


def plan_seats(organisation: Organisation, *, staff: int, reservations: list[Reservation]) -> list[Seat]:
    """Exactly `staff` seats in the current agencies, deterministic for a given organisation."""
    agencies = organisation.current_agencies
    seats = [seat for agency in agencies for seat in _leaders(agency)]
    seats += _reserve(organisation, seats, reservations)
    if staff < len(seats):
        raise DemoSizeError(len(seats))
    taken: dict[int, int] = {}
    for seat in seats:
        if seat.room is not None:
            taken[id(seat.room)] = taken.get(id(seat.room), 0) + 1
    shares = apportion(staff - len(seats), [agency.spec.weight for agency in agencies])
    for agency, share in zip(agencies, shares, strict=True):
        seats += _spread(agency, share, taken)
    return seats
