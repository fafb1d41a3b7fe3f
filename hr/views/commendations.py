"""Title, commendation and initiative endpoints, and the eligibility answer for a person or a unit."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.api.exceptions import ApplicationError
from backend.api.pagination import BoundedListCountMixin
from hr.access import access_recipient_for_write, access_unit_for_read
from hr.models import Commendation, Initiative, OrgUnit
from hr.permissions import PersonnelWriteOrReadOnly
from hr.selectors.commendations import (
    CommendationFilter,
    InitiativeFilter,
    commendation_list,
    commendation_list_rows,
    initiative_list,
)
from hr.selectors.eligibility import employee_eligibility, split_titles_and_forms, unit_eligibility
from hr.selectors.employees import employee_visible
from hr.serializers.commendations import (
    CommendationCreateSerializer,
    CommendationOutputSerializer,
    EligibilityOutputSerializer,
    EligibilityQuerySerializer,
    InitiativeCreateSerializer,
    InitiativeOutputSerializer,
)
from hr.serializers.discipline import AnnulInputSerializer
from hr.services.commendations import commendation_annul, commendation_create, initiative_annul, initiative_create
from hr.views.discipline import person_write_access
from hr.views.history import HistoryMixin


class CommendationViewSet(
    BoundedListCountMixin, HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Emulation titles and commendations of people and units. Never deleted: annulled instead."""

    # The page's 50 keys by the awards' own columns first, then their people, units and rules: read in one step,
    # PostgreSQL joined every employee to a department's awards before keeping 50 (issue 15).
    page_keys_first = True

    serializer_class = CommendationOutputSerializer
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = CommendationFilter
    search_fields = ["employee__full_name", "unit__name", "decision_number"]
    ordering_fields = ["year", "decision_date", "amount", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Commendation.objects.none()
        if self.action == "list":
            return commendation_list_rows(user=self.request.user)
        return commendation_list(user=self.request.user)

    def _output(self, record) -> dict:
        return CommendationOutputSerializer(self.get_queryset().get(pk=record.pk)).data

    @staticmethod
    def write_access(user, record) -> None:
        access_recipient_for_write(user, employee=record.employee, unit=record.unit, as_input=False)

    @extend_schema(request=CommendationCreateSerializer, responses={201: CommendationOutputSerializer})
    def create(self, request):
        serializer = CommendationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = commendation_create(actor=request.user, **serializer.validated_data)
        return Response(self._output(record), status=status.HTTP_201_CREATED)

    @extend_schema(request=AnnulInputSerializer, responses=CommendationOutputSerializer)
    @action(detail=True, methods=["post"])
    def annul(self, request, pk=None):
        """Annul (revoke) the title or commendation by a later decision."""
        record = self.get_object()
        serializer = AnnulInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        commendation_annul(actor=request.user, record=record, **serializer.validated_data)
        return Response(self._output(record))

    @extend_schema(
        parameters=[EligibilityQuerySerializer],
        responses=EligibilityOutputSerializer,
    )
    @action(detail=False, methods=["get"])
    def eligibility(self, request):
        """Which titles and commendations a person (`employee`) or a unit (`unit`) qualifies for in `year`.

        `titles`: emulation titles; `forms`: forms of commendation (Giấy khen, Bằng khen of the provincial
        chairman), whose `notes` say which criteria were met by an alternative or are left to the council.
        """
        query = EligibilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        if ("employee" in data) == ("unit" in data):
            raise ApplicationError(
                _("Give either a person or a unit, not both."), field="employee", code="one_recipient"
            )
        if "employee" in data:
            employee = get_object_or_404(employee_visible(user=request.user), pk=data["employee"])
            verdicts = employee_eligibility(employee=employee, year=data["year"])
        else:
            unit = access_unit_for_read(request.user, get_object_or_404(OrgUnit, pk=data["unit"]), field=None)
            verdicts = unit_eligibility(unit=unit, year=data["year"])
        titles, forms = split_titles_and_forms(verdicts)
        return Response(
            {
                "employee": data.get("employee"),
                "unit": data.get("unit"),
                "year": data["year"],
                "titles": titles,
                "forms": forms,
            }
        )


class InitiativeViewSet(
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Initiatives and science projects recognised for people, read by the emulation criteria."""

    serializer_class = InitiativeOutputSerializer
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = InitiativeFilter
    search_fields = ["employee__full_name", "title", "decision_number"]
    ordering_fields = ["year", "recognised_on", "id"]
    write_access = staticmethod(person_write_access)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Initiative.objects.none()
        return initiative_list(user=self.request.user)

    def _output(self, record) -> dict:
        return InitiativeOutputSerializer(self.get_queryset().get(pk=record.pk)).data

    @extend_schema(request=InitiativeCreateSerializer, responses={201: InitiativeOutputSerializer})
    def create(self, request):
        serializer = InitiativeCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = initiative_create(actor=request.user, **serializer.validated_data)
        return Response(self._output(record), status=status.HTTP_201_CREATED)

    @extend_schema(request=AnnulInputSerializer, responses=InitiativeOutputSerializer)
    @action(detail=True, methods=["post"])
    def annul(self, request, pk=None):
        """Annul the recognition by a later decision."""
        record = self.get_object()
        serializer = AnnulInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        initiative_annul(actor=request.user, record=record, **serializer.validated_data)
        return Response(self._output(record))
