"""Reference-data endpoints: read by everyone, changed only by province administrators."""

from rest_framework import mixins, viewsets

from hr.models import BaseSalary, Position, Rank, SalaryScale
from hr.permissions import ProvinceAdminWriteOrReadOnly
from hr.serializers.reference import (
    BaseSalarySerializer,
    PositionSerializer,
    RankSerializer,
    SalaryScaleSerializer,
)
from hr.services.reference import reference_create, reference_update
from hr.services.rules import rule_add, rule_change


class ReferenceViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Reference rows are referenced by personnel records, so they are not deleted."""

    permission_classes = [ProvinceAdminWriteOrReadOnly]

    def perform_create(self, serializer):
        serializer.instance = reference_create(
            actor=self.request.user, model=serializer.Meta.model, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = reference_update(
            actor=self.request.user, row=serializer.instance, **serializer.validated_data
        )


class SalaryScaleViewSet(ReferenceViewSet):
    queryset = SalaryScale.objects.prefetch_related("steps")
    serializer_class = SalaryScaleSerializer
    search_fields = ["code", "name"]


class RankViewSet(ReferenceViewSet):
    queryset = Rank.objects.select_related("scale")
    serializer_class = RankSerializer
    filterset_fields = ["scale", "is_active"]
    search_fields = ["code", "name"]


class PositionViewSet(ReferenceViewSet):
    queryset = Position.objects.all()
    serializer_class = PositionSerializer
    filterset_fields = ["is_leadership", "is_head"]
    search_fields = ["code", "name"]


class BaseSalaryViewSet(ReferenceViewSet):
    """Base salaries are rule rows: a new one ends the one in force; one commendations were paid from is fixed."""

    queryset = BaseSalary.objects.all()
    serializer_class = BaseSalarySerializer

    def perform_create(self, serializer):
        serializer.instance = rule_add(actor=self.request.user, model=BaseSalary, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = rule_change(actor=self.request.user, row=serializer.instance, **serializer.validated_data)
