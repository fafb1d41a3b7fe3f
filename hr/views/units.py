"""Organisation-unit endpoints: read by everyone signed in, changed by admins and officers."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from hr.access import access_unit_parent_for_write
from hr.permissions import PersonnelWriteOrReadOnly
from hr.selectors.units import UnitFilter, unit_list
from hr.serializers.units import UnitInputSerializer, UnitOutputSerializer
from hr.services.units import unit_create, unit_update
from hr.views.history import HistoryMixin


@extend_schema_view(
    create=extend_schema(request=UnitInputSerializer, responses={201: UnitOutputSerializer}),
    update=extend_schema(request=UnitInputSerializer, responses=UnitOutputSerializer),
    partial_update=extend_schema(request=UnitInputSerializer, responses=UnitOutputSerializer),
)
class UnitViewSet(
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The organisation tree. Units are never deleted: set `valid_to` to dissolve one."""

    serializer_class = UnitOutputSerializer
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = UnitFilter
    search_fields = ["code", "name"]
    ordering_fields = ["path", "code", "name", "valid_from"]

    @staticmethod
    def write_access(user, unit) -> None:
        access_unit_parent_for_write(user, unit.parent, field=None)

    def get_queryset(self):
        return unit_list()

    def create(self, request):
        serializer = UnitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        unit = unit_create(actor=request.user, **serializer.validated_data)
        return Response(UnitOutputSerializer(unit).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        unit = self.get_object()
        serializer = UnitInputSerializer(unit, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        unit = unit_update(unit=unit, actor=request.user, **serializer.validated_data)
        return Response(UnitOutputSerializer(unit_list().get(pk=unit.pk)).data)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)
