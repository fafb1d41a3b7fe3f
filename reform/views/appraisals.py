"""Reform appraisal endpoints: scoped reads, the workflow steps of each role, evidence and the ranking."""

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from backend.api.parsers import CheckedMultiPartParser
from hr.models import Role
from hr.views.history import HistoryMixin
from reform.access import access_appraiser, access_self_assessment
from reform.evidence_types import EVIDENCE_TYPES
from reform.models import Appraisal, TargetLevel
from reform.selectors.appraisals import AppraisalFilter, appraisal_list, appraisal_ranking, appraisal_with_scores
from reform.selectors.evidence import evidence_content_type, evidence_of_appraisal
from reform.serializers.appraisals import (
    AppraisalDetailSerializer,
    AppraisalEvidenceSerializer,
    AppraisalOpenSerializer,
    AppraisalSerializer,
    AppraisedScoresInputSerializer,
    EvidenceInputSerializer,
    PublishInputSerializer,
    RankingRowSerializer,
    ReturnInputSerializer,
    SelfScoresInputSerializer,
    SurveyScoresInputSerializer,
)
from reform.services.appraisals import (
    appraisal_open,
    appraisal_publish,
    appraisal_refresh_computed,
    appraisal_return,
    appraisal_set_appraised_scores,
    appraisal_set_self_scores,
    appraisal_set_survey_scores,
    appraisal_submit,
)
from reform.services.evidence import evidence_add


class AppraisalViewSet(HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A unit's yearly reform appraisal: the officer self-assesses, the province appraises and publishes.

    A published appraisal is locked (409 on any change); nothing is ever deleted.
    """

    serializer_class = AppraisalSerializer
    filterset_class = AppraisalFilter
    ordering_fields = ["percentage", "total", "unit__path", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Appraisal.objects.none()
        queryset = appraisal_list(user=self.request.user)
        if self.action in ("list", "evidence_download"):
            return queryset
        return appraisal_with_scores(queryset)

    def _detail(self, appraisal: Appraisal, *, status_code: int = status.HTTP_200_OK) -> Response:
        fresh = appraisal_with_scores(appraisal_list(user=self.request.user)).get(pk=appraisal.pk)
        return Response(AppraisalDetailSerializer(fresh, context={"request": self.request}).data, status=status_code)

    def _self_assessed(self) -> Appraisal:
        """The appraisal, seen (else 404) and the caller's to self-assess (else 403), before its input is read."""
        return access_self_assessment(self.request.user, self.get_object())

    def _appraised(self) -> Appraisal:
        return access_appraiser(self.request.user, self.get_object())

    def retrieve(self, request, pk=None):
        return Response(AppraisalDetailSerializer(self.get_object(), context={"request": request}).data)

    @extend_schema(request=AppraisalOpenSerializer, responses={201: AppraisalDetailSerializer})
    def create(self, request):
        """Open a unit's appraisal for a year (the province administration, or the unit's officer)."""
        user = request.user
        if not (user.is_province_admin or user.role == Role.PERSONNEL_OFFICER):
            self.permission_denied(request)
        serializer = AppraisalOpenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        appraisal = appraisal_open(actor=user, **serializer.validated_data)
        return self._detail(appraisal, status_code=status.HTTP_201_CREATED)

    @extend_schema(request=SelfScoresInputSerializer, responses=AppraisalDetailSerializer)
    @action(detail=True, methods=["post"], url_path="self-scores")
    def self_scores(self, request, pk=None):
        """The unit's self-scores and notes (personnel officer, during self-assessment)."""
        appraisal = self._self_assessed()
        serializer = SelfScoresInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        appraisal_set_self_scores(actor=request.user, appraisal=appraisal, entries=serializer.validated_data["scores"])
        return self._detail(appraisal)

    # An upload: the one endpoint of the app that reads multipart (a file cannot travel url-encoded).
    @extend_schema(request=EvidenceInputSerializer, responses={201: AppraisalEvidenceSerializer})
    @action(detail=True, methods=["post"], parser_classes=[CheckedMultiPartParser])
    def evidence(self, request, pk=None):
        """Attach a document (pdf, jpg, png, docx, xlsx; at most 10 MB) to a self-score."""
        appraisal = self._self_assessed()
        serializer = EvidenceInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        evidence = evidence_add(
            actor=request.user,
            appraisal=appraisal,
            criterion_id=serializer.validated_data["criterion"],
            file=serializer.validated_data["file"],
            note=serializer.validated_data["note"],
        )
        return Response(
            AppraisalEvidenceSerializer(evidence, context={"request": request}).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        parameters=[OpenApiParameter("evidence_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={
            (200, media): OpenApiResponse(OpenApiTypes.BINARY)
            for media in sorted({kind.content_type for kind in EVIDENCE_TYPES.values()})
        },
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"evidence/(?P<evidence_id>[0-9]{1,18})",
        url_name="evidence-download",
    )
    def evidence_download(self, request, pk=None, evidence_id=None):
        """Download an evidence document, for anyone who may read the appraisal (files are not served publicly)."""
        evidence = evidence_of_appraisal(appraisal=self.get_object(), evidence_id=int(evidence_id))
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError:
            raise NotFound(_("The file of this evidence is missing from storage."), code="file_missing") from None
        return FileResponse(
            handle, as_attachment=True, filename=evidence.original_name, content_type=evidence_content_type(evidence)
        )

    @extend_schema(request=None, responses=AppraisalDetailSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Send the self-assessment for appraisal."""
        appraisal = appraisal_submit(actor=request.user, appraisal=self._self_assessed())
        return self._detail(appraisal)

    @extend_schema(request=None, responses=AppraisalDetailSerializer)
    @action(detail=True, methods=["post"], url_path="refresh-computed")
    def refresh_computed(self, request, pk=None):
        """Re-read the computed civil-service criteria from the system's data (officer or administrator)."""
        appraisal = self.get_object()
        return self._detail(appraisal_refresh_computed(actor=request.user, appraisal=appraisal))

    @extend_schema(request=AppraisedScoresInputSerializer, responses=AppraisalDetailSerializer)
    @action(detail=True, methods=["post"], url_path="appraised-scores")
    def appraised_scores(self, request, pk=None):
        """The appraiser's points, each change from the self-score with its reason (province administrator)."""
        appraisal = self._appraised()
        serializer = AppraisedScoresInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        appraisal_set_appraised_scores(
            actor=request.user, appraisal=appraisal, entries=serializer.validated_data["scores"]
        )
        return self._detail(appraisal)

    @extend_schema(request=SurveyScoresInputSerializer, responses=AppraisalDetailSerializer)
    @action(detail=True, methods=["post"], url_path="survey-scores")
    def survey_scores(self, request, pk=None):
        """Points of the survey criteria (province administrator)."""
        appraisal = self._appraised()
        serializer = SurveyScoresInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        entries = serializer.validated_data["scores"]
        appraisal_set_survey_scores(actor=request.user, appraisal=appraisal, entries=entries)
        return self._detail(appraisal)

    @extend_schema(request=ReturnInputSerializer, responses=AppraisalDetailSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def send_back(self, request, pk=None):
        """Return a submitted self-assessment to the unit, with the reason (province administrator)."""
        appraisal = self._appraised()
        serializer = ReturnInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._detail(appraisal_return(actor=request.user, appraisal=appraisal, **serializer.validated_data))

    @extend_schema(request=PublishInputSerializer, responses=AppraisalDetailSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Publish the result: final totals, band and rank; locked from then on (province administrator)."""
        appraisal = self._appraised()
        serializer = PublishInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self._detail(appraisal_publish(actor=request.user, appraisal=appraisal, **serializer.validated_data))

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, required=True),
            OpenApiParameter("level", str, required=True, enum=TargetLevel.values),
        ],
        responses=RankingRowSerializer(many=True),
    )
    @action(detail=False, methods=["get"], filterset_class=None)
    def ranking(self, request):
        """Published results of a year and level, best first; equal percentages share a rank (1, 1, 3)."""
        ranked = appraisal_ranking(user=request.user, filters=request.query_params)
        if not ranked.is_valid():
            raise ValidationError(ranked.errors.as_data())  # as_data keeps the codes (required, invalid_choice…)
        page = self.paginate_queryset(ranked.qs)
        return self.get_paginated_response(RankingRowSerializer(page, many=True).data)
