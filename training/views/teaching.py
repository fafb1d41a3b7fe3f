"""Teaching endpoints: who taught which class for how many periods; recorded and cancelled by the class runner."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from hr.permissions import PersonnelWriteOrReadOnly
from hr.views.history import HistoryMixin
from training.access import access_class_for_run
from training.models import TeachingAssignment
from training.selectors.teaching import TeachingFilter, teaching_list, teaching_visible
from training.serializers.teaching import (
    TeachingCancelInputSerializer,
    TeachingInputSerializer,
    TeachingOutputSerializer,
)
from training.services.teaching import teaching_cancel, teaching_record


class TeachingViewSet(HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Teaching of the people the caller may read (and in the classes they run); a leader's counts toward
    the yearly minimum under NĐ 171/2025 Điều 3.4."""

    serializer_class = TeachingOutputSerializer
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = TeachingFilter
    ordering_fields = ["recorded_at", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return TeachingAssignment.objects.none()
        return teaching_list(user=self.request.user)

    def write_access(self, user, teaching: TeachingAssignment) -> None:
        """Changing a record needs the caller to run its class."""
        access_class_for_run(user, teaching.training_class)

    def _output(self, teaching: TeachingAssignment) -> dict:
        return TeachingOutputSerializer(teaching_visible(user=self.request.user).get(pk=teaching.pk)).data

    @extend_schema(request=TeachingInputSerializer, responses={201: TeachingOutputSerializer})
    def create(self, request):
        """Record a person's teaching in a class in progress or completed (whoever runs the class)."""
        serializer = TeachingInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        teaching = teaching_record(actor=request.user, **serializer.validated_data)
        return Response(self._output(teaching), status=status.HTTP_201_CREATED)

    @extend_schema(request=TeachingCancelInputSerializer, responses=TeachingOutputSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel a mistaken record with its reason; it stays, with its history."""
        teaching = self.get_object()
        serializer = TeachingCancelInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        teaching = teaching_cancel(actor=request.user, teaching=teaching, reason=serializer.validated_data["reason"])
        return Response(self._output(teaching))
