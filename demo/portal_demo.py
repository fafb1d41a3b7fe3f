"""The printed staff login's portal: passed classes in several years, last year's decided form, this year's draft.

The demo's agency-wide activity reaches only some people; the login a newcomer tries first gets a full record.
"""

import datetime
import random

from demo.accounts import DEMO_LOGINS
from demo.activity import ActivitySummary, Staff
from demo.evaluations_demo import _evaluate, _logins, decision_clerk
from evaluations.models import Evaluation, PeriodKind
from evaluations.services.cycles import cycle_create, cycle_generate
from hr.models import Role, User
from training.models import ClassStatus, Delivery, Programme, Result
from training.services.certificates import certificate_issue
from training.services.classes import class_create, class_set_status
from training.services.enrolments import enrolment_bulk_create
from training.services.results import ResultInput, results_record

# Years before the reference date, and the programmes passed in each (codes of demo.training_demo).
CLASSES = {3: ["BD-VHCV"], 2: ["BD-CDS"], 1: ["BD-CCHC", "BD-VBQPPL", "BD-VHCV"]}


def _passed_class(*, admin: User, code: str, programme: Programme, employee, start: datetime.date, summary) -> None:
    end = start + datetime.timedelta(days=max(programme.periods // 8, 1) - 1)
    training_class = class_create(
        actor=admin,
        code=code,
        programme=programme,
        organiser=employee.unit,
        provider="Trường Chính trị tỉnh Sơn La",
        start_date=start,
        end_date=end,
        delivery=Delivery.IN_PERSON,
        capacity=10,
    )
    training_class = class_set_status(training_class=training_class, actor=admin, status=ClassStatus.OPEN)
    (enrolment,), _refused = enrolment_bulk_create(actor=admin, training_class=training_class, employees=[employee])
    training_class = class_set_status(training_class=training_class, actor=admin, status=ClassStatus.IN_PROGRESS)
    results_record(actor=admin, training_class=training_class, results=[ResultInput(enrolment, Result.PASSED)])
    class_set_status(training_class=training_class, actor=admin, status=ClassStatus.COMPLETED)
    certificate_issue(actor=admin, enrolment=enrolment, number=f"{code}/001", issue_date=end + datetime.timedelta(3))
    summary.classes += 1
    summary.enrolments += 1
    summary.certificates += 1


def seed_portal_login(
    *, rng: random.Random, admin: User, staff: Staff, as_of: datetime.date, summary: ActivitySummary
) -> None:
    login = next(login for login in DEMO_LOGINS if login.role == Role.STAFF)
    user = User.objects.select_related("employee__unit").get(username=login.username)
    employee = user.employee
    programmes = {p.code: p for p in Programme.objects.filter(code__in={c for cs in CLASSES.values() for c in cs})}
    for back, codes in CLASSES.items():
        year = as_of.year - back
        for number, code in enumerate(codes, start=1):
            start = datetime.date(year, 3 + 3 * number, 9)
            _passed_class(
                admin=admin,
                code=f"{year}-{login.room}-{number:02d}",
                programme=programmes[code],
                employee=employee,
                start=start,
                summary=summary,
            )
    # Last year's cycle of the login's room, taken to decision like the other agencies' (demo.evaluations_demo).
    room = employee.unit
    cycle = cycle_create(actor=admin, scope_unit=room, year=as_of.year - 1, period_kind=PeriodKind.ANNUAL)
    cycle_generate(actor=admin, cycle=cycle)
    people = list(room.employees.select_related("position").order_by("pk"))
    users = _logins(admin=admin, agency=room, people=people, summary=summary)
    manager = next((u for u in users.values() if u.role == Role.MANAGER and u.scope_unit_id == room.pk), None)
    officer = User.objects.filter(role=Role.PERSONNEL_OFFICER, scope_unit__code=login.agency).first()
    evaluations = Evaluation.objects.filter(cycle=cycle, status="DRAFT").select_related("cycle").order_by("pk")
    for evaluation in evaluations:
        if manager is not None and evaluation.employee_id == manager.employee_id:
            continue  # the room head is reviewed above the room: left to the agency's own cycle
        _evaluate(
            rng,
            evaluation=evaluation,
            admin=admin,
            clerk=decision_clerk(admin),
            users=users,
            manager=manager,
            officer=officer,
            decision_number=f"{rng.randint(150, 400)}/QĐ-{login.agency}",
            decision_day=12,
            pending=False,
            summary=summary,
        )
