"""GET /api/v1/me/tasks/: the evaluations awaiting the caller, with their allowed actions, in constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluations.models import Evaluation
from evaluations.selectors.tasks import task_list
from evaluations.services.cycles import cycle_generate
from evaluations.services.workflow import available_transitions
from tests.evaluations.factories import people

pytestmark = pytest.mark.django_db
URL = "/api/v1/me/tasks/"


def _names(response) -> dict:
    return {row["employee_name"]: [a["name"] for a in row["actions"]] for row in response.data["results"]}


def test_staff_see_their_own_draft(org, staff_evaluation, as_user):
    response = as_user(org.a.staff).get(URL)
    assert response.status_code == 200
    assert _names(response) == {org.a.staff.employee.full_name: ["submit_self_assessment"]}


def test_the_manager_sees_what_they_may_act_on_and_not_their_own_review(org, staff_evaluation, walk, as_user):
    assert as_user(org.a.manager).get(URL).data["count"] == 1  # only their own self-assessment
    walk(staff_evaluation, "SELF_ASSESSED")
    names = _names(as_user(org.a.manager).get(URL))
    assert names[org.a.staff.employee.full_name] == ["record_minutes", "return_to_employee"]
    assert as_user(org.b.manager).get(URL).data["count"] == 0  # agency B has no cycle: nothing


@pytest.mark.parametrize("state", ["DRAFT", "SELF_ASSESSED", "COMMENTED", "REVIEWED", "PROPOSED", "DECIDED"])
def test_the_list_is_exactly_the_evaluations_with_an_allowed_action(org, cycle, staff_evaluation, walk, state):
    walk(staff_evaluation, state)
    evaluations = list(Evaluation.objects.select_related("unit", "rule_set__workflow"))
    for user in (org.admin, org.a.officer, org.a.manager, org.a.staff, org.b.officer, org.b.staff):
        listed = set(task_list(user=user).values_list("pk", flat=True))
        assert listed == {e.pk for e in evaluations if available_transitions(user, e)}, (state, user.username)


def test_constant_queries_whatever_the_length(org, cycle, as_user, django_assert_num_queries):
    client = as_user(org.a.manager)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    people(org.a.room, 6, ranked=True)
    cycle_generate(actor=org.admin, cycle=cycle)
    with django_assert_num_queries(len(few)):
        response = client.get(URL)
    assert response.data["count"] == 1  # drafts await their owners, not the manager
    staff_rows = list(
        Evaluation.objects.filter(cycle=cycle, unit=org.a.room, status="DRAFT").exclude(employee=org.a.manager.employee)
    )
    for evaluation in staff_rows:
        evaluation.status = "SELF_ASSESSED"
        evaluation.save()
    with django_assert_num_queries(len(few)):
        response = client.get(URL)
    assert response.data["count"] == len(staff_rows) + 1 == 8
