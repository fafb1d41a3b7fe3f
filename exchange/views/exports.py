"""Export endpoints: the same scoped, filtered data as the matching lists, as XLSX or CSV downloads."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from backend.api.schema import ErrorDocumentingAutoSchema
from dossier.models import Allowance, FamilyMember, PositionHolding, Qualification
from dossier.selectors.tables import (
    AllowanceFilter,
    FamilyMemberFilter,
    PositionHoldingFilter,
    QualificationFilter,
    allowance_list,
    family_member_list,
    position_holding_list,
    qualification_list,
)
from exchange.renderers import CSVRenderer, XLSXRenderer
from exchange.selectors.dossier import (
    allowance_export,
    family_member_export,
    position_holding_export,
    qualification_export,
)
from exchange.selectors.employees import employee_export
from exchange.selectors.ratings import rating_distribution_export
from exchange.selectors.reports import (
    commendation_export,
    discipline_export,
    reform_ranking_export,
    training_compliance_export,
)
from exchange.serializers import RatingDistributionQuerySerializer
from exchange.writers import ExportTable
from hr.access import access_report_unit
from hr.models import Commendation, DisciplineRecord, Employee, User
from hr.selectors.commendations import CommendationFilter, commendation_list
from hr.selectors.discipline import DisciplineRecordFilter, discipline_list
from hr.selectors.employees import EmployeeFilter, employee_list
from reform.models import TargetLevel
from reform.selectors.appraisals import appraisal_ranking
from training.selectors.compliance import ComplianceFilter, check_year, compliance_list

DOWNLOAD = {
    (200, XLSXRenderer.media_type): OpenApiResponse(OpenApiTypes.BINARY, description="XLSX workbook"),
    (200, CSVRenderer.media_type): OpenApiResponse(OpenApiTypes.BINARY, description="CSV, UTF-8 with BOM"),
}


class ExportSchema(ErrorDocumentingAutoSchema):
    """One media type per operation: the XLSX route and its `csv/` twin are two operations, so a
    generated client reads each answer as one kind of file (no `format` parameter to choose it)."""

    def _media(self) -> str:
        return CSVRenderer.media_type if self.view.export_format == CSVRenderer.format else XLSXRenderer.media_type

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        if direction == "response" and "200" in responses:
            content = responses["200"].get("content", {})
            responses["200"]["content"] = {key: value for key, value in content.items() if key == self._media()}
            responses["200"]["description"] = DOWNLOAD[(200, self._media())].description
            if self._media() == CSVRenderer.media_type:
                # CSV is text (UTF-8, BOM first): a generated client reads it as a string, with no set-up.
                responses["200"]["content"][CSVRenderer.media_type]["schema"] = {"type": "string"}
        return responses


class ExportApi(GenericAPIView):
    """Base of the exports: XLSX at the route, CSV at its `csv/` twin; errors answer JSON."""

    renderer_classes = [XLSXRenderer, CSVRenderer]
    schema = ExportSchema()
    filename = "export"
    # Set by the `csv/` routes (exchange/urls.py); the others answer XLSX.
    export_format: str | None = None

    def perform_content_negotiation(self, request, force=False):
        # One media type per route, so the schema is exact: `format` is DRF's override parameter, and here
        # it may only repeat the route's own type; CSV has its own route.
        own = self.export_format or XLSXRenderer.format
        chosen = request.query_params.get("format", own)
        if chosen == own:
            renderer = next(r for r in self.get_renderers() if r.format == own)
            return renderer, renderer.media_type
        if force:
            return JSONRenderer(), JSONRenderer.media_type
        message = _("This route answers “%(own)s”; CSV is at the same address followed by csv/.") % {"own": own}
        raise ValidationError({"format": [message]}, code="unknown_format")

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code >= 400 or not isinstance(getattr(response, "data", None), ExportTable):
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def download(self, request, table: ExportTable) -> Response:
        extension = request.accepted_renderer.format
        name = f"{self.filename}-{datetime.date.today():%Y%m%d}.{extension}"
        return Response(table, headers={"Content-Disposition": f'attachment; filename="{name}"'})


class EmployeeExportApi(ExportApi):
    """The employee list with the same filters, search and ordering as `GET /api/v1/employees/`."""

    filename = "can-bo"
    filterset_class = EmployeeFilter
    search_fields = ["full_name", "national_id", "legacy_id_number"]
    ordering_fields = ["full_name", "date_of_birth", "recruitment_date", "salary_coefficient", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Employee.objects.none()
        return employee_list(user=self.request.user)

    @extend_schema(responses=DOWNLOAD, filters=True)
    def get(self, request):
        return self.download(request, employee_export(queryset=self.filter_queryset(self.get_queryset())))


def report_unit(user: User, unit):
    """The unit a report covers: the one asked for, else the caller's scope; 403 outside it.

    Mirrors `GET /api/v1/evaluations/statistics/`: administrators, officers and managers only.
    """
    return access_report_unit(user, unit)


class RatingDistributionExportApi(ExportApi):
    """Decided ratings per unit for a year, as `GET /api/v1/evaluations/statistics/`."""

    filename = "xep-loai"

    @extend_schema(parameters=[RatingDistributionQuerySerializer], responses=DOWNLOAD)
    def get(self, request):
        query = RatingDistributionQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        unit = report_unit(request.user, query.validated_data.get("unit"))
        table = rating_distribution_export(
            year=query.validated_data["year"], unit=unit, period_kind=query.validated_data["period_kind"]
        )
        return self.download(request, table)


YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="Calendar year (default: this year)")


class TrainingComplianceExportApi(ExportApi):
    """Working people with their credited periods against the yearly minimum, as `GET /api/v1/training/compliance/`."""

    filename = "boi-duong"
    filterset_class = ComplianceFilter
    ordering_fields = ["full_name", "credited", "id"]
    ordering = ["full_name", "id"]

    def year(self) -> int:
        return check_year(self.request.query_params.get("year", timezone.localdate().year))

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Employee.objects.none()
        return compliance_list(user=self.request.user, year=self.year())

    @extend_schema(parameters=[YEAR], responses=DOWNLOAD, filters=True)
    def get(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        return self.download(request, training_compliance_export(queryset=queryset, year=self.year()))


class DisciplineExportApi(ExportApi):
    """Discipline decisions with the filters of `GET /api/v1/discipline-records/`."""

    filename = "ky-luat"
    filterset_class = DisciplineRecordFilter
    search_fields = ["employee__full_name", "decision_number", "reason"]
    ordering_fields = ["decision_date", "effective_date", "effect_end", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return DisciplineRecord.objects.none()
        return discipline_list(user=self.request.user)

    @extend_schema(responses=DOWNLOAD, filters=True)
    def get(self, request):
        return self.download(request, discipline_export(queryset=self.filter_queryset(self.get_queryset())))


class CommendationExportApi(ExportApi):
    """Titles and commendations with the filters of `GET /api/v1/commendations/`."""

    filename = "khen-thuong"
    filterset_class = CommendationFilter
    search_fields = ["employee__full_name", "unit__name", "decision_number"]
    ordering_fields = ["year", "decision_date", "amount", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Commendation.objects.none()
        return commendation_list(user=self.request.user)

    @extend_schema(responses=DOWNLOAD, filters=True)
    def get(self, request):
        return self.download(request, commendation_export(queryset=self.filter_queryset(self.get_queryset())))


class ReformRankingExportApi(ExportApi):
    """Published appraisal results of a year and level, ranked, as `GET /api/v1/reform-appraisals/ranking/`."""

    filename = "xep-hang-cchc"

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, required=True),
            OpenApiParameter("level", str, required=True, enum=TargetLevel.values),
        ],
        responses=DOWNLOAD,
    )
    def get(self, request):
        ranked = appraisal_ranking(user=request.user, filters=request.query_params)
        if not ranked.is_valid():
            raise ValidationError(ranked.errors)
        return self.download(request, reform_ranking_export(queryset=ranked.qs))


class DossierTableExportApi(ExportApi):
    """A dossier table with the rows and `?employee=` filter of its list (`GET /api/v1/dossier/<table>/`)."""

    selector = None
    export = None
    model = None
    ordering_fields = ["id"]
    ordering = ["employee__full_name", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.selector(user=self.request.user).select_related("employee")

    @extend_schema(responses=DOWNLOAD, filters=True)
    def get(self, request):
        return self.download(request, self.export(queryset=self.filter_queryset(self.get_queryset())))


class QualificationExportApi(DossierTableExportApi):
    """Degrees and certificates, as `GET /api/v1/dossier/qualifications/`."""

    filename = "van-bang"
    model = Qualification
    filterset_class = QualificationFilter
    selector = staticmethod(qualification_list)
    export = staticmethod(qualification_export)


class FamilyMemberExportApi(DossierTableExportApi):
    """Family relations (sensitive: only the rows the caller may read), as `GET /api/v1/dossier/family-members/`."""

    filename = "quan-he-gia-dinh"
    model = FamilyMember
    filterset_class = FamilyMemberFilter
    selector = staticmethod(family_member_list)
    export = staticmethod(family_member_export)


class PositionHoldingExportApi(DossierTableExportApi):
    """Job positions held, as `GET /api/v1/dossier/position-holdings/`."""

    filename = "vi-tri-viec-lam"
    model = PositionHolding
    filterset_class = PositionHoldingFilter
    selector = staticmethod(position_holding_list)
    export = staticmethod(position_holding_export)


class AllowanceExportApi(DossierTableExportApi):
    """Allowances, as `GET /api/v1/dossier/allowances/`."""

    filename = "phu-cap"
    model = Allowance
    filterset_class = AllowanceFilter
    selector = staticmethod(allowance_list)
    export = staticmethod(allowance_export)
