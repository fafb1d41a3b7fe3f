"""Demo people: identity, category, qualifications and careers, inserted in bulk with history rows.

Same invariants as `hr.services.employees`: every record passes `full_clean()` and the
ID/birth-date/sex cross-check, gets a history row, its first assignment starts on its
recruitment date, and its current unit, post, rank and step are those of its latest
assignment and salary decision.
"""

import collections
import datetime
import random
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from simple_history.utils import bulk_create_with_history

from demo import careers
from demo.careers import LADDERS, Period, Reference, SalaryDecision, years_after
from demo.names import full_name, pick_ethnicity, registration_province
from demo.organisation import CHANGE_REASON
from demo.staffing import Seat, Tier
from demo.structure import DAY, Duty
from hr.identity import make_national_id, national_id_mismatch
from hr.models import (
    Assignment,
    Category,
    EducationLevel,
    Employee,
    EmploymentStatus,
    PoliticalTheoryLevel,
    SalaryRecord,
    StateManagementLevel,
)

# (youngest, oldest, most common) age by post.
AGES = {
    Tier.AGENCY_HEAD: (45, 58, 52),
    Tier.AGENCY_DEPUTY: (40, 57, 49),
    Tier.ROOM_HEAD: (35, 56, 46),
    Tier.ROOM_DEPUTY: (32, 55, 42),
    Tier.STAFF: (23, 58, 37),
}
OLDEST_WOMAN = 55  # retirement age of women is below 57 in 2026 (Luật BHXH roadmap)
CONTRACT_SHARE_IN_OFFICES = 0.08
ENTRY_GRADES = {
    "general": {2: 80, 1: 14, 0: 6},
    "public_employee": {2: 72, 1: 22, 0: 6},
    "records": {1: 60, 2: 40},
    "inspection": {2: 1},
    "accounting": {2: 1},
}
GRADE_STATE_MANAGEMENT = {
    4: StateManagementLevel.SENIOR,
    3: StateManagementLevel.PRINCIPAL,
    2: StateManagementLevel.SPECIALIST,
}


@dataclass
class Person:
    seat: Seat
    employee: Employee
    periods: list[Period]
    salary: list[SalaryDecision]


def _pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def _duty(seat: Seat) -> Duty:
    if seat.room is not None:
        return seat.room.spec.duty
    duties = collections.Counter(room.spec.duty for room in seat.agency.rooms)
    return Duty.INSPECTION if duties and duties.most_common(1)[0][0] is Duty.INSPECTION else Duty.GENERAL


def _category(seat: Seat, contract: bool) -> str:
    if contract:
        return Category.CONTRACT
    if seat.agency.spec.elected_leaders and seat.tier in (Tier.AGENCY_HEAD, Tier.AGENCY_DEPUTY):
        return Category.CAN_BO
    return Category.VIEN_CHUC if seat.agency.spec.is_public_service_unit else Category.CONG_CHUC


def _birth_and_recruitment(rng: random.Random, seat: Seat, sex: str, as_of: datetime.date):
    low, high, mode = AGES[seat.tier]
    if sex == "F":
        high = min(high, OLDEST_WOMAN)
        mode = min(mode, high)
    born = years_after(as_of, -rng.triangular(low, high, mode))
    recruited = years_after(born, rng.uniform(21.5, 27))
    if recruited > as_of - 30 * DAY:
        recruited = as_of - rng.randint(30, 400) * DAY
    return born, recruited


def _qualifications(rng: random.Random, seat: Seat, grade: int | None, category: str) -> dict:
    if grade is None:
        education = EducationLevel.SECONDARY if rng.random() < 0.7 else EducationLevel.NONE
    elif grade >= 3 or seat.is_leader:
        education = EducationLevel.MASTER if rng.random() < 0.4 else EducationLevel.BACHELOR
    else:
        education = {2: EducationLevel.BACHELOR, 1: EducationLevel.COLLEGE}.get(grade, EducationLevel.SECONDARY)
    if seat.tier in (Tier.AGENCY_HEAD, Tier.AGENCY_DEPUTY):
        theory = PoliticalTheoryLevel.ADVANCED if rng.random() < 0.85 else PoliticalTheoryLevel.BACHELOR
    elif seat.is_leader:
        theory = PoliticalTheoryLevel.INTERMEDIATE if rng.random() < 0.6 else PoliticalTheoryLevel.ADVANCED
    else:
        roll = rng.random()
        theory = (
            PoliticalTheoryLevel.ELEMENTARY
            if roll < 0.45
            else (PoliticalTheoryLevel.INTERMEDIATE if roll < 0.6 else PoliticalTheoryLevel.NONE)
        )
    management = StateManagementLevel.NONE
    if grade is not None and category != Category.VIEN_CHUC and (seat.is_leader or rng.random() < 0.7):
        management = GRADE_STATE_MANAGEMENT.get(grade, StateManagementLevel.NONE)
    return {"education_level": education, "political_theory_level": theory, "state_management_level": management}


def _national_id(rng: random.Random, province: int, born: datetime.date, sex: str, used: set[str]) -> str:
    while True:
        candidate = make_national_id(province, born, sex, rng.randrange(1_000_000))
        if candidate not in used:
            used.add(candidate)
            return candidate


def make_person(rng: random.Random, seat: Seat, ref: Reference, as_of: datetime.date, used_ids: set[str]) -> Person:
    """One person for `seat`, drawn from `rng` only (so a seed always gives the same people)."""
    ethnicity = pick_ethnicity(rng, commune=seat.agency.is_commune_level)
    sex = "M" if rng.random() < (0.72 if seat.is_leader else 0.47) else "F"
    name = full_name(rng, ethnicity, sex)
    born, recruited = _birth_and_recruitment(rng, seat, sex, as_of)
    national_id = _national_id(rng, registration_province(rng, ethnicity), born, sex, used_ids)
    legacy_id = f"050{rng.randrange(1_000_000):06d}" if born.year < 1990 and rng.random() < 0.35 else ""
    duty = _duty(seat)
    contract = (
        seat.tier is Tier.STAFF
        and seat.reserved is None
        and duty is Duty.OFFICE
        and not seat.agency.spec.is_public_service_unit
        and rng.random() < CONTRACT_SHARE_IN_OFFICES
    )
    category = _category(seat, contract)
    periods = careers.assignment_periods(
        rng, seat, recruited, as_of, recruitment_note="Ký hợp đồng lao động" if contract else gettext("Recruitment")
    )
    salary, grade = [], None
    if not contract:
        ladder = careers.ladder_for(rng, seat, duty)
        entry = 2 if seat.is_leader and 2 in LADDERS[ladder] else _pick(rng, ENTRY_GRADES[ladder])
        service = (as_of - recruited).days / 365.25
        target = careers.target_grade(rng, seat, entry, service)
        issuer = seat.agency.spec.code if category == Category.VIEN_CHUC else "SNV"
        salary = careers.salary_history(
            rng, ref, ladder, entry=entry, target=target, recruited=recruited, as_of=as_of, issuer=issuer
        )
        grade = next(g for g, code in LADDERS[ladder].items() if code == salary[-1].rank.code)
    on_leave = seat.tier is Tier.STAFF and seat.reserved is None and rng.random() < 0.02
    current = salary[-1] if salary else None
    employee = Employee(
        national_id=national_id,
        legacy_id_number=legacy_id,
        full_name=name,
        date_of_birth=born,
        sex=sex,
        ethnicity=ethnicity.name,
        category=category,
        unit=seat.unit,
        position=ref.positions[seat.position] if seat.position else None,
        rank=current.rank if current else None,
        salary_step=current.step if current else None,
        salary_coefficient=current.step.coefficient if current else None,
        salary_date=current.effective if current else None,
        recruitment_date=recruited,
        status=EmploymentStatus.ON_LEAVE if on_leave else EmploymentStatus.ACTIVE,
        **_qualifications(rng, seat, grade, category),
    )
    return Person(seat, employee, periods, salary)


def _validate(employee: Employee) -> None:
    # Related rows are the ones just inserted or loaded and IDs are unique by construction,
    # so only the field checks run (no query per person).
    employee.full_clean(exclude=["unit", "position", "rank", "salary_step"], validate_unique=False)
    problem = national_id_mismatch(employee.national_id, employee.date_of_birth, employee.sex)
    if problem:
        raise ValidationError({"national_id": [problem]})


def insert_people(persons: list[Person], ref: Reference) -> tuple[int, int]:
    """Insert people with their history rows, assignments and salary records; return the row counts."""
    employees = [person.employee for person in persons]
    for employee in employees:
        _validate(employee)
    bulk_create_with_history(employees, Employee, batch_size=1000, default_change_reason=CHANGE_REASON)
    assignments, records = [], []
    for person in persons:
        periods = person.periods
        for period, following in zip(periods, [*periods[1:], None], strict=True):
            assignments.append(
                Assignment(
                    employee=person.employee,
                    unit=period.unit,
                    position=ref.positions[period.position] if period.position else None,
                    start_date=period.start,
                    end_date=following.start - DAY if following else None,
                    decision_number=period.decision,
                    note=period.note,
                )
            )
        records += [
            SalaryRecord(
                employee=person.employee,
                rank=decision.rank,
                salary_step=decision.step,
                coefficient=decision.step.coefficient,
                effective_date=decision.effective,
                decision_number=decision.decision,
                reason=decision.reason,
            )
            for decision in person.salary
        ]
    Assignment.objects.bulk_create(assignments, batch_size=2000)
    SalaryRecord.objects.bulk_create(records, batch_size=2000)
    return len(assignments), len(records)
