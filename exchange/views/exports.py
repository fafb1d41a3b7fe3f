"""Export endpoints: the same scoped, filtered data as the matching lists, as XLSX or CSV downloads.

An export of more rows than EXCHANGE_EXPORT_JOB_ROWS answers 202 with a job instead; the job builds its table
through `export_table_build` below, the same code as the download, as its starter (exchange.services.export_jobs).
"""

import datetime
import functools

from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from backend.api.schema import ErrorDocumentingAutoSchema
from dossier.access import access_sensitive_list, sensitive_scope_q
from dossier.groups import SENSITIVE_GROUPS
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
from exchange.importers.dossier_groups import EDITABLE_GROUPS, group_slug
from exchange.renderers import CSVRenderer, XLSXRenderer
from exchange.selectors.dossier import (
    allowance_export,
    family_member_export,
    group_record_export,
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
from exchange.services.export_jobs import export_builder_register, export_runs_as_job, records_export_start
from exchange.writers import ExportTable
from hr.access import access_report_unit
from hr.models import Commendation, DisciplineRecord, Employee, User
from hr.selectors.commendations import CommendationFilter, commendation_list
from hr.selectors.discipline import DisciplineRecordFilter, discipline_list
from hr.selectors.employees import EmployeeFilter, employee_list
from jobs.serializers import JobSerializer
from reform.models import TargetLevel
from reform.selectors.appraisals import appraisal_ranking
from training.selectors.compliance import ComplianceFilter, check_year, compliance_list

DOWNLOAD = {
    (200, XLSXRenderer.media_type): OpenApiResponse(OpenApiTypes.BINARY, description="XLSX workbook"),
    (200, CSVRenderer.media_type): OpenApiResponse(OpenApiTypes.BINARY, description="CSV, UTF-8 with BOM"),
}
# The exports of a list (not the one-row-per-unit reports): more rows than EXCHANGE_EXPORT_JOB_ROWS run as a job.
DOWNLOAD_OR_JOB = {
    **DOWNLOAD,
    (202, "application/json"): OpenApiResponse(
        JobSerializer,
        description="More rows than EXCHANGE_EXPORT_JOB_ROWS: the export runs as a job (its address in Location); "
        "the file, the same as the download, is at the job's download_url once it has succeeded.",
    ),
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

    # The export's name among the jobs' builders (None: a report of one row per unit, never a job).
    job_name: str | None = None

    def export_queryset(self):
        """The scoped, filtered rows, counted to choose between a download and a job (None: no queryset)."""
        return None

    def export_table(self, queryset) -> ExportTable:
        raise NotImplementedError

    def file_name(self) -> str:
        return f"{self.filename}-{datetime.date.today():%Y%m%d}.{self.export_format or XLSXRenderer.format}"

    def answer(self, request) -> Response:
        """The download, or 202 with a job when the filtered rows are more than EXCHANGE_EXPORT_JOB_ROWS."""
        queryset = self.export_queryset()
        if self.job_name and queryset is not None:
            rows = queryset.count()
            if export_runs_as_job(rows):
                return self.start_job(request, rows)
        return self.download(request, self.export_table(queryset))

    def start_job(self, request, rows: int) -> Response:
        job = records_export_start(
            actor=request.user,
            export=self.job_name,
            export_format=self.export_format or XLSXRenderer.format,
            query=request.query_params.urlencode(),
            filename=self.file_name(),
            rows=rows,
        )
        response = Response(JobSerializer(job, context={"request": request}).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("job-detail", kwargs={"pk": job.pk})
        return response

    def download(self, request, table: ExportTable) -> Response:
        name = self.file_name()
        return Response(table, headers={"Content-Disposition": f'attachment; filename="{name}"'})


class ListExportApi(ExportApi):
    """The export of a list: the list's scoped rows (`rows`), with its filters, search and ordering, as `table`.

    Subclasses set `model` (the schema's empty queryset), `rows` (the list's selector, called with the user; a
    method where the rows depend on the query too) and `table` (the export's selector, called with the filtered
    queryset), or override `export_table`.
    """

    model = None
    rows = None
    table = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return self.model.objects.none()
        return self.rows(user=self.request.user)

    def export_queryset(self):
        return self.filter_queryset(self.get_queryset())

    def export_table(self, queryset) -> ExportTable:
        return self.table(queryset=queryset)

    @extend_schema(responses=DOWNLOAD_OR_JOB, filters=True)
    def get(self, request):
        return self.answer(request)


class EmployeeExportApi(ListExportApi):
    """The employee list with the same filters, search and ordering as `GET /api/v1/employees/`."""

    filename = "can-bo"
    job_name = "employees"
    filterset_class = EmployeeFilter
    search_fields = ["full_name", "national_id", "legacy_id_number"]
    ordering_fields = ["full_name", "date_of_birth", "recruitment_date", "salary_coefficient", "id"]
    model = Employee
    rows = staticmethod(employee_list)
    table = staticmethod(employee_export)


def report_unit(user: User, unit):
    """The unit a report covers: the one asked for, else the caller's scope; 403 outside it.

    Mirrors `GET /api/v1/evaluations/statistics/`: administrators, officers and managers only.
    """
    return access_report_unit(user, unit)


class RatingDistributionExportApi(ExportApi):
    """Decided ratings per unit for a year, as `GET /api/v1/evaluations/statistics/`."""

    filename = "xep-loai"

    def export_table(self, queryset) -> ExportTable:
        query = RatingDistributionQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        unit = report_unit(self.request.user, query.validated_data.get("unit"))
        return rating_distribution_export(
            year=query.validated_data["year"], unit=unit, period_kind=query.validated_data["period_kind"]
        )

    @extend_schema(parameters=[RatingDistributionQuerySerializer], responses=DOWNLOAD)
    def get(self, request):
        return self.answer(request)


YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="Calendar year (default: this year)")


class TrainingComplianceExportApi(ListExportApi):
    """Working people with their credited periods against the yearly minimum, as `GET /api/v1/training/compliance/`."""

    filename = "boi-duong"
    job_name = "training-compliance"
    filterset_class = ComplianceFilter
    ordering_fields = ["full_name", "credited", "id"]
    ordering = ["full_name", "id"]
    model = Employee

    def year(self) -> int:
        return check_year(self.request.query_params.get("year", timezone.localdate().year))

    def rows(self, *, user: User):
        return compliance_list(user=user, year=self.year())

    def export_table(self, queryset) -> ExportTable:
        return training_compliance_export(queryset=queryset, year=self.year())

    @extend_schema(parameters=[YEAR], responses=DOWNLOAD_OR_JOB, filters=True)
    def get(self, request):
        return self.answer(request)


class DisciplineExportApi(ListExportApi):
    """Discipline decisions with the filters of `GET /api/v1/discipline-records/`."""

    filename = "ky-luat"
    job_name = "discipline-summary"
    filterset_class = DisciplineRecordFilter
    search_fields = ["employee__full_name", "decision_number", "reason"]
    ordering_fields = ["decision_date", "effective_date", "effect_end", "id"]
    model = DisciplineRecord
    rows = staticmethod(discipline_list)
    table = staticmethod(discipline_export)


class CommendationExportApi(ListExportApi):
    """Titles and commendations with the filters of `GET /api/v1/commendations/`."""

    filename = "khen-thuong"
    job_name = "commendation-summary"
    filterset_class = CommendationFilter
    search_fields = ["employee__full_name", "unit__name", "decision_number"]
    ordering_fields = ["year", "decision_date", "amount", "id"]
    model = Commendation
    rows = staticmethod(commendation_list)
    table = staticmethod(commendation_export)


class ReformRankingExportApi(ExportApi):
    """Published appraisal results of a year and level, ranked, as `GET /api/v1/reform-appraisals/ranking/`."""

    filename = "xep-hang-cchc"
    job_name = "reform-ranking"

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, required=True),
            OpenApiParameter("level", str, required=True, enum=TargetLevel.values),
        ],
        responses=DOWNLOAD_OR_JOB,
    )
    def get(self, request):
        return self.answer(request)

    def export_queryset(self):
        ranked = appraisal_ranking(user=self.request.user, filters=self.request.query_params)
        if not ranked.is_valid():
            raise ValidationError(ranked.errors)
        return ranked.qs

    def export_table(self, queryset) -> ExportTable:
        return reform_ranking_export(queryset=queryset)


class DossierTableExportApi(ListExportApi):
    """A dossier table with the rows and `?employee=` filter of its list (`GET /api/v1/dossier/<table>/`)."""

    ordering_fields = ["id"]
    ordering = ["employee__full_name", "id"]

    def get_queryset(self):
        return super().get_queryset().select_related("employee")


class QualificationExportApi(DossierTableExportApi):
    """Degrees and certificates, as `GET /api/v1/dossier/qualifications/`."""

    filename = "van-bang"
    job_name = "dossier-qualifications"
    model = Qualification
    filterset_class = QualificationFilter
    rows = staticmethod(qualification_list)
    table = staticmethod(qualification_export)


class FamilyMemberExportApi(DossierTableExportApi):
    """Family relations (sensitive: only the rows the caller may read), as `GET /api/v1/dossier/family-members/`."""

    filename = "quan-he-gia-dinh"
    job_name = "dossier-family"
    model = FamilyMember
    filterset_class = FamilyMemberFilter
    rows = staticmethod(family_member_list)
    table = staticmethod(family_member_export)


class PositionHoldingExportApi(DossierTableExportApi):
    """Job positions held, as `GET /api/v1/dossier/position-holdings/`."""

    filename = "vi-tri-viec-lam"
    job_name = "dossier-positions"
    model = PositionHolding
    filterset_class = PositionHoldingFilter
    rows = staticmethod(position_holding_list)
    table = staticmethod(position_holding_export)


class AllowanceExportApi(DossierTableExportApi):
    """Allowances, as `GET /api/v1/dossier/allowances/`."""

    filename = "phu-cap"
    job_name = "dossier-allowances"
    model = Allowance
    filterset_class = AllowanceFilter
    rows = staticmethod(allowance_list)
    table = staticmethod(allowance_export)


class GroupRecordExportApi(ListExportApi):
    """One group's record fields, one row per person the caller reads; `group` is set by each group's subclass.

    The sensitive groups (assets and income, health) list only the people whose sensitive data the caller
    reads (dossier.access); a manager, who reads none of their staff's, is refused as the dossier API refuses.
    """

    group = ""
    filterset_class = EmployeeFilter
    search_fields = ["full_name", "national_id"]
    ordering_fields = ["full_name", "id"]
    ordering = ["full_name", "id"]
    model = Employee

    def rows(self, *, user: User):
        people = employee_list(user=user)
        if self.group in SENSITIVE_GROUPS:
            access_sensitive_list(user)
            people = people.filter(sensitive_scope_q(user))
        return people

    def export_table(self, queryset) -> ExportTable:
        return group_record_export(group=self.group, queryset=queryset)


GROUP_EXPORTS: dict[str, type[GroupRecordExportApi]] = {
    group_slug(group): type(
        f"{group.title().replace('_', '')}RecordExportApi",
        (GroupRecordExportApi,),
        {
            "group": group,
            "filename": f"ho-so-{group_slug(group)}",
            "job_name": f"dossier-group-{group_slug(group)}",
            "__module__": __name__,
            "__doc__": f"The dossier group {group}'s record fields, one row per person the caller reads.",
        },
    )
    for group in EDITABLE_GROUPS
}


def export_table_build(view_class: type[ExportApi], user: User, export_format: str, query: str) -> ExportTable:
    """The table of an export as `user` asking with `query` would download it: the view's own queryset, filters,
    search and ordering, run outside a request (a job's worker). The starter is taken as authenticated; the job
    checks that their account is still active."""
    http = HttpRequest()
    http.method = "GET"
    http.GET = QueryDict(query)
    request = Request(http)
    request.user = user
    view = view_class(export_format=export_format)
    view.setup(http)
    view.request, view.format_kwarg = request, None
    return view.export_table(view.export_queryset())


for _view in (
    EmployeeExportApi,
    TrainingComplianceExportApi,
    DisciplineExportApi,
    CommendationExportApi,
    ReformRankingExportApi,
    QualificationExportApi,
    FamilyMemberExportApi,
    PositionHoldingExportApi,
    AllowanceExportApi,
    *GROUP_EXPORTS.values(),
):
    export_builder_register(_view.job_name, functools.partial(export_table_build, _view))
del _view
