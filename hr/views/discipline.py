"""Discipline decision endpoints: scoped reads, officer writes, annulment instead of deletion."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.api.exceptions import ApplicationError
from hr.access import employee_manage_q
from hr.models import DisciplineRecord, Employee
from hr.permissions import PersonnelWriteOrReadOnly
from hr.selectors.discipline import DisciplineRecordFilter, discipline_list
from hr.serializers.discipline import (
    AnnulInputSerializer,
    DisciplineCreateSerializer,
    DisciplineOutputSerializer,
    DisciplineUpdateSerializer,
)
from hr.services.discipline import discipline_record_annul, discipline_record_create, discipline_record_update
from hr.views.history import HistoryMixin


def check_employee_in_scope(user, employee: Employee, *, field: str = "employee") -> None:
    """A 400 on `field` when an officer names a person outside their agency."""
    if not Employee.objects.filter(employee_manage_q(user), pk=employee.pk).exists():
        raise ApplicationError(_("The person is outside your area of responsibility."), field=field)


class ManagedByEmployeeMixin:
    """Detail writes need the record visible (else 404) and its person managed by the caller (else 403)."""

    def get_managed_object(self):
        record = self.get_object()
        if not Employee.objects.filter(employee_manage_q(self.request.user), pk=record.employee_id).exists():
            self.permission_denied(self.request)
        return record


class DisciplineRecordViewSet(
    HistoryMixin,
    ManagedByEmployeeMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Discipline decisions (kỷ luật). Never deleted: an annulled decision is marked annulled."""

    serializer_class = DisciplineOutputSerializer
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = DisciplineRecordFilter
    search_fields = ["employee__full_name", "decision_number", "reason"]
    ordering_fields = ["decision_date", "effective_date", "effect_end", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return DisciplineRecord.objects.none()
        return discipline_list(user=self.request.user)

    def _output(self, record) -> dict:
        return DisciplineOutputSerializer(self.get_queryset().get(pk=record.pk)).data

    @extend_schema(request=DisciplineCreateSerializer, responses={201: DisciplineOutputSerializer})
    def create(self, request):
        serializer = DisciplineCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        check_employee_in_scope(request.user, serializer.validated_data["employee"])
        record = discipline_record_create(actor=request.user, **serializer.validated_data)
        return Response(self._output(record), status=status.HTTP_201_CREATED)

    @extend_schema(request=DisciplineUpdateSerializer, responses=DisciplineOutputSerializer)
    def partial_update(self, request, pk=None):
        """Correct the decision number, authority, reason, severity or duty link; the rest needs annulment."""
        record = self.get_managed_object()
        serializer = DisciplineUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fixed = {k: request.data[k] for k in request.data if k not in serializer.fields}
        discipline_record_update(actor=request.user, record=record, **serializer.validated_data, **fixed)
        return Response(self._output(record))

    @extend_schema(request=AnnulInputSerializer, responses=DisciplineOutputSerializer)
    @action(detail=True, methods=["post"])
    def annul(self, request, pk=None):
        """Annul the decision by a later decision; it then counts for no date or year."""
        record = self.get_managed_object()
        serializer = AnnulInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        discipline_record_annul(actor=request.user, record=record, **serializer.validated_data)
        return Response(self._output(record))
