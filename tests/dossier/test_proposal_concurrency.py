"""Simultaneous proposals and decisions: one pending proposal per group or row, and a proposal decided once."""

import threading

import pytest
from django.db import connection
from rest_framework.exceptions import APIException

from dossier.models import ChangeProposal, FamilyMember, ProposalStatus
from dossier.services.proposals import proposal_approve, proposal_reject, proposal_row_submit, proposal_submit


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


def _relative(name: str) -> dict:
    return {"side": "SELF", "relation": "CHILD", "full_name": name, "birth_year": 2015}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_row_additions_leave_one_pending(org):
    staff, employee = org.a.staff, org.a.staff.employee

    def propose(name):
        return lambda: proposal_row_submit(
            actor=staff, employee=employee, table="family_members", operation="ADD", values=_relative(name)
        )

    outcomes = _race(propose("Lò Văn An"), propose("Lò Thị Bình"), propose("Lò Văn Cường"))
    assert outcomes.count("ok") == 1
    assert len([o for o in outcomes if "proposal_pending" in o]) == 2
    assert ChangeProposal.objects.filter(employee=employee, table="family_members").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_row_proposal_approved_twice_at_once_adds_one_row(org):
    proposal = proposal_row_submit(
        actor=org.a.staff,
        employee=org.a.staff.employee,
        table="family_members",
        operation="ADD",
        values=_relative("Lò Văn An"),
    )
    outcomes = _race(
        lambda: proposal_approve(actor=org.a.officer, proposal=proposal),
        lambda: proposal_approve(actor=org.admin, proposal=proposal),
        lambda: proposal_reject(actor=org.admin, proposal=proposal, reason="Thiếu giấy khai sinh"),
    )
    assert outcomes.count("ok") == 1
    assert len([o for o in outcomes if "proposal_decided" in o]) == 2
    proposal.refresh_from_db()
    added = FamilyMember.objects.filter(employee=org.a.staff.employee).count()
    assert added == (1 if proposal.status == ProposalStatus.APPROVED else 0)
    assert proposal.history.count() == 2  # submitted, then decided once
