"""Factories and helpers for training tests: programmes, classes, and classes driven through their lifecycle."""

import datetime
import itertools

import factory
from factory.django import DjangoModelFactory

from hr.services.discipline import discipline_record_create
from training.models import ClassStatus, ContentArea, Programme, TopicTag, TrainingClass
from training.services.certificates import certificate_issue
from training.services.classes import class_set_status, session_add
from training.services.enrolments import enrolment_bulk_create
from training.services.results import ResultInput, attendance_record, results_record

_numbers = itertools.count(1)


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"CT{n:04d}")
    name = factory.Sequence(lambda n: f"Bồi dưỡng kiến thức số {n}")
    content_area = factory.LazyFunction(lambda: ContentArea.objects.get(code="JOB_POSITION"))
    programme_type = "JOB_POSITION"
    periods = 40

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.set(TopicTag.objects.filter(code__in=extracted))


class TrainingClassFactory(DjangoModelFactory):
    class Meta:
        model = TrainingClass

    code = factory.Sequence(lambda n: f"L{n:05d}")
    programme = factory.SubFactory(ProgrammeFactory)
    provider = "Trường Chính trị tỉnh Sơn La"
    start_date = datetime.date(2025, 3, 3)
    end_date = datetime.date(2025, 3, 7)
    delivery = "IN_PERSON"
    capacity = 30
    status = ClassStatus.OPEN


def reform_programme(**kwargs) -> Programme:
    return ProgrammeFactory(tags=["REFORM_PROCEDURES"], **kwargs)


def open_class(org, **kwargs) -> TrainingClass:
    kwargs.setdefault("organiser", org.a.unit)
    return TrainingClassFactory(**kwargs)


def enrol(actor, training_class, *employees):
    created, _refused = enrolment_bulk_create(actor=actor, training_class=training_class, employees=list(employees))
    return created


def start(actor, training_class) -> TrainingClass:
    return class_set_status(training_class=training_class, actor=actor, status=ClassStatus.IN_PROGRESS)


def finish(actor, training_class, results: dict, *, periods: dict | None = None, certify: bool = False):
    """Record results {enrolment: result} on a running class and complete it (optionally certify the passes)."""
    periods = periods or {}
    results_record(
        actor=actor,
        training_class=training_class,
        results=[ResultInput(enrolment=e, result=r, periods_credited=periods.get(e)) for e, r in results.items()],
    )
    class_set_status(training_class=training_class, actor=actor, status=ClassStatus.COMPLETED)
    if certify:
        for enrolment, result in results.items():
            if result == "PASSED":
                certificate_issue(
                    actor=actor,
                    enrolment=enrolment,
                    number=f"CC-{next(_numbers):05d}",
                    issue_date=training_class.end_date,
                )


def trained(actor, employee, *, end: datetime.date, periods: int = 40, programme=None, certify=False, organiser=None):
    """A completed class in which `employee` passed, ending on `end`, credited `periods`."""
    training_class = TrainingClassFactory(
        programme=programme or ProgrammeFactory(periods=max(periods, 1)),
        organiser=organiser or employee.unit,
        start_date=end - datetime.timedelta(days=4),
        end_date=end,
    )
    (enrolment,) = enrol(actor, training_class, employee)
    start(actor, training_class)
    finish(actor, training_class, {enrolment: "PASSED"}, periods={enrolment: periods}, certify=certify)
    enrolment.refresh_from_db()
    return enrolment


def sessions(actor, training_class, *days_periods):
    return [session_add(training_class=training_class, actor=actor, date=d, periods=p) for d, p in days_periods]


def attend(actor, training_class, session, present: dict):
    return attendance_record(actor=actor, training_class=training_class, session=session, present=present)


def disciplined(actor, employee, *, on: datetime.date):
    """A reprimand in force on `on` (effective that day)."""
    return discipline_record_create(
        actor=actor,
        employee=employee,
        form="KHIEN_TRACH",
        decision_number=f"QĐ-KL {next(_numbers)}",
        issuing_authority="Giám đốc Sở",
        decision_date=on,
        effective_date=on,
        violation_date=on - datetime.timedelta(days=30),
        reason="Vi phạm quy chế làm việc",
        severity="IT_NGHIEM_TRONG",
    )
