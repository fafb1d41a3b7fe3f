"""Demo training: programmes, classes of the big agencies and for the communes, results and certificates."""

import datetime
import random

from django.utils import timezone

from demo.activity import ActivitySummary, Staff, day_between
from hr.models import Employee, OrgUnit, UnitKind, User
from training.models import ClassStatus, ContentArea, Delivery, Programme, ProgrammeType, Result, TopicTag
from training.services.certificates import certificate_issue
from training.services.classes import class_create, class_set_status
from training.services.enrolments import enrolment_bulk_create
from training.services.programmes import programme_create
from training.services.results import ResultInput, results_record

# code, name, content area, type, periods, reform tags
PROGRAMMES = [
    (
        "BD-CCHC",
        "Bồi dưỡng kiến thức cải cách hành chính, cải cách thủ tục hành chính",
        "STATE_MANAGEMENT",
        # Knowledge the job position needs: it counts toward the yearly minimum of NĐ 171/2025 Điều 16.3.
        ProgrammeType.JOB_POSITION,
        16,
        ["REFORM_PROCEDURES", "REFORM_APPARATUS"],
    ),
    (
        "BD-CDS",
        "Kỹ năng số và chuyển đổi số trong cơ quan hành chính nhà nước",
        "SCIENCE_DIGITAL",
        ProgrammeType.JOB_POSITION,
        24,
        ["REFORM_E_GOVERNMENT"],
    ),
    (
        "BD-VBQPPL",
        "Kỹ năng xây dựng và kiểm tra văn bản quy phạm pháp luật",
        "JOB_POSITION",
        ProgrammeType.JOB_POSITION,
        16,
        ["REFORM_INSTITUTIONS"],
    ),
    (
        "BD-VHCV",
        "Văn hóa công vụ, đạo đức công vụ và kỹ năng giao tiếp với người dân",
        "JOB_POSITION",
        ProgrammeType.JOB_POSITION,
        8,
        ["REFORM_CIVIL_SERVICE"],
    ),
    (
        "BD-TCC",
        "Quản lý tài chính công và tự chủ tài chính của đơn vị",
        "STATE_MANAGEMENT",
        ProgrammeType.JOB_POSITION,
        24,
        ["REFORM_PUBLIC_FINANCE"],
    ),
    (
        "BD-QLNN",
        "Kiến thức quản lý nhà nước theo vị trí việc làm",
        "STATE_MANAGEMENT",
        ProgrammeType.JOB_POSITION,
        40,
        [],
    ),
    ("BD-LDP", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "STATE_MANAGEMENT", ProgrammeType.LEADERSHIP, 40, []),
    ("BD-QPAN", "Kiến thức quốc phòng và an ninh (đối tượng 4)", "DEFENCE_SECURITY", ProgrammeType.OTHER, 32, []),
    ("BD-LLCT", "Cập nhật kiến thức lý luận chính trị", "POLITICAL_THEORY", ProgrammeType.OTHER, 16, []),
]
PROVIDERS = [
    "Trường Chính trị tỉnh Sơn La",
    "Học viện Hành chính và Quản trị công",
    "Sở Nội vụ tỉnh Sơn La",
    "Trung tâm Chuyển đổi số tỉnh Sơn La",
]
# Agencies with at least this many people working hold their own classes; the others' people go to the
# classes the Department of Home Affairs holds for the communes.
BIG_AGENCY = 30
CLASSES_PER_AGENCY = 2
COMMUNE_CLASSES = 3
# passed, failed, absent
RESULT_WEIGHTS = (86, 7, 7)


def _programmes(admin: User) -> list[Programme]:
    areas = {a.code: a for a in ContentArea.objects.all()}
    tags = {t.code: t for t in TopicTag.objects.all()}
    programmes = []
    for code, name, area, kind, periods, tag_codes in PROGRAMMES:
        programme = Programme.objects.filter(code=code).first() or programme_create(
            actor=admin,
            code=code,
            name=name,
            content_area=areas[area],
            programme_type=kind,
            periods=periods,
            tags=[tags[t] for t in tag_codes],
        )
        programmes.append(programme)
    return programmes


def _hold(
    rng: random.Random,
    *,
    admin: User,
    code: str,
    programme: Programme,
    organiser: OrgUnit,
    people: list[Employee],
    start: datetime.date,
    as_of: datetime.date,
    summary: ActivitySummary,
) -> None:
    """One class: planned, opened, people enrolled; if it ended by `as_of`, results, completion, certificates."""
    end = start + datetime.timedelta(days=max(programme.periods // 8, 1) - 1)
    training_class = class_create(
        actor=admin,
        code=code,
        programme=programme,
        organiser=organiser,
        provider=rng.choice(PROVIDERS),
        start_date=start,
        end_date=end,
        delivery=rng.choice(list(Delivery)),
        capacity=len(people) + rng.randint(0, 10),
    )
    training_class = class_set_status(training_class=training_class, actor=admin, status=ClassStatus.OPEN)
    enrolments, _refused = enrolment_bulk_create(
        actor=admin, training_class=training_class, employees=people, skip_ineligible=True
    )
    summary.classes += 1
    summary.enrolments += len(enrolments)
    if end > as_of or not enrolments:
        return
    training_class = class_set_status(training_class=training_class, actor=admin, status=ClassStatus.IN_PROGRESS)
    results = [
        ResultInput(enrolment=e, result=rng.choices([Result.PASSED, Result.FAILED, Result.ABSENT], RESULT_WEIGHTS)[0])
        for e in enrolments
    ]
    results_record(actor=admin, training_class=training_class, results=results)
    class_set_status(training_class=training_class, actor=admin, status=ClassStatus.COMPLETED)
    issued = min(end + datetime.timedelta(days=rng.randint(3, 15)), as_of, timezone.localdate())
    passed = [r.enrolment for r in results if r.result == Result.PASSED]
    for number, enrolment in enumerate(passed, start=1):
        certificate_issue(actor=admin, enrolment=enrolment, number=f"{code}/{number:03d}", issue_date=issued)
    summary.certificates += len(passed)


def _year_window(year: int, as_of: datetime.date) -> tuple[datetime.date, datetime.date] | None:
    """The days a completed class of `year` may start on: ended ten days before `as_of` at the latest."""
    first, last = datetime.date(year, 1, 15), min(datetime.date(year, 12, 10), as_of - datetime.timedelta(days=15))
    return (first, last) if last >= first + datetime.timedelta(days=30) else None


def seed_training(
    *, rng: random.Random, admin: User, staff: Staff, as_of: datetime.date, summary: ActivitySummary
) -> None:
    programmes = _programmes(admin)
    summary.programmes = len(programmes)
    agencies = sorted(staff.agencies.values(), key=lambda a: a.path)
    big = [
        a
        for a in agencies
        if a.kind in (UnitKind.DEPARTMENT, UnitKind.PUBLIC_SERVICE_UNIT) and len(staff.active(a)) >= BIG_AGENCY
    ]
    communes = [a for a in agencies if a.kind in (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE)]
    commune_people = [e for c in communes for e in staff.active(c)]
    home_affairs = staff.by_code("SNV")
    for year in (as_of.year - 1, as_of.year):
        window = _year_window(year, as_of)
        if window is None:
            continue
        for agency in big:
            people = staff.active(agency)
            for number in range(1, CLASSES_PER_AGENCY + 1):
                chosen = rng.sample(people, round(len(people) * rng.uniform(0.35, 0.6)))
                _hold(
                    rng,
                    admin=admin,
                    code=f"{year}-{agency.code}-{number:02d}",
                    programme=rng.choice(programmes),
                    organiser=agency,
                    people=sorted(chosen, key=lambda e: e.pk),
                    start=day_between(rng, *window),
                    as_of=as_of,
                    summary=summary,
                )
        for number in range(1, COMMUNE_CLASSES + 1):
            chosen = rng.sample(commune_people, min(len(commune_people), rng.randint(50, 90)))
            _hold(
                rng,
                admin=admin,
                code=f"{year}-XA-{number:02d}",
                programme=programmes[number % 3],  # reform, digital and legal drafting skills
                organiser=home_affairs,
                people=sorted(chosen, key=lambda e: e.pk),
                start=day_between(rng, *window),
                as_of=as_of,
                summary=summary,
            )
    # Classes planned after the reference date, open for enrolment.
    for agency in big[:3]:
        start = as_of + datetime.timedelta(days=rng.randint(7, 30))
        people = staff.active(agency)
        _hold(
            rng,
            admin=admin,
            code=f"{start.year}-{agency.code}-KH",
            programme=rng.choice(programmes),
            organiser=agency,
            people=sorted(rng.sample(people, len(people) // 4), key=lambda e: e.pk),
            start=start,
            as_of=as_of,
            summary=summary,
        )
