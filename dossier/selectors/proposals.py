"""Self-update proposals a caller may read, and the personnel officer's pending ones (their task list)."""

import django_filters
from django.db.models import Q, QuerySet

from backend.api.filters import IdFilter
from dossier.models import ChangeProposal, ProposalStatus
from hr.access import employee_manage_q
from hr.models import User


class ProposalFilter(django_filters.FilterSet):
    employee = IdFilter(field_name="employee_id")

    class Meta:
        model = ChangeProposal
        fields = ["employee", "status", "group", "table"]


def proposal_list(*, user: User) -> QuerySet[ChangeProposal]:
    """The caller's own proposals and those of the people whose records they manage (officers, administrators).

    Proposals hold sensitive values (health, assets): managers see none but their own.
    """
    own = Q(employee_id=user.employee_id) if user.employee_id else Q(pk__in=[])
    return ChangeProposal.objects.filter(own | Q(employee_manage_q(user, prefix="employee__"))).select_related(
        "employee", "proposed_by", "decided_by"
    )


def proposal_tasks(*, user: User) -> QuerySet[ChangeProposal]:
    """Pending proposals the caller may decide: a personnel officer's self-update tasks, oldest first."""
    return (
        ChangeProposal.objects.filter(employee_manage_q(user, prefix="employee__"), status=ProposalStatus.PENDING)
        .select_related("employee", "proposed_by")
        .order_by("proposed_at", "id")
    )
