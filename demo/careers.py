"""Careers of demo people: dated assignments (mergers, the 2025 reform, appointments) and salary steps.

The rows obey the rules the services enforce: periods follow each other without gaps or
overlaps and each unit exists throughout its period; salary decisions are in the rank's
scale, dated, and the last one is the person's current rank and step.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils.translation import gettext

from demo.organisation import Agency
from demo.staffing import Seat, Tier
from demo.structure import COMMUNE_REFORM, DAY, Duty
from hr.models import OrgUnit, Position, Rank, SalaryStep

# Rank ladders by salary grade (0 = B, 1 = A0, 2 = A1, 3 = A2.1, 4 = A3.1), DOMAIN.md §6.2.
LADDERS = {
    "general": {0: "01.005", 1: "01.004", 2: "01.003", 3: "01.002", 4: "01.001"},
    "inspection": {2: "04.025", 3: "04.024", 4: "04.023"},
    "accounting": {2: "06.031", 3: "06.030", 4: "06.029"},
    "records": {1: "02.008", 2: "02.007", 3: "02.006"},
    "public_employee": {0: "VC.BAC1", 1: "VC.BAC2", 2: "VC.BAC3", 3: "VC.BAC4", 4: "VC.BAC5"},
}


@dataclass
class Reference:
    """Ranks, steps and posts loaded once, so building thousands of careers costs no queries."""

    ranks: dict[str, Rank]
    steps: dict[tuple[int, int], SalaryStep]
    top_step: dict[int, int]
    intervals: dict[int, int]
    positions: dict[str, Position]

    @classmethod
    def load(cls) -> "Reference":
        ranks = {rank.code: rank for rank in Rank.objects.select_related("scale")}
        steps = {(s.scale_id, s.step): s for s in SalaryStep.objects.select_related("scale")}
        top_step: dict[int, int] = {}
        intervals: dict[int, int] = {}
        for step in steps.values():
            top_step[step.scale_id] = max(top_step.get(step.scale_id, 0), step.step)
            intervals[step.scale_id] = step.scale.step_interval_years
        return cls(ranks, steps, top_step, intervals, {p.code: p for p in Position.objects.all()})


@dataclass
class Period:
    unit: OrgUnit
    position: str | None
    start: datetime.date
    note: str
    decision: str


@dataclass
class SalaryDecision:
    rank: Rank
    step: SalaryStep
    effective: datetime.date
    reason: str
    decision: str


def years_after(day: datetime.date, years: float) -> datetime.date:
    return day + datetime.timedelta(days=round(years * 365.25))


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def random_day(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _decision(rng: random.Random, issuer: str) -> str:
    return f"{rng.randint(12, 2980)}/QĐ-{issuer}"


def appointment_date(rng: random.Random, seat: Seat, recruited: datetime.date, as_of: datetime.date) -> datetime.date:
    """When a leader took their post: within the 5-year term, never before the unit existed."""
    opened = seat.unit.valid_from
    earliest = max(opened, years_after(recruited, 5), years_after(as_of, -5))
    latest = as_of - 30 * DAY
    if earliest >= latest:
        return max(opened, min(earliest, latest))
    if opened >= years_after(as_of, -5) and rng.random() < 0.6:
        return opened  # appointed when the unit was formed
    return random_day(rng, earliest, latest)


def assignment_periods(
    rng: random.Random, seat: Seat, recruited: datetime.date, as_of: datetime.date, *, recruitment_note: str
) -> list[Period]:
    """Where the person sat from recruitment to today, as consecutive periods."""
    agency: Agency = seat.agency
    merged_on = agency.spec.merged_on
    predecessor_unit = None
    if merged_on and agency.predecessors and recruited < merged_on and rng.random() < agency.spec.absorbed_share:
        predecessor = rng.choice(agency.predecessors)
        predecessor_unit = rng.choice(predecessor.rooms).unit if predecessor.rooms else predecessor.unit
    appointed = appointment_date(rng, seat, recruited, as_of) if seat.is_leader else None
    before_post = seat.room.unit if seat.room else (rng.choice(agency.rooms).unit if agency.rooms else agency.unit)

    def where(day: datetime.date) -> tuple[OrgUnit, str | None]:
        if predecessor_unit is not None and day < merged_on:
            return predecessor_unit, None
        if appointed is not None and day >= appointed:
            return seat.unit, seat.position
        unit = before_post if seat.is_leader else seat.unit
        return (unit if unit.valid_from <= day else agency.unit), None

    changes = {merged_on if predecessor_unit else None, appointed, seat.unit.valid_from, before_post.valid_from}
    days = [recruited, *sorted(d for d in changes if d is not None and recruited < d <= as_of)]
    periods: list[Period] = []
    for day in days:
        unit, position = where(day)
        if periods and (periods[-1].unit, periods[-1].position) == (unit, position):
            continue
        if not periods:
            note, decision = recruitment_note, _decision(rng, _recruiter(seat))
        elif predecessor_unit is not None and day == merged_on:
            note, decision = _merger_note(day), _decision(rng, "UBND")
        elif position is not None:
            elected = agency.spec.elected_leaders and seat.tier in (Tier.AGENCY_HEAD, Tier.AGENCY_DEPUTY)
            note, decision = ("Bầu giữ chức vụ" if elected else "Bổ nhiệm"), _decision(rng, "UBND")
        else:
            note, decision = "Bố trí công tác khi tổ chức lại bộ máy", _decision(rng, "UBND")
        periods.append(Period(unit, position, day, note, decision))
    return periods


def _recruiter(seat: Seat) -> str:
    return seat.agency.spec.code if seat.agency.spec.is_public_service_unit else "SNV"


def _merger_note(day: datetime.date) -> str:
    if day == COMMUNE_REFORM:
        return "Sắp xếp đơn vị hành chính cấp xã (Nghị quyết số 1681/NQ-UBTVQH15)"
    return "Sắp xếp, hợp nhất cơ quan chuyên môn thuộc UBND tỉnh"


def ladder_for(rng: random.Random, seat: Seat, duty: Duty) -> str:
    if seat.agency.spec.is_public_service_unit:
        return "public_employee"
    if seat.is_leader and duty is not Duty.INSPECTION:
        return "general"
    roll = rng.random()
    if duty is Duty.INSPECTION:
        return "inspection" if roll < 0.85 else "general"
    if duty is Duty.FINANCE:
        return "accounting" if roll < 0.4 else "general"
    if duty is Duty.OFFICE:
        return "records" if roll < 0.2 else ("accounting" if roll < 0.35 else "general")
    return "general"


def target_grade(rng: random.Random, seat: Seat, entry: int, service_years: float) -> int:
    """The grade a person has reached: set by their post for leaders, by seniority for staff."""
    commune = seat.agency.is_commune_level
    if seat.tier is Tier.AGENCY_HEAD:
        grade = 3 if commune or (seat.agency.spec.is_public_service_unit and rng.random() < 0.7) else 4
    elif seat.tier is Tier.AGENCY_DEPUTY:
        grade = 4 if seat.position == "PCT_UBND_TINH" else (2 if commune and rng.random() < 0.65 else 3)
    elif seat.tier is Tier.ROOM_HEAD:
        grade = 2 if commune or rng.random() < 0.4 else 3
    elif seat.tier is Tier.ROOM_DEPUTY:
        grade = 3 if not commune and rng.random() < 0.25 else 2
    else:
        grade = entry
        if grade < 2 and service_years >= 8 and rng.random() < 0.35:
            grade = 2
        if grade == 2 and service_years >= 12 and rng.random() < (0.05 if commune else 0.18):
            grade = 3
    return max(grade, entry)


def salary_history(
    rng: random.Random,
    ref: Reference,
    ladder_name: str,
    *,
    entry: int,
    target: int,
    recruited: datetime.date,
    as_of: datetime.date,
    issuer: str,
) -> list[SalaryDecision]:
    """Step increases every 2–3 years and promotions to `target`, from recruitment to `as_of`."""
    ladder = LADDERS[ladder_name]
    promoted = "Thăng hạng chức danh nghề nghiệp" if ladder_name == "public_employee" else "Nâng ngạch"
    grades = [g for g in sorted(ladder) if entry <= g <= target] or [min(ladder)]
    promotions = _promotion_days(rng, len(grades) - 1, recruited, as_of)
    grades = grades[: len(promotions) + 1]
    rank = ref.ranks[ladder[grades[0]]]
    step = ref.steps[(rank.scale_id, 1)]
    history = [SalaryDecision(rank, step, recruited, gettext("Recruitment"), _decision(rng, issuer))]
    next_step = add_years(recruited, ref.intervals[rank.scale_id])
    pending = list(zip(promotions, grades[1:], strict=True))
    while True:
        promotion_day = pending[0][0] if pending else None
        if promotion_day is not None and promotion_day <= as_of and (next_step is None or promotion_day < next_step):
            rank = ref.ranks[ladder[pending.pop(0)[1]]]
            step = _step_at_least(ref, rank, step.coefficient)
            history.append(SalaryDecision(rank, step, promotion_day, promoted, _decision(rng, issuer)))
            next_step = add_years(promotion_day, ref.intervals[rank.scale_id])
        elif next_step is not None and next_step <= as_of:
            if step.step < ref.top_step[rank.scale_id]:
                step = ref.steps[(rank.scale_id, step.step + 1)]
                reason = "Nâng bậc lương thường xuyên"
                history.append(SalaryDecision(rank, step, next_step, reason, _decision(rng, issuer)))
                next_step = add_years(next_step, ref.intervals[rank.scale_id])
            else:
                next_step = None  # top of the scale: seniority allowance (vượt khung) is not modelled
        else:
            return history


def _promotion_days(rng: random.Random, count: int, recruited: datetime.date, as_of: datetime.date) -> list:
    """Dates of `count` promotions, the first after 6 years' service; fewer if service is short."""
    start, end = years_after(recruited, 6), as_of - 180 * DAY
    if count <= 0 or start >= end:
        return []
    count = min(count, max(1, (end - start).days // (4 * 365)))
    span = (end - start) / count
    return [random_day(rng, start + span * i, start + span * i + span * 0.7) for i in range(count)]


def _step_at_least(ref: Reference, rank: Rank, coefficient) -> SalaryStep:
    """On promotion a person takes the first step paying at least their current coefficient."""
    top = ref.top_step[rank.scale_id]
    for number in range(1, top + 1):
        step = ref.steps[(rank.scale_id, number)]
        if step.coefficient >= coefficient:
            return step
    return ref.steps[(rank.scale_id, top)]
