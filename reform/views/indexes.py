"""The reform index sets, readable by everyone signed in (they are the published rules); copied by administrators."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from reform.models import IndexSet
from reform.selectors.indexes import index_set_list
from reform.serializers.indexes import IndexSetSerializer
from reform.services.indexes import index_set_copy


class IndexSetCopyInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    name = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")


class IndexSetViewSet(viewsets.ReadOnlyModelViewSet):
    """Index sets by year and target level, with their areas, criteria, scoring rules and bands."""

    serializer_class = IndexSetSerializer
    filterset_fields = ["year", "target_level"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return IndexSet.objects.none()
        return index_set_list()

    @extend_schema(request=IndexSetCopyInputSerializer, responses={201: IndexSetSerializer})
    @action(detail=True, methods=["post"])
    def copy(self, request, pk=None):
        """Start a new year's index from this one (province administrator); then adjust it as data."""
        source = self.get_object()
        if not request.user.is_province_admin:
            self.permission_denied(request)
        serializer = IndexSetCopyInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = index_set_copy(actor=request.user, source=source, **serializer.validated_data)
        return Response(IndexSetSerializer(self.get_queryset().get(pk=copy.pk)).data, status=status.HTTP_201_CREATED)
