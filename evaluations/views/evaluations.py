"""Evaluation endpoints: scoped reads, field edits, workflow transitions, amendment, the form, statistics."""

import hashlib

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.api.etags import ETagMixin
from backend.api.exceptions import Conflict
from backend.api.pagination import BoundedListCountMixin
from evaluations.models import NOT_RATED, Evaluation
from evaluations.selectors.evaluations import (
    EvaluationFilter,
    evaluation_detail_queryset,
    evaluation_list_rows,
    evaluation_visible,
)
from evaluations.selectors.statistics import rating_distribution
from evaluations.serializers.evaluations import (
    AllowedActionsSerializer,
    AmendInputSerializer,
    EvaluationDetailSerializer,
    EvaluationInputSerializer,
    EvaluationListSerializer,
    StatisticsQuerySerializer,
    StatisticsSerializer,
)
from evaluations.serializers.fields import TRANSITION_NAMES
from evaluations.services.amendments import evaluation_amend
from evaluations.services.forms import evaluation_form, form_status, render_pdf
from evaluations.services.workflow import allowed_actions, evaluation_transition, evaluation_update
from hr.access import access_report_unit
from hr.models import RatingLevel
from hr.views.history import HistoryMixin

PDF_HEADERS = {"sha256": "X-Content-SHA256", "verified": "X-Form-Verified", "status": "X-Form-Status"}


def pdf_filename(evaluation: Evaluation) -> str:
    return f"phieu-danh-gia-{evaluation.cycle.year}-{evaluation.employee_id}-v{evaluation.version}.pdf"


class EvaluationViewSet(
    BoundedListCountMixin,
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Evaluations in the caller's scope. Nothing is deleted; a decided evaluation is corrected by amendment."""

    # Two reviewers on one evaluation: the one holding a stale copy (If-Match) gets 412, not a silent overwrite.
    etag_serializer_class = EvaluationDetailSerializer
    etag_writes = ("partial_update", "transition")

    filterset_class = EvaluationFilter
    page_keys_first = True  # sorted by the cycle, the unit's path and the person's name
    search_fields = ["employee__full_name"]
    ordering_fields = ["employee__full_name", "total_score", "final_rating", "status", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Evaluation.objects.none()
        if self.action == "list":
            return evaluation_list_rows(user=self.request.user)
        if self.action == "statistics":
            return evaluation_visible(user=self.request.user)
        return evaluation_detail_queryset(user=self.request.user)

    def get_serializer_class(self):
        return EvaluationListSerializer if self.action == "list" else EvaluationDetailSerializer

    def _detail(self, evaluation: Evaluation, code=status.HTTP_200_OK) -> Response:
        fresh = evaluation_detail_queryset(user=self.request.user).get(pk=evaluation.pk)
        return Response(EvaluationDetailSerializer(fresh).data, status=code)

    @extend_schema(request=EvaluationInputSerializer, responses=EvaluationDetailSerializer)
    def partial_update(self, request, pk=None):
        """Fill in the fields the caller may edit at the current stage (see allowed-actions)."""
        evaluation = self.get_object()
        serializer = EvaluationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        evaluation_update(actor=request.user, evaluation=evaluation, data=serializer.validated_data)
        return self._detail(evaluation)

    @extend_schema(responses=AllowedActionsSerializer)
    @action(detail=True, methods=["get"], url_path="allowed-actions")
    def allowed_actions(self, request, pk=None):
        """What the caller may do now: the transitions they may take and the fields they may edit."""
        evaluation = self.get_object()
        return Response(AllowedActionsSerializer(allowed_actions(user=request.user, evaluation=evaluation)).data)

    @extend_schema(
        request=EvaluationInputSerializer,
        responses=EvaluationDetailSerializer,
        parameters=[
            OpenApiParameter(
                "name", OpenApiTypes.STR, OpenApiParameter.PATH, description=_("Action name"), enum=TRANSITION_NAMES
            )
        ],
    )
    @action(detail=True, methods=["post"], url_path=r"transitions/(?P<name>[a-z0-9_-]+)")
    def transition(self, request, pk=None, name=None):
        """Take a workflow step, optionally setting the fields it carries (403 wrong role, 409 wrong state)."""
        evaluation = self.get_object()
        serializer = EvaluationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        evaluation_transition(actor=request.user, evaluation=evaluation, name=name, data=serializer.validated_data)
        return self._detail(evaluation)

    @extend_schema(request=AmendInputSerializer, responses={201: EvaluationDetailSerializer})
    @action(detail=True, methods=["post"])
    def amend(self, request, pk=None):
        """Correct a decided evaluation: a new version that goes through the decision again."""
        evaluation = self.get_object()
        serializer = AmendInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        amended = evaluation_amend(actor=request.user, evaluation=evaluation, **serializer.validated_data)
        return self._detail(amended, code=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)})
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        """The printed form; a decided one is rebuilt from its frozen record and checked against its SHA-256."""
        evaluation = self.get_object()
        if evaluation.status == NOT_RATED or evaluation.rule_set_id is None:
            raise Conflict(_("This person is not rated in this cycle, so there is no form."), code="not_rated")
        content = render_pdf(evaluation_form(evaluation))
        digest = hashlib.sha256(content).hexdigest()
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{pdf_filename(evaluation)}"'
        response[PDF_HEADERS["sha256"]] = digest
        response["ETag"] = f'"{digest}"'
        if evaluation.pdf_sha256:
            response[PDF_HEADERS["verified"]] = "true" if digest == evaluation.pdf_sha256 else "false"
        response[PDF_HEADERS["status"]] = form_status(evaluation)
        return response

    @extend_schema(parameters=[StatisticsQuerySerializer], responses=StatisticsSerializer)
    @action(detail=False, methods=["get"])
    def statistics(self, request):
        """Decided ratings per unit for a year (with people not rated and evaluations still open)."""
        user = request.user
        access_report_unit(user, None)  # the caller's role, before their query is read
        query = StatisticsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        unit = access_report_unit(user, query.validated_data.get("unit"))
        rows = list(
            rating_distribution(
                year=query.validated_data["year"], unit=unit, period_kind=query.validated_data["period_kind"]
            )
        )
        keys = [*RatingLevel.values, "not_rated", "pending", "total"]
        totals = {key: sum(row[key] for row in rows) for key in keys}
        payload = {
            "year": query.validated_data["year"],
            "period_kind": query.validated_data["period_kind"],
            "units": rows,
            "totals": totals,
        }
        return Response(StatisticsSerializer(payload).data)


class MyEvaluationViewSet(BoundedListCountMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's own evaluations, every cycle and version."""

    serializer_class = EvaluationListSerializer
    filterset_class = EvaluationFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Evaluation.objects.none()
        user = self.request.user
        return (
            Evaluation.objects.filter(employee_id=user.employee_id)
            .select_related("cycle", "employee", "unit", "agency", "position", "rule_set")
            .order_by("-cycle__year", "cycle__period_kind", "-cycle__period_number", "-version")
            if user.employee_id
            else Evaluation.objects.none()
        )
