"""Demo evaluations: last year's annual cycle of a few agencies taken to decision, this year's one generated."""

import datetime
import random
from decimal import Decimal

from backend.api.exceptions import Conflict
from demo.activity import ActivitySummary, Staff
from evaluations.models import Evaluation, PeriodKind
from evaluations.services.cycles import cycle_create, cycle_generate
from evaluations.services.unit_ratings import unit_rating_record
from evaluations.services.workflow import evaluation_transition
from hr.models import Employee, OrgUnit, RatingLevel, Role, User
from hr.services.accounts import account_create

# Last year's cycle is taken to decision in these agencies: their people self-assess, so each gets a
# login (password below). Logins are slow to create (password hashing), hence a few small agencies.
EVALUATED = ("X-MUONG-BAM", "SNV-TTLT", "SNV-DVVL")
# This year's cycle is only generated (no logins needed): the agencies of the demo logins.
CURRENT = ("SNV", "X-MUONG-BAM")
STAFF_PASSWORD = "Canbo@2026"
CLERK_USERNAME, CLERK_PASSWORD = "vanphong.ubnd", "Chanhvp@2026"
RATING_WEIGHTS = {
    RatingLevel.EXCELLENT: 18,
    RatingLevel.GOOD: 60,
    RatingLevel.COMPLETED: 17,
    RatingLevel.NOT_COMPLETED: 5,
}
# People of each agency left part-way through the workflow (still to be decided).
PENDING_PER_AGENCY = 2
# The steps of last year's cycle as they were dated on paper: self-assessment on 1 December, the meeting
# between the 1st and the 10th, review and proposal on the 11th, decision and notice on the 12th, before the
# 14 December deadline. Every fourth person was decided by a second decision on the 19th, after it, so the
# timeliness figures show late ones.
DECISION_DAY, LATE_DECISION_DAY = 12, 19
SELF_COMMENTS = [
    "Hoàn thành đầy đủ các nhiệm vụ được giao trong năm, chấp hành tốt nội quy, quy chế của cơ quan.",
    "Chủ động tham mưu, giải quyết công việc đúng tiến độ; còn một số việc chậm do khách quan.",
    "Thực hiện tốt nhiệm vụ chuyên môn, tích cực ứng dụng công nghệ thông tin trong giải quyết công việc.",
]
MANAGER_COMMENTS = [
    "Đồng ý với nội dung tự đánh giá.",
    "Có tinh thần trách nhiệm, cần chủ động hơn trong phối hợp công việc.",
    "Hoàn thành tốt nhiệm vụ, có ý thức tổ chức kỷ luật tốt.",
]


def _shares(rng: random.Random, rating: str) -> dict[str, Decimal]:
    """Shares of tasks done on time / exceeded and of criteria not assured that give `rating` under NĐ 90."""
    if rating == RatingLevel.EXCELLENT:
        completed, exceeded, not_assured = 100, rng.randint(50, 80), 0
    elif rating == RatingLevel.GOOD:
        completed, exceeded, not_assured = 100, rng.randint(0, 45), 0
    elif rating == RatingLevel.COMPLETED:
        completed, exceeded, not_assured = rng.randint(80, 95), 0, rng.choice([0, 10, 20])
    else:
        completed, exceeded, not_assured = rng.randint(50, 75), 0, rng.choice([30, 40])
    return {
        "completed_pct": Decimal(completed),
        "exceeded_pct": Decimal(exceeded),
        "not_assured_pct": Decimal(not_assured),
    }


def _logins(*, admin: User, agency: OrgUnit, people: list[Employee], summary: ActivitySummary) -> dict[int, User]:
    """Everyone's login (employee id → user): the head of the agency manages it, the others are staff."""
    users = {u.employee_id: u for u in User.objects.filter(employee__in=people)}
    prefix = agency.code.lower()
    for number, employee in enumerate(people, start=1):
        if employee.pk in users:
            continue
        head = employee.unit_id == agency.pk and employee.position is not None and employee.position.is_head
        users[employee.pk] = account_create(
            actor=admin,
            username=f"{prefix}.{number:03d}",
            password=STAFF_PASSWORD,
            role=Role.MANAGER if head else Role.STAFF,
            employee=employee,
            scope_unit=agency if head else None,
        )
        summary.staff_logins += 1
        if not head and not summary.staff_login_hint:
            summary.staff_login_hint = f"{users[employee.pk].username} / {STAFF_PASSWORD}"
    return users


def _covering(users: dict[int, User], role: str, agency: OrgUnit) -> User | None:
    return next((u for u in users.values() if u.role == role and u.scope_unit_id == agency.pk), None)


def decision_clerk(admin: User) -> User:
    """The clerk of the provincial People's Committee's office, who enters decisions the administrator proposed.

    Whoever proposes a rating does not enter its decision: the heads of agencies are proposed by the
    administrator, and their decisions (the chair's) are entered by this account.
    """
    return User.objects.filter(username=CLERK_USERNAME).first() or account_create(
        actor=admin, username=CLERK_USERNAME, password=CLERK_PASSWORD, role=Role.PROVINCE_ADMIN, employee=None
    )


def _take(evaluation: Evaluation, actor: User, name: str, data: dict, on: datetime.date) -> Evaluation:
    return evaluation_transition(actor=actor, evaluation=evaluation, name=name, data=data, on=on)


def _evaluate(
    rng: random.Random,
    *,
    evaluation: Evaluation,
    admin: User,
    clerk: User,
    users: dict[int, User],
    manager: User | None,
    officer: User | None,
    decision_number: str,
    decision_day: int,
    pending: bool,
    summary: ActivitySummary,
) -> None:
    year = evaluation.cycle.year
    rating = rng.choices(list(RATING_WEIGHTS), list(RATING_WEIGHTS.values()))[0]
    shares = _shares(rng, rating)
    evaluation = _take(
        evaluation,
        users[evaluation.employee_id],
        "submit_self_assessment",
        {"self_rating": rating, "self_comment": rng.choice(SELF_COMMENTS), **shares},
        datetime.date(year, 12, 1),
    )
    # The head of the agency is commented on and reviewed by the province; the others by the head.
    reviewer = admin if evaluation.is_agency_head else manager
    if reviewer is None:
        return
    minutes_date = datetime.date(year, 12, rng.randint(1, 10))
    evaluation = _take(
        evaluation,
        reviewer,
        "record_minutes",
        {
            "collective_minutes": f"Biên bản họp nhận xét, đánh giá ngày {minutes_date:%d/%m/%Y}.",
            "minutes_date": minutes_date,
        },
        minutes_date,
    )
    if pending:
        return
    reviewed, decided = datetime.date(year, 12, 11), datetime.date(year, 12, decision_day)
    evaluation = _take(evaluation, reviewer, "review", {"manager_comment": rng.choice(MANAGER_COMMENTS)}, reviewed)
    # The agency's personnel officer proposes (the province's for a head of agency, or where the agency has
    # no officer), and the decision of the competent head is entered by someone else: the administrator, or
    # the clerk of the provincial People's Committee's office when the administrator proposed.
    proposer = admin if evaluation.is_agency_head or officer is None else officer
    decider = clerk if proposer == admin else admin
    if evaluation.employee_id in (proposer.employee_id, decider.employee_id):
        return  # nobody proposes or decides their own evaluation
    evaluation = _take(evaluation, proposer, "propose", {"proposed_rating": rating}, reviewed)
    try:
        evaluation = _take(
            evaluation, decider, "decide", {"decision_number": decision_number, "final_rating": rating}, decided
        )
    except Conflict:
        # The agency's quota of "excellently completed" is used up: rated one level lower.
        evaluation = _take(
            evaluation,
            decider,
            "decide",
            {"decision_number": decision_number, "final_rating": RatingLevel.GOOD},
            decided,
        )
    summary.evaluations_decided += 1
    if rng.random() < 0.7:
        _take(evaluation, decider, "notify", {}, decided)


def _rate_led_units(*, admin: User, agency: OrgUnit, year: int) -> None:
    """The units of the agency are rated before their heads (NĐ 90/2020 ties a head to the units they lead).

    A generator of its own, seeded by the agency, so the rest of the demo draws what it drew before.
    """
    rng = random.Random(f"{agency.code}-{year}")
    for unit in OrgUnit.objects.filter(path__startswith=agency.path).exclude(pk=agency.pk).order_by("path"):
        rating = RatingLevel.EXCELLENT if rng.random() < 0.2 else RatingLevel.GOOD
        unit_rating_record(actor=admin, unit=unit, year=year, rating=rating, decision_number=f"{unit.code}/{year}")


def seed_evaluations(
    *, rng: random.Random, admin: User, staff: Staff, as_of: datetime.date, summary: ActivitySummary
) -> None:
    year = as_of.year - 1
    clerk = decision_clerk(admin)
    for code in EVALUATED:
        agency = staff.by_code(code)
        users: dict[int, User] = {}
        # The cycle covers the agency's subtree: its public service units too.
        for unit in sorted(staff.agencies.values(), key=lambda a: a.path):
            if unit.path.startswith(agency.path):
                people = staff.people.get(unit.pk, [])
                users |= _logins(admin=admin, agency=unit, people=people, summary=summary)
        _rate_led_units(admin=admin, agency=agency, year=year)
        manager = _covering(users, Role.MANAGER, agency)
        officer = _covering(users, Role.PERSONNEL_OFFICER, agency)
        cycle = cycle_create(actor=admin, scope_unit=agency, year=year, period_kind=PeriodKind.ANNUAL)
        cycle_generate(actor=admin, cycle=cycle)
        evaluations = list(
            Evaluation.objects.filter(cycle=cycle, status="DRAFT").select_related("cycle").order_by("employee_id")
        )
        pending = set(rng.sample(range(len(evaluations)), min(PENDING_PER_AGENCY, len(evaluations))))
        number = rng.randint(150, 400)
        for index, evaluation in enumerate(evaluations):
            late = index % 4 == 3
            _evaluate(
                rng,
                evaluation=evaluation,
                admin=admin,
                clerk=clerk,
                users=users,
                manager=manager,
                officer=officer,
                decision_number=f"{number + 1 if late else number}/QĐ-{code}",
                decision_day=LATE_DECISION_DAY if late else DECISION_DAY,
                pending=index in pending,
                summary=summary,
            )
    # This year's cycles, generated and waiting for the self-assessments.
    for code in CURRENT:
        current = cycle_create(
            actor=admin, scope_unit=staff.by_code(code), year=as_of.year, period_kind=PeriodKind.ANNUAL
        )
        cycle_generate(actor=admin, cycle=current)
        summary.evaluations_open += Evaluation.objects.filter(cycle=current, status="DRAFT").count()
