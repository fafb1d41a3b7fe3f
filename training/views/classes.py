"""Class endpoints: schedule, lifecycle, enrolment, session days, attendance, results and certificates."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.api.exceptions import ApplicationError
from backend.api.pagination import BoundedListCountMixin
from hr.permissions import PersonnelWriteOrReadOnly
from hr.views.history import HistoryMixin
from training.access import access_class_for_run
from training.models import TrainingClass
from training.selectors.classes import ClassFilter, class_list, class_sessions
from training.selectors.enrolments import class_enrolments
from training.serializers.classes import (
    AttendanceInputSerializer,
    CertificateInputSerializer,
    ClassInputSerializer,
    ClassOutputSerializer,
    ClassStatusInputSerializer,
    EnrolInputSerializer,
    ResultsInputSerializer,
    SessionSerializer,
)
from training.serializers.enrolments import (
    AttendanceOutputSerializer,
    BulkEnrolOutputSerializer,
    CertificateOutputSerializer,
    EnrolmentOutputSerializer,
)
from training.services.certificates import certificate_issue
from training.services.classes import class_create, class_set_status, class_update, session_add
from training.services.enrolments import enrolment_bulk_create, enrolment_create, unit_people_to_enrol
from training.services.results import ResultInput, attendance_record, results_record


class TrainingClassViewSet(
    BoundedListCountMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Classes are visible to everyone signed in; the organiser's officers (and admins) run them."""

    serializer_class = ClassOutputSerializer
    bounded_actions = ("enrolments",)  # pages EnrolmentOutputSerializer, as the enrolment list does
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = ClassFilter
    search_fields = ["code", "programme__name", "provider"]
    ordering_fields = ["start_date", "end_date", "code", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return TrainingClass.objects.none()
        return class_list()

    def _output(self, training_class: TrainingClass) -> dict:
        return ClassOutputSerializer(class_list().get(pk=training_class.pk)).data

    def write_access(self, user, training_class: TrainingClass) -> None:
        """Writes need the caller to run the class, except enrolment, which asks about each person instead."""
        if self.action != "enrol":
            access_class_for_run(user, training_class)

    @extend_schema(request=ClassInputSerializer, responses={201: ClassOutputSerializer})
    def create(self, request):
        serializer = ClassInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        training_class = class_create(actor=request.user, **serializer.validated_data)
        return Response(self._output(training_class), status=status.HTTP_201_CREATED)

    @extend_schema(request=ClassInputSerializer, responses=ClassOutputSerializer)
    def partial_update(self, request, pk=None):
        training_class = self.get_object()
        serializer = ClassInputSerializer(training_class, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        training_class = class_update(training_class=training_class, actor=request.user, **serializer.validated_data)
        return Response(self._output(training_class))

    @extend_schema(request=ClassStatusInputSerializer, responses=ClassOutputSerializer)
    @action(detail=True, methods=["post"], url_path="status")
    def set_status(self, request, pk=None):
        """Open for enrolment, start, complete (no pending result) or cancel the class."""
        training_class = self.get_object()
        serializer = ClassStatusInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        training_class = class_set_status(
            training_class=training_class, actor=request.user, status=serializer.validated_data["status"]
        )
        return Response(self._output(training_class))

    @extend_schema(request=EnrolInputSerializer, responses={201: BulkEnrolOutputSerializer})
    @action(detail=True, methods=["post"])
    def enrol(self, request, pk=None):
        """Enrol one person, a list, or everyone working in a unit's subtree that the officer manages."""
        training_class = self.get_object()
        serializer = EnrolInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "employee" in data:
            enrolment = enrolment_create(actor=request.user, training_class=training_class, employee=data["employee"])
            created, refused = [enrolment], []
        else:
            if "unit" in data:
                people, field = unit_people_to_enrol(actor=request.user, unit=data["unit"]), "unit"
            else:
                people, field = data["employees"], "employees"
            created, refused = enrolment_bulk_create(
                actor=request.user,
                training_class=training_class,
                employees=people,
                skip_ineligible=data["skip_ineligible"],
                field=field,
            )
        enrolled = class_enrolments(user=request.user, training_class=training_class).filter(
            pk__in=[e.pk for e in created]
        )
        body = BulkEnrolOutputSerializer({"enrolled": enrolled, "refused": refused}).data
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(responses=EnrolmentOutputSerializer(many=True))
    @action(detail=True, methods=["get"])
    def enrolments(self, request, pk=None):
        """The class list: everyone for those who run the class, otherwise the people the caller may read."""
        qs = class_enrolments(user=request.user, training_class=self.get_object())
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(EnrolmentOutputSerializer(page, many=True).data)

    @extend_schema(methods=["get"], responses=SessionSerializer(many=True))
    @extend_schema(methods=["post"], request=SessionSerializer, responses={201: SessionSerializer})
    @action(detail=True, methods=["get", "post"])
    def sessions(self, request, pk=None):
        """Session days with the number present; officers running the class add days."""
        if request.method == "GET":
            page = self.paginate_queryset(class_sessions(training_class=self.get_object()))
            return self.get_paginated_response(SessionSerializer(page, many=True).data)
        training_class = self.get_object()
        serializer = SessionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        session = session_add(training_class=training_class, actor=request.user, **serializer.validated_data)
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AttendanceInputSerializer, responses=AttendanceOutputSerializer(many=True))
    @action(detail=True, methods=["post"])
    def attendance(self, request, pk=None):
        """Record who attended a session day (repeat to correct)."""
        training_class = self.get_object()
        serializer = AttendanceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        present = {}
        for line in data["records"]:
            if line["enrolment"] in present:
                raise ApplicationError(_("A person is listed more than once."), field="records", code="duplicate_entry")
            present[line["enrolment"]] = line["present"]
        saved = attendance_record(
            actor=request.user, training_class=training_class, session=data["session"], present=present
        )
        return Response(AttendanceOutputSerializer(saved, many=True).data)

    @extend_schema(request=ResultsInputSerializer, responses=EnrolmentOutputSerializer(many=True))
    @action(detail=True, methods=["post"])
    def results(self, request, pk=None):
        """Record passed, failed or absent; a pass credits the attended periods unless given."""
        training_class = self.get_object()
        serializer = ResultsInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        saved = results_record(
            actor=request.user,
            training_class=training_class,
            results=[ResultInput(**line) for line in serializer.validated_data["results"]],
        )
        qs = class_enrolments(user=request.user, training_class=training_class).filter(pk__in=[e.pk for e in saved])
        return Response(EnrolmentOutputSerializer(qs, many=True).data)

    @extend_schema(request=CertificateInputSerializer, responses={201: CertificateOutputSerializer})
    @action(detail=True, methods=["post"])
    def certificates(self, request, pk=None):
        """Issue the certificate of a passed result in this completed class."""
        training_class = self.get_object()
        serializer = CertificateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["enrolment"].training_class_id != training_class.pk:
            raise ApplicationError(
                _("The enrolment belongs to another class."), field="enrolment", code="enrolment_not_in_class"
            )
        certificate = certificate_issue(actor=request.user, **data)
        return Response(CertificateOutputSerializer(certificate).data, status=status.HTTP_201_CREATED)
