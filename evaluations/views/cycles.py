"""Cycle endpoints: open a cycle, generate its evaluations, flag outstanding units, download its forms."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from evaluations.models import NOT_RATED, SUPERSEDED, Evaluation, EvaluationCycle
from evaluations.pdf_form import render_forms_zip
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
from evaluations.services.forms import evaluation_form
from hr.access import access_personnel_writer, access_unit_for_read, access_unit_for_write
from hr.models import Role
from hr.views.history import HistoryMixin


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
        if not request.user.is_province_admin:
            raise PermissionDenied()
        serializer = OutstandingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        group = cycle_set_outstanding(actor=request.user, cycle=cycle, **serializer.validated_data)
        return Response(QuotaGroupSerializer(group).data)

    @extend_schema(
        parameters=[FormsZipQuerySerializer],
        responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    @action(detail=True, methods=["get"], url_path="forms.zip")
    def forms_zip(self, request, pk=None):
        """Every current form of a unit (and its subtree) in the cycle, one PDF each, in a ZIP."""
        # `unit` here names the forms' unit, not the list filter on the cycles' unit: no filter backends.
        cycle = get_object_or_404(self.get_queryset(), pk=pk)
        user = request.user
        if not (user.is_province_admin or (user.scope_unit_id and user.role in (Role.PERSONNEL_OFFICER, Role.MANAGER))):
            raise PermissionDenied()
        query = FormsZipQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        unit = access_unit_for_read(user, query.validated_data["unit"], field=None)
        evaluations = (
            Evaluation.objects.filter(cycle=cycle, unit__path__startswith=unit.path)
            .exclude(status__in=[NOT_RATED, SUPERSEDED])
            .select_related("cycle", "employee", "employee__rank", "unit", "agency", "position", "rule_set")
            .select_related("decided_by__employee", "amended_from")
            .order_by("unit__path", "employee__full_name", "pk")
        )
        items = (
            (f"{e.employee.full_name} - {e.employee_id} - v{e.version}.pdf", evaluation_form(e)) for e in evaluations
        )
        content = render_forms_zip(items)
        response = HttpResponse(content, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="phieu-danh-gia-{cycle.pk}-{unit.code}.zip"'
        return response
