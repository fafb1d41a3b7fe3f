"""Enrolment and certificate endpoints: scoped reads, withdrawal, history."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.api.pagination import BoundedListCountMixin
from hr.permissions import PersonnelWriteOrReadOnly
from hr.views.history import HistoryMixin
from training.models import Certificate, Enrolment
from training.selectors.enrolments import EnrolmentFilter, certificate_visible, enrolment_list, enrolment_visible
from training.serializers.enrolments import CertificateOutputSerializer, EnrolmentOutputSerializer
from training.services.enrolments import enrolment_withdraw


class EnrolmentViewSet(
    BoundedListCountMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Enrolments of the people the caller may read (and of the classes they run)."""

    serializer_class = EnrolmentOutputSerializer
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = EnrolmentFilter
    page_keys_first = True  # sorted by the class's start date and the person's name
    ordering_fields = ["enrolled_at", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Enrolment.objects.none()
        return enrolment_list(user=self.request.user)

    @extend_schema(request=None, responses=EnrolmentOutputSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw the person before a result is recorded (their officer, or whoever runs the class)."""
        enrolment = self.get_object()
        user = request.user
        enrolment_withdraw(actor=user, enrolment=enrolment)
        return Response(EnrolmentOutputSerializer(enrolment_visible(user=user).get(pk=enrolment.pk)).data)


class CertificateViewSet(
    BoundedListCountMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Certificates of the people the caller may read; issued through the class."""

    serializer_class = CertificateOutputSerializer
    filterset_fields = ["enrolment__training_class", "enrolment__employee"]
    search_fields = ["number", "enrolment__employee__full_name"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Certificate.objects.none()
        return certificate_visible(user=self.request.user)
