"""Cycle endpoints: open a cycle, generate its evaluations, flag outstanding units, download its forms."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from evaluations.models import EvaluationCycle
from evaluations.selectors.cycles import CycleFilter, cycle_list
from evaluations.serializers.cycles import (
    CycleCreateSerializer,
    CycleSerializer,
    CycleUpdateSerializer,
    FormsZipQuerySerializer,
    GenerateResultSerializer,
    OutstandingInputSerializer,
    QuotaGroupSerializer,
)
from evaluations.services.cycles import cycle_create, cycle_generate, cycle_set_outstanding, cycle_update
from evaluations.services.forms_batch import evaluation_forms_batch_start, forms_batch_check
from hr.access import access_personnel_writer, access_province_admin, access_unit_for_write
from hr.views.history import HistoryMixin
from jobs.serializers import JobSerializer


class EvaluationCycleViewSet(HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Evaluation rounds over a unit subtree. Cycles are not deleted."""

    serializer_class = CycleSerializer
    filterset_class = CycleFilter
    ordering_fields = ["year", "period_kind", "period_number", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return EvaluationCycle.objects.none()
        return cycle_list(user=self.request.user)

    def get_managed_object(self) -> EvaluationCycle:
        """The cycle, which the caller must see (else 404) and whose unit they must manage (else 403)."""
        cycle = self.get_object()
        access_unit_for_write(self.request.user, cycle.scope_unit, field=None)
        return cycle

    @extend_schema(request=CycleCreateSerializer, responses={201: CycleSerializer})
    def create(self, request):
        access_personnel_writer(request.user)
        serializer = CycleCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        cycle = cycle_create(actor=request.user, **serializer.validated_data)
        return Response(CycleSerializer(cycle).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CycleUpdateSerializer, responses=CycleSerializer)
    def partial_update(self, request, pk=None):
        cycle = self.get_managed_object()
        serializer = CycleUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        cycle = cycle_update(actor=request.user, cycle=cycle, **serializer.validated_data)
        return Response(CycleSerializer(cycle).data)

    @extend_schema(request=None, responses=GenerateResultSerializer)
    @action(detail=True, methods=["post"])
    def generate(self, request, pk=None):
        """Create the evaluations of everyone in service in the subtree; re-running adds only newcomers."""
        cycle = self.get_managed_object()
        result = cycle_generate(actor=request.user, cycle=cycle)
        return Response(GenerateResultSerializer(result).data)

    @extend_schema(request=OutstandingInputSerializer, responses=QuotaGroupSerializer)
    @action(detail=True, methods=["post"], url_path="outstanding-units")
    def outstanding_units(self, request, pk=None):
        """The competent authority (province administration) marks an agency outstanding: a 25% quota."""
        cycle = self.get_object()
        access_province_admin(request.user)  # the caller's role, before their body is read
        serializer = OutstandingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        group = cycle_set_outstanding(actor=request.user, cycle=cycle, **serializer.validated_data)
        return Response(QuotaGroupSerializer(group).data)

    @extend_schema(request=FormsZipQuerySerializer, responses={202: JobSerializer})
    @action(detail=True, methods=["post"], url_path="forms.zip")
    def forms_zip(self, request, pk=None):
        """Start the ZIP of every current form of a unit (and its subtree) in the cycle, one PDF each: 202 with
        the job, whose `download_url` gives the ZIP once it is done (GET /jobs/{id}/)."""
        # `unit` here names the forms' unit, not the list filter on the cycles' unit: no filter backends.
        cycle = get_object_or_404(self.get_queryset(), pk=pk)
        forms_batch_check(request.user, None)  # the caller's role, before their body is read
        body = FormsZipQuerySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        job = evaluation_forms_batch_start(actor=request.user, cycle=cycle, unit=body.validated_data["unit"])
        response = Response(JobSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("job-detail", kwargs={"pk": job.pk})
        return response
