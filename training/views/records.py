"""Compliance, the personal training record (self-service) and the public certificate check."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from backend.api.exceptions import ApplicationError
from backend.api.pagination import BoundedCountPagination
from hr.access import access_unit_for_read, can_read_unit_subtree
from hr.models import Employee, OrgUnit
from hr.selectors.employees import employee_visible
from training.selectors.compliance import (
    FIGURE_FILTERS,
    ComplianceFilter,
    check_year,
    compliance_list,
    compliance_people,
    unit_compliance_figures,
    with_figures,
)
from training.selectors.enrolments import certificate_by_code
from training.selectors.records import training_record
from training.serializers.enrolments import (
    CertificatePublicSerializer,
    ComplianceRowSerializer,
    ComplianceSummarySerializer,
    TrainingRecordSerializer,
)

# The columns a row of the compliance list reads, beside its figures.
ROW_COLUMNS = ("id", "full_name", "category", "unit__name")
YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="Calendar year (default: this year)")


def _year(request) -> int:
    return check_year(request.query_params.get("year", timezone.localdate().year))


@extend_schema(parameters=[YEAR])
class ComplianceListView(ListAPIView):
    """Each working person the caller may read, with periods credited in the year against the minimum."""

    serializer_class = ComplianceRowSerializer
    pagination_class = BoundedCountPagination  # one row per working person
    filterset_class = ComplianceFilter
    ordering_fields = ["full_name", "credited", "id"]
    ordering = ["full_name", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Employee.objects.none()
        # The selector gives the annotations; the filter backend applies ComplianceFilter to them. Unless the
        # query filters or sorts by a figure, the page is chosen among the people first and only its 50 are
        # figured (issue 15: the figures of the whole subtree were computed, then all but 50 thrown away).
        self.year = _year(self.request)
        if self.sorts_or_filters_by_figures():
            return compliance_list(user=self.request.user, year=self.year)
        # Only what a row shows (ComplianceRowSerializer): the figures are computed by id (`with_figures`).
        return compliance_people(user=self.request.user).only(*ROW_COLUMNS)

    def sorts_or_filters_by_figures(self) -> bool:
        params = self.request.query_params
        ordering = params.get("ordering", "")
        return any(params.get(name) for name in FIGURE_FILTERS) or "credited" in ordering

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        if not self.sorts_or_filters_by_figures():  # the page's people, figured now
            page = with_figures(page, year=self.year)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class ComplianceSummaryView(GenericAPIView):
    """Per-unit figures: people meeting the yearly minimum, and the share trained in reform content."""

    serializer_class = ComplianceSummarySerializer
    filter_backends = []
    pagination_class = None

    @extend_schema(
        parameters=[YEAR, OpenApiParameter("unit", OpenApiTypes.INT, required=True, description="Unit (subtree)")]
    )
    def get(self, request):
        year = _year(request)
        unit_id = request.query_params.get("unit", "")
        if not unit_id.isdigit():
            raise ApplicationError(_("Choose a unit."), field="unit", code="required")
        unit = OrgUnit.objects.filter(pk=int(unit_id)).first()
        if unit is None:
            raise ApplicationError(_("Choose a unit."), field="unit", code="required")
        access_unit_for_read(request.user, unit, field=None)
        figures = unit_compliance_figures(unit=unit, year=year)
        return Response(ComplianceSummarySerializer({"unit": unit, "year": year, **figures}).data)


class MyTrainingView(GenericAPIView):
    """The signed-in person's own training record: enrolments, current classes, periods per year, certificates.

    Managers and officers also get `team`: this year's figures for the unit subtree they read (the people
    themselves are at /training/compliance/ and /training/records/{employee_id}/).
    """

    serializer_class = TrainingRecordSerializer
    filter_backends = []
    pagination_class = None

    def get(self, request):
        if request.user.employee_id is None:
            raise ApplicationError(
                _("Your account is not linked to an employee record."), field="employee", code="no_employee_record"
            )
        record = training_record(employee=request.user.employee)
        record["team"] = None
        unit = request.user.scope_unit
        if unit is not None and can_read_unit_subtree(request.user, unit):
            year = timezone.localdate().year
            record["team"] = {"unit": unit, "year": year, **unit_compliance_figures(unit=unit, year=year)}
        return Response(TrainingRecordSerializer(record).data)


class PersonTrainingView(GenericAPIView):
    """The training record of a person the caller may read (managers: their unit subtree)."""

    serializer_class = TrainingRecordSerializer
    filter_backends = []
    pagination_class = None

    def get(self, request, employee_id: int):
        employee = get_object_or_404(employee_visible(user=request.user), pk=employee_id)
        return Response(TrainingRecordSerializer(training_record(employee=employee)).data)


class CertificateVerifyView(GenericAPIView):
    """Public: confirm a certificate's verification code (no sign-in); shows name, programme and dates."""

    serializer_class = CertificatePublicSerializer
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public"
    filter_backends = []
    pagination_class = None

    def get(self, request, code: str):
        certificate = certificate_by_code(code=code)
        if certificate is None:
            raise ApplicationError(
                _("No certificate has this verification code."),
                field="code",
                status_code=404,
                code="certificate_not_found",
            )
        return Response(CertificatePublicSerializer(certificate).data)
