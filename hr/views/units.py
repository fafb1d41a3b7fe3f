"""Organisation-unit endpoints: read by everyone signed in, changed by admins and officers."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from hr.access import can_manage_unit, is_personnel_writer
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

    def get_queryset(self):
        return unit_list()

    def _check_may_manage(self, unit):
        # Officers change only units inside their own agency, never the agency itself.
        if unit is None or not can_manage_unit(self.request.user, unit):
            raise PermissionDenied()

    def create(self, request):
        serializer = UnitInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if not request.user.is_province_admin:
            self._check_may_manage(data.get("parent"))
        unit = unit_create(actor=request.user, **data)
        return Response(UnitOutputSerializer(unit).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        unit = self.get_object()
        if not is_personnel_writer(request.user):
            raise PermissionDenied()
        if not request.user.is_province_admin:
            self._check_may_manage(unit.parent)
        serializer = UnitInputSerializer(unit, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "parent" in data and not request.user.is_province_admin:
            self._check_may_manage(data["parent"])
        unit = unit_update(unit=unit, actor=request.user, **data)
        return Response(UnitOutputSerializer(unit_list().get(pk=unit.pk)).data)

    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)
