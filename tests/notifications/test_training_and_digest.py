"""E-mail to a person enrolled in a class or given a certificate, and the managers' daily digest."""

import datetime

import pytest
from django.core import mail

from evaluations.services.digest import manager_digests_send
from notifications.services import notice_preference_set
from tests.evaluations.factories import evaluation_of, generated, submit
from tests.training.factories import ProgrammeFactory, TrainingClassFactory, enrol, finish, start

pytestmark = pytest.mark.django_db


def test_enrolment_and_certificate_are_told_to_the_person(org, django_capture_on_commit_callbacks):
    employee = org.a.staff.employee
    end = datetime.date(2026, 10, 9)
    training_class = TrainingClassFactory(
        programme=ProgrammeFactory(name="Bồi dưỡng cải cách hành chính", periods=24),
        organiser=org.a.unit,
        start_date=end - datetime.timedelta(days=4),
        end_date=end,
    )
    with django_capture_on_commit_callbacks(execute=True):
        (enrolment,) = enrol(org.a.officer, training_class, employee)
    (message,) = mail.outbox
    assert message.to == [org.a.staff.email]
    assert "Bồi dưỡng cải cách hành chính" in message.subject and "05/10/2026" in message.body
    mail.outbox.clear()
    start(org.a.officer, training_class)
    with django_capture_on_commit_callbacks(execute=True):
        finish(org.a.officer, training_class, {enrolment: "PASSED"}, periods={enrolment: 24}, certify=True)
    (message,) = mail.outbox
    assert "giấy chứng nhận" in message.subject.lower()
    assert enrolment.certificate.verification_code in message.body


def test_the_digest_goes_to_managers_who_turned_it_on_once_a_day(org, django_capture_on_commit_callbacks):
    cycle = generated(org.admin, org.a.unit)
    submit(evaluation_of(cycle, org.a.staff.employee), self_user=org.a.staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert manager_digests_send(portal="https://canbo.sonla.gov.vn") == 0  # nobody turned it on
    notice_preference_set(actor=org.a.manager, kind="manager_digest", enabled=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert manager_digests_send(portal="https://canbo.sonla.gov.vn") == 1
        assert manager_digests_send(portal="https://canbo.sonla.gov.vn") == 0  # the same day: nothing more
    (message,) = [m for m in mail.outbox if m.to == [org.a.manager.email]]
    assert org.a.staff.employee.full_name in message.body and "https://canbo.sonla.gov.vn/evaluations/" in message.body
