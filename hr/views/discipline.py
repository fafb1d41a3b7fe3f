"""Discipline decision endpoints: scoped reads, officer writes, annulment instead of deletion."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.api.pagination import BoundedListCountMixin
from hr.access import access_employee_for_write
from hr.models import DisciplineRecord
from hr.permissions import PersonnelWriteOrReadOnly
from hr.selectors.discipline import DisciplineRecordFilter, discipline_list, discipline_list_rows
from hr.serializers.discipline import (
    AnnulInputSerializer,
    DisciplineCreateSerializer,
    DisciplineOutputSerializer,
    DisciplineUpdateSerializer,
)
from hr.services.discipline import discipline_record_annul, discipline_record_create, discipline_record_update
from hr.views.history import HistoryMixin


def person_write_access(user, record) -> None:
    """A decision about a person is changed by whoever manages that person, never by the person."""
    access_employee_for_write(user, record.employee)


class DisciplineRecordViewSet(
    BoundedListCountMixin,
    HistoryMixin,
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
    write_access = staticmethod(person_write_access)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return DisciplineRecord.objects.none()
        if self.action == "list":
            return discipline_list_rows(user=self.request.user)
        return discipline_list(user=self.request.user)

    def _output(self, record) -> dict:
        return DisciplineOutputSerializer(self.get_queryset().get(pk=record.pk)).data

    @extend_schema(request=DisciplineCreateSerializer, responses={201: DisciplineOutputSerializer})
    def create(self, request):
        serializer = DisciplineCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = discipline_record_create(actor=request.user, **serializer.validated_data)
        return Response(self._output(record), status=status.HTTP_201_CREATED)

    @extend_schema(request=DisciplineUpdateSerializer, responses=DisciplineOutputSerializer)
    def partial_update(self, request, pk=None):
        """Correct the decision number, authority, reason, severity or duty link; the rest needs annulment."""
        record = self.get_object()
        serializer = DisciplineUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fixed = {k: request.data[k] for k in request.data if k not in serializer.fields}
        discipline_record_update(actor=request.user, record=record, **serializer.validated_data, **fixed)
        return Response(self._output(record))

    @extend_schema(request=AnnulInputSerializer, responses=DisciplineOutputSerializer)
    @action(detail=True, methods=["post"])
    def annul(self, request, pk=None):
        """Annul the decision by a later decision; it then counts for no date or year."""
        record = self.get_object()
        serializer = AnnulInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        discipline_record_annul(actor=request.user, record=record, **serializer.validated_data)
        return Response(self._output(record))
