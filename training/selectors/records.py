"""A person's training record: every enrolment, current ones, periods per year and certificates."""

import datetime

from django.db.models import QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from hr.models import Employee
from training.models import (
    ClassStatus,
    CreditRule,
    CreditSource,
    Enrolment,
    EnrolmentStatus,
    PeriodMinimum,
    Result,
    TeachingAssignment,
    TeachingStatus,
)
from training.selectors.compliance import credit_rules_in_force, minimum_for, source_counts


def person_enrolments(*, employee: Employee) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(employee=employee)
        .select_related(
            "employee", "training_class__programme__content_area", "training_class__organiser", "certificate"
        )
        .order_by("-training_class__start_date", "-id")
    )


def completed_trainings(*, employee: Employee) -> QuerySet[Enrolment]:
    """Passed results of completed classes, the entries of the person's record history."""
    return (
        Enrolment.objects.filter(
            employee=employee,
            status=EnrolmentStatus.ENROLLED,
            result=Result.PASSED,
            training_class__status=ClassStatus.COMPLETED,
        )
        .select_related("training_class__programme", "certificate")
        .order_by("-training_class__end_date", "-id")
    )


def yearly_periods(*, employee: Employee, until: int | None = None) -> list[dict]:
    """Credited periods and the minimum for each year from the first rule (or recruitment) to `until`.

    `periods` counts the programme types the credit rules count for the person that year, plus `taught`:
    their teaching in classes that ended that year, when the rules count it (a leader's, NĐ 171/2025 Điều 3.4).
    """
    until = until or timezone.localdate().year
    rules = list(PeriodMinimum.objects.all())
    credit_rules = list(CreditRule.objects.all())
    leader = bool(employee.position_id and employee.position.is_leadership)
    learned: dict[tuple[int, str], int] = {
        (year, kind): total
        for year, kind, total in Enrolment.objects.filter(
            employee=employee,
            status=EnrolmentStatus.ENROLLED,
            result=Result.PASSED,
            training_class__status=ClassStatus.COMPLETED,
        )
        .annotate(year=ExtractYear("training_class__end_date"))
        .order_by()
        .values_list("year", "training_class__programme__programme_type")
        .annotate(total=Sum("periods_credited"))
    }
    taught = dict(
        TeachingAssignment.objects.filter(
            employee=employee, status=TeachingStatus.RECORDED, training_class__status=ClassStatus.COMPLETED
        )
        .annotate(year=ExtractYear("training_class__end_date"))
        .order_by()
        .values_list("year")
        .annotate(total=Sum("periods"))
    )
    first_rule = min((r.valid_from.year for r in rules), default=until)
    start = max(first_rule, employee.recruitment_date.year)
    active_years = {year for year, _kind in learned} | set(taught)
    years = sorted(set(range(start, until + 1)) | {y for y in active_years if y <= until}, reverse=True)
    rows = []
    for year in years:
        minimum = minimum_for(category=employee.category, year=year, leader=leader, rules=rules)
        in_force = credit_rules_in_force(year=year, rules=credit_rules)

        def counts(source: str, in_force=in_force) -> bool:
            return source_counts(in_force=in_force, source=source, category=employee.category, leader=leader)

        from_teaching = taught.get(year, 0) if counts(CreditSource.TEACHING) else 0
        periods = sum(total for (y, kind), total in learned.items() if y == year and counts(kind)) + from_teaching
        rows.append(
            {
                "year": year,
                "periods": periods,
                "taught": from_teaching,
                "minimum": minimum,
                "compliant": minimum is None or periods >= minimum,
            }
        )
    return rows


def training_record(*, employee: Employee) -> dict:
    """Everything the self-service page shows, in a fixed number of queries."""
    enrolments = list(person_enrolments(employee=employee))
    current = [
        e
        for e in enrolments
        if e.status == EnrolmentStatus.ENROLLED
        and e.training_class.status in (ClassStatus.OPEN, ClassStatus.IN_PROGRESS)
    ]
    certificates = [e.certificate for e in enrolments if hasattr(e, "certificate")]
    return {
        "employee": employee,
        "as_of": timezone.localdate(),
        "enrolments": enrolments,
        "current": current,
        "years": yearly_periods(employee=employee),
        "certificates": certificates,
    }


def training_history_events(*, employee: Employee) -> list[dict]:
    """Completed training as entries of the person's record history (the format of hr.serializers.history)."""
    events = []
    for enrolment in completed_trainings(employee=employee):
        training_class = enrolment.training_class
        certificate = getattr(enrolment, "certificate", None)
        detail = {
            "enrolment": enrolment.pk,
            "class": training_class.code,
            "programme": training_class.programme.name,
            "date": training_class.end_date.isoformat(),
            "periods": enrolment.periods_credited,
            "certificate": certificate.number if certificate else None,
            "certificate_date": certificate.issue_date.isoformat() if certificate else None,
        }
        events.append(
            {
                "history_id": None,
                "history_date": datetime.datetime.combine(
                    training_class.end_date, datetime.time.max, tzinfo=timezone.get_current_timezone()
                ),
                "history_type": "training",
                "history_user": None,
                "changes": [
                    {"field": name, "old": None, "new": detail[name]}
                    for name in ("programme", "periods", "certificate")
                ],
                "training": detail,
            }
        )
    return events
