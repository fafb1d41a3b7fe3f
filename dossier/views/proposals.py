"""Self-update proposals: the person proposes, a personnel officer of their agency approves or rejects."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from dossier.models import ChangeProposal
from dossier.selectors.proposals import ProposalFilter, proposal_list, proposal_tasks
from dossier.serializers.dossiers import (
    DecisionInputSerializer,
    ProposalInputSerializer,
    ProposalOutputSerializer,
    RowProposalInputSerializer,
)
from dossier.services.proposals import proposal_approve, proposal_reject, proposal_row_submit, proposal_submit
from hr.models import Employee
from hr.views.history import HistoryMixin


@extend_schema_view(create=extend_schema(request=ProposalInputSerializer, responses={201: ProposalOutputSerializer}))
class ProposalViewSet(HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """GET: the caller's proposals and those they decide. POST: propose changes to one's own dossier."""

    serializer_class = ProposalOutputSerializer
    filterset_class = ProposalFilter
    ordering_fields = ["proposed_at", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return ChangeProposal.objects.none()
        if self.action == "tasks":
            return proposal_tasks(user=self.request.user)
        return proposal_list(user=self.request.user)

    def create(self, request):
        serializer = ProposalInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        employee = get_object_or_404(Employee.objects.all(), pk=request.user.employee_id)
        proposal = proposal_submit(actor=request.user, employee=employee, **serializer.validated_data)
        return Response(ProposalOutputSerializer(proposal).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=RowProposalInputSerializer, responses={201: ProposalOutputSerializer})
    @action(detail=False, methods=["post"], filter_backends=[])
    def rows(self, request):
        """Propose a new row of one's family or qualifications, or new values for one of one's rows."""
        serializer = RowProposalInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        employee = get_object_or_404(Employee.objects.all(), pk=request.user.employee_id)
        proposal = proposal_row_submit(actor=request.user, employee=employee, **serializer.validated_data)
        return Response(ProposalOutputSerializer(proposal).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=ProposalOutputSerializer(many=True))
    @action(detail=False, methods=["get"])
    def tasks(self, request):
        """Pending proposals the caller may decide, oldest first: the officer's self-update task list."""
        return self.list(request)

    @extend_schema(request=DecisionInputSerializer, responses=ProposalOutputSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def approve(self, request, pk=None):
        proposal = self.get_object()
        serializer = DecisionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        proposal = proposal_approve(actor=request.user, proposal=proposal, **serializer.validated_data)
        return Response(ProposalOutputSerializer(proposal).data)

    @extend_schema(request=DecisionInputSerializer, responses=ProposalOutputSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def reject(self, request, pk=None):
        proposal = self.get_object()
        serializer = DecisionInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        proposal = proposal_reject(actor=request.user, proposal=proposal, **serializer.validated_data)
        return Response(ProposalOutputSerializer(proposal).data)
