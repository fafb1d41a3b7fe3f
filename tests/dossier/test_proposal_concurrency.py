"""Simultaneous proposals and decisions: one pending proposal per group, and a proposal decided once."""

import threading

import pytest
from django.db import connection
from rest_framework.exceptions import APIException

from dossier.models import ChangeProposal, ProposalStatus
from dossier.services.proposals import proposal_approve, proposal_reject, proposal_submit


def _race(*calls) -> list[str]:
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(call):
        try:
            barrier.wait()
            call()
            result = "ok"
        except APIException as error:
            result = str(error.get_codes())
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_proposals_for_one_group_leave_one_pending(org):
    staff, employee = org.a.staff, org.a.staff.employee

    def propose(value):
        return lambda: proposal_submit(actor=staff, employee=employee, group="HEALTH", values={"blood_type": value})

    outcomes = _race(propose("A"), propose("B"), propose("O"))
    assert outcomes.count("ok") == 1
    assert len([o for o in outcomes if "proposal_pending" in o]) == 2
    assert ChangeProposal.objects.filter(employee=employee, status=ProposalStatus.PENDING).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_proposal_approved_and_rejected_at_once_is_decided_once(org):
    proposal = proposal_submit(
        actor=org.a.staff, employee=org.a.staff.employee, group="HEALTH", values={"blood_type": "A"}
    )
    outcomes = _race(
        lambda: proposal_approve(actor=org.a.officer, proposal=proposal),
        lambda: proposal_reject(actor=org.admin, proposal=proposal, reason="Thiếu giấy xác nhận"),
    )
    assert outcomes == ["ok", "proposal_decided"]
    assert proposal.history.count() == 2  # submitted, then decided once
