"""Catalogue endpoints: content areas and tags (read-only), programmes (administrators write)."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.response import Response

from hr.permissions import ProvinceAdminWriteOrReadOnly
from hr.views.history import HistoryMixin
from training.models import Programme
from training.selectors.catalogue import ProgrammeFilter, content_area_list, programme_list, tag_list
from training.serializers.catalogue import (
    ContentAreaSerializer,
    ProgrammeInputSerializer,
    ProgrammeOutputSerializer,
    TopicTagSerializer,
)
from training.services.programmes import programme_create, programme_update


class ContentAreaViewSet(viewsets.ReadOnlyModelViewSet):
    """Content areas of retraining (NĐ 171/2025 Điều 14)."""

    serializer_class = ContentAreaSerializer

    def get_queryset(self):
        return content_area_list()


class TopicTagViewSet(viewsets.ReadOnlyModelViewSet):
    """Topic tags; `is_reform` marks the six administrative-reform areas."""

    serializer_class = TopicTagSerializer
    filterset_fields = ["is_reform"]

    def get_queryset(self):
        return tag_list()


class ProgrammeViewSet(
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The programme catalogue; a programme no longer offered is deactivated, never deleted."""

    serializer_class = ProgrammeOutputSerializer
    permission_classes = [ProvinceAdminWriteOrReadOnly]
    filterset_class = ProgrammeFilter
    search_fields = ["name", "code", "description"]
    ordering_fields = ["name", "code", "periods", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Programme.objects.none()
        return programme_list()

    def _output(self, programme: Programme) -> dict:
        return ProgrammeOutputSerializer(programme_list().get(pk=programme.pk)).data

    @extend_schema(request=ProgrammeInputSerializer, responses={201: ProgrammeOutputSerializer})
    def create(self, request):
        serializer = ProgrammeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        programme = programme_create(actor=request.user, **serializer.validated_data)
        return Response(self._output(programme), status=201)

    @extend_schema(request=ProgrammeInputSerializer, responses=ProgrammeOutputSerializer)
    def update(self, request, pk=None, partial=False):
        programme = self.get_object()
        serializer = ProgrammeInputSerializer(programme, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        programme = programme_update(programme=programme, actor=request.user, **serializer.validated_data)
        return Response(self._output(programme))

    @extend_schema(request=ProgrammeInputSerializer, responses=ProgrammeOutputSerializer)
    def partial_update(self, request, pk=None):
        return self.update(request, pk=pk, partial=True)
