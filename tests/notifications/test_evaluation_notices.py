"""E-mail at each step of an evaluation: to the person and the next actor, once per step, after commit only."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from evaluations.services.workflow import evaluation_transition
from notifications.models import Notice
from notifications.services import notice_preference_set, notices_deliver
from tests.evaluations.factories import evaluation_of, generated, ready_for_decision, submit
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluation(org):
    return evaluation_of(generated(org.admin, org.a.unit), org.a.staff.employee)


def _sent(capture, step):
    """Run `step` as a committed request would, and return the mails it sent."""
    mail.outbox.clear()
    with capture(execute=True):
        step()
    return list(mail.outbox)


def _to(messages) -> dict[str, str]:
    return {message.to[0]: message.subject for message in messages}


def test_each_step_tells_the_person_and_the_next_actor_in_vietnamese(
    org, evaluation, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    staff, manager, officer = org.a.staff.email, org.a.manager.email, org.a.officer.email

    sent = _sent(capture, lambda: submit(evaluation, self_user=org.a.staff))
    # The minutes of the collective meeting are recorded next, by the room's manager or the agency's officer.
    assert set(_to(sent)) == {staff, manager, officer}
    to_manager = next(m for m in sent if m.to == [manager])
    assert "Chờ bạn xử lý" in to_manager.subject and org.a.staff.employee.full_name in to_manager.subject
    assert f"/evaluations/{evaluation.pk}/" in to_manager.body
    assert to_manager.alternatives and to_manager.alternatives[0][1] == "text/html"

    reason = "Bổ sung kết quả quý IV."
    sent = _sent(
        capture,
        lambda: evaluation_transition(
            actor=org.a.manager, evaluation=evaluation, name="return_to_employee", data={"return_reason": reason}
        ),
    )
    assert list(_to(sent)) == [staff]  # the person acts next; the manager who returned it is not told
    assert reason in sent[0].body and "Lý do" in sent[0].body

    submit(evaluation, self_user=org.a.staff)
    evaluation_transition(
        actor=org.a.officer,
        evaluation=evaluation,
        name="record_minutes",
        data={"collective_minutes": "Thống nhất.", "minutes_date": datetime.date(2026, 11, 30)},
    )
    sent = _sent(
        capture,
        lambda: evaluation_transition(
            actor=org.a.manager, evaluation=evaluation, name="review", data={"manager_comment": "Tốt."}
        ),
    )
    assert set(_to(sent)) == {staff, officer}

    sent = _sent(
        capture,
        lambda: evaluation_transition(
            actor=org.a.officer, evaluation=evaluation, name="propose", data={"proposed_rating": "HTTNV"}
        ),
    )
    assert staff in _to(sent)  # the officer who proposed is not told of their own step

    ready_for_decision(evaluation, total="85", proposed="HTTNV")
    # Whoever proposed does not enter the decision: the province administration enters it.
    sent = _sent(
        capture,
        lambda: evaluation_transition(
            actor=org.admin, evaluation=evaluation, name="decide", data={"decision_number": "12/QĐ"}
        ),
    )
    assert staff in _to(sent)
    assert "Hoàn thành tốt nhiệm vụ" in next(m for m in sent if m.to == [staff]).body

    sent = _sent(
        capture, lambda: evaluation_transition(actor=org.a.officer, evaluation=evaluation, name="notify", data={})
    )
    assert list(_to(sent)) == [staff]


def test_a_step_is_told_once_even_when_its_task_runs_again(org, evaluation, django_capture_on_commit_callbacks):
    sent = _sent(django_capture_on_commit_callbacks, lambda: submit(evaluation, self_user=org.a.staff))
    (event,) = Notice.objects.order_by().values_list("event_key", flat=True).distinct()
    assert notices_deliver(event) == 0  # a retried or duplicated task sends nothing more
    assert len(mail.outbox) == len(sent) == Notice.objects.filter(sent_at__isnull=False).count() == 3


def test_a_refused_or_rolled_back_step_tells_nobody(org, evaluation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                submit(evaluation, self_user=org.a.staff)
                raise RuntimeError("the request failed after the step")
        except RuntimeError:
            pass
    assert not Notice.objects.exists() and not mail.outbox


def test_opting_out_stops_the_step_notices_but_never_the_result(org, evaluation, django_capture_on_commit_callbacks):
    notice_preference_set(actor=org.a.staff, kind="evaluation_step", enabled=False)
    sent = _sent(django_capture_on_commit_callbacks, lambda: submit(evaluation, self_user=org.a.staff))
    assert org.a.staff.email not in _to(sent) and org.a.manager.email in _to(sent)


def test_preferences_over_the_api(org, as_user):
    client = as_user(org.a.staff)
    url = reverse("notice-preferences")
    listed = {item["kind"]: item for item in client.get(url).data}
    assert listed["evaluation_result"]["mandatory"] and listed["evaluation_result"]["enabled"]
    assert not listed["manager_digest"]["enabled"]  # the digest is turned on by whoever wants it
    response = client.patch(url, {"kind": "evaluation_step", "enabled": False}, format="json")
    assert response.status_code == 200
    assert {i["kind"]: i["enabled"] for i in response.data}["evaluation_step"] is False
    refused(client.patch(url, {"kind": "evaluation_result", "enabled": False}, format="json"), "notice_mandatory")
    refused(client.patch(url, {"kind": "nope", "enabled": True}, format="json"), "unknown_notice_kind")
    assert as_user(org.a.staff).get(url).data is not None
    assert client.patch(url, {"kind": "evaluation_step", "enabled": True}, format="json").status_code == 200
