"""Demo discipline decisions (some lapsed) and last year's emulation titles and commendations."""

import datetime
import random

from dateutil.relativedelta import relativedelta

from demo.activity import ActivitySummary, Staff, day_between
from demo.evaluations_demo import EVALUATED
from hr.models import (
    AnnualRating,
    Award,
    Category,
    DisciplineForm,
    Employee,
    InitiativeLevel,
    OrgUnit,
    Severity,
    UnitKind,
    User,
)
from hr.selectors.eligibility import employee_eligibility
from hr.services.commendations import commendation_create, initiative_create
from hr.services.discipline import discipline_record_create

REASONS = [
    "Chậm giải quyết hồ sơ thủ tục hành chính quá hạn, không thông báo lý do cho người dân",
    "Vi phạm quy chế làm việc của cơ quan, nghỉ việc không có lý do chính đáng",
    "Thiếu trách nhiệm trong thẩm định hồ sơ, để xảy ra sai sót phải sửa đổi",
    "Vi phạm quy định về văn hóa công vụ trong giao tiếp với người dân",
    "Để xảy ra sai sót trong quản lý, sử dụng tài chính, tài sản công",
]
OFF_DUTY_REASON = "Vi phạm quy định về trật tự an toàn giao thông ngoài giờ làm việc"
DISCIPLINED_CATEGORIES = (Category.CAN_BO, Category.CONG_CHUC, Category.VIEN_CHUC)
WARNING_SHARE = 0.15
LAPSED_SHARE = 0.4
# People of the evaluated agencies disciplined last year: their evaluation is forced to KHTNV.
IN_EVALUATED_AGENCIES = 2
INITIATIVES = [
    "Giải pháp số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại bộ phận một cửa",
    "Sáng kiến rút ngắn thời gian thẩm định hồ sơ đề nghị tuyển dụng, nâng ngạch",
    "Giải pháp theo dõi, đôn đốc nhiệm vụ UBND tỉnh giao trên phần mềm quản lý văn bản",
]


def _authority(agency: OrgUnit) -> str:
    if agency.kind in (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE, UnitKind.PROVINCE):
        return f"Chủ tịch {agency.name}"
    return f"Giám đốc {agency.name}"


def _candidates(staff: Staff, codes) -> list[tuple[OrgUnit, Employee]]:
    excluded = set(User.objects.filter(employee__isnull=False).values_list("employee_id", flat=True))
    return [
        (agency, employee)
        for agency in sorted(staff.agencies.values(), key=lambda a: a.path)
        if codes is None or agency.code in codes
        for employee in staff.active(agency)
        if employee.category in DISCIPLINED_CATEGORIES and employee.pk not in excluded
    ]


def seed_discipline(
    *, rng: random.Random, admin: User, staff: Staff, as_of: datetime.date, summary: ActivitySummary
) -> None:
    """A few dozen decisions, mostly reprimands, about 40 % of them lapsed (12 months after taking effect)."""
    year = as_of.year - 1
    total = max(12, sum(len(p) for p in staff.people.values()) // 100)
    in_evaluated = _candidates(staff, EVALUATED)
    evaluated = rng.sample(in_evaluated, min(IN_EVALUATED_AGENCIES, len(in_evaluated)))
    others = [c for c in _candidates(staff, None) if c not in evaluated]
    chosen = [(a, e, True) for a, e in evaluated] + [
        (a, e, False) for a, e in rng.sample(others, total - len(evaluated))
    ]
    for number, (agency, employee, last_year) in enumerate(chosen, start=101):
        if last_year:
            first, last = datetime.date(year, 3, 1), datetime.date(year, 11, 30)
        elif rng.random() < LAPSED_SHARE:
            first, last = as_of - relativedelta(months=30), as_of - relativedelta(months=13)
        else:
            first, last = as_of - relativedelta(months=11), as_of - datetime.timedelta(days=5)
        # Decided by the agency as it is now (communes were formed on 1/7/2025), about someone in post a while.
        first = max(
            first, agency.valid_from + datetime.timedelta(days=30), employee.recruitment_date + relativedelta(months=6)
        )
        if first > last:
            continue
        decided = day_between(rng, first, last)
        warning = rng.random() < WARNING_SHARE
        on_duty = last_year or rng.random() < 0.9
        violated = max(decided - datetime.timedelta(days=rng.randint(20, 120)), employee.recruitment_date)
        # One case in three found on the day of the act, the others later (no draw, so the rest of the demo
        # stays as it was): the few of those decided more than 90 days on show up as late.
        discovered = violated + datetime.timedelta(days=(decided - violated).days * (number % 3) // 4)
        discipline_record_create(
            actor=admin,
            employee=employee,
            form=DisciplineForm.WARNING if warning else DisciplineForm.REPRIMAND,
            decision_number=f"{number}/QĐ-KL",
            issuing_authority=_authority(agency),
            decision_date=decided,
            effective_date=decided,
            violation_date=violated,
            discovered_on=discovered,
            reason=rng.choice(REASONS) if on_duty else OFF_DUTY_REASON,
            severity=Severity.SERIOUS if warning else Severity.LESS_SERIOUS,
            duty_related=on_duty,
        )
        summary.discipline += 1


def seed_commendations(
    *, rng: random.Random, admin: User, staff: Staff, as_of: datetime.date, summary: ActivitySummary
) -> None:
    """Last year's titles for the people rated that year (LĐTT, a few CSTĐCS), and a couple of Giấy khen."""
    year = as_of.year - 1
    decided = min(datetime.date(year + 1, 1, 20), as_of)
    rated = set(AnnualRating.objects.filter(year=year).values_list("employee_id", flat=True))
    soldiers = 0
    for code in EVALUATED:
        agency = staff.by_code(code)
        for employee in staff.people.get(agency.pk, []):
            if employee.pk not in rated:
                continue
            verdicts = {v["award"]: v for v in employee_eligibility(employee=employee, year=year)}
            if not verdicts[Award.ADVANCED_WORKER]["eligible"] or rng.random() < 0.1:
                continue
            common = {
                "actor": admin,
                "employee": employee,
                "year": year,
                "issuing_authority": _authority(agency),
                "decision_date": decided,
            }
            commendation_create(award=Award.ADVANCED_WORKER, decision_number=f"15/QĐ-{code}", **common)
            summary.commendations += 1
            # CSTĐCS rests on the excellent rating and the LĐTT just given; a few, each with an initiative.
            if soldiers < 3 and verdicts[Award.GRASSROOTS_SOLDIER]["eligible"]:
                initiative_create(
                    actor=admin,
                    employee=employee,
                    title=INITIATIVES[soldiers % len(INITIATIVES)],
                    recognition_level=InitiativeLevel.GRASSROOTS,
                    year=year,
                    decision_number=f"{40 + soldiers}/QĐ-HĐSK",
                    recognised_on=datetime.date(year, 11, 20),
                )
                commendation_create(award=Award.GRASSROOTS_SOLDIER, decision_number=f"16/QĐ-{code}", **common)
                summary.commendations += 1
                soldiers += 1
    # Giấy khen of the Department of Home Affairs for the merger of the communes.
    home_affairs = staff.by_code("SNV")
    disciplined = set(Employee.objects.filter(discipline_records__isnull=False).values_list("pk", flat=True))
    communes = [a for a in staff.agencies.values() if a.kind in (UnitKind.COMMUNE, UnitKind.WARD)]
    pool = [e for a in sorted(communes, key=lambda a: a.path) for e in staff.active(a) if e.pk not in disciplined]
    for employee in rng.sample(pool, min(2, len(pool))):
        commendation_create(
            actor=admin,
            award=Award.CERTIFICATE,
            employee=employee,
            year=year,
            decision_number="210/QĐ-SNV",
            issuing_authority=_authority(home_affairs),
            decision_date=decided,
            reason="Có thành tích xuất sắc trong triển khai mô hình chính quyền địa phương hai cấp",
        )
        summary.commendations += 1
