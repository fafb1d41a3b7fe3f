"""GET sync/people/{id}/, GET sync/changes/, POST sync/acks/, GET sync/overdue/: the national database feed."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.api.pagination import StandardPagination
from hr.models import Employee
from hr.services.changes import person_changes_sequence
from sync.permissions import SyncFeedReader
from sync.selectors.changes import change_feed
from sync.selectors.cursor import cursor_parse
from sync.selectors.dossier import person_dossier
from sync.selectors.overdue import overdue_report
from sync.serializers import (
    AcknowledgementInputSerializer,
    AcknowledgementOutputSerializer,
    FeedPageSerializer,
    FeedQuerySerializer,
    OverdueChangeSerializer,
)
from sync.services.acknowledgements import acknowledgement_create


class PersonDossierApi(APIView):
    """A person's dossier in the ten data groups of NĐ 27/2026 (sync/schema/dossier.schema.json)."""

    permission_classes = [SyncFeedReader]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, pk: int):
        return Response(person_dossier(get_object_or_404(Employee, pk=pk)))


class ChangeFeedApi(APIView):
    """What changed, per person and group, after `cursor`; pass each page's `next_cursor` to read on."""

    permission_classes = [SyncFeedReader]

    @extend_schema(parameters=[FeedQuerySerializer], responses=FeedPageSerializer)
    def get(self, request):
        query = FeedQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        raw = query.validated_data.get("cursor")
        after = cursor_parse(raw) if raw is not None else None
        # Number what committed since the last read, then read on: a late commit lands after every cursor.
        person_changes_sequence()
        page = change_feed(after=after, limit=query.validated_data["page_size"])
        return Response(FeedPageSerializer(page).data)


class AcknowledgementApi(APIView):
    """The national database says what it has taken: `{"cursor": ...}` or `{"changes": [ids]}`."""

    permission_classes = [SyncFeedReader]

    @extend_schema(request=AcknowledgementInputSerializer, responses={201: AcknowledgementOutputSerializer})
    def post(self, request):
        body = AcknowledgementInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        acknowledgement = acknowledgement_create(
            actor=request.user, cursor=body.validated_data.get("cursor"), change_ids=body.validated_data.get("changes")
        )
        return Response(AcknowledgementOutputSerializer(acknowledgement).data, status=status.HTTP_201_CREATED)


class OverdueApi(generics.ListAPIView):
    """Changes not acknowledged within 3 working days (ratings: 5), oldest first, with each one's deadline."""

    permission_classes = [SyncFeedReader]
    serializer_class = OverdueChangeSerializer
    pagination_class = StandardPagination
    # The report has no filters: none is advertised.
    filter_backends = []

    def list(self, request, *args, **kwargs):
        report = overdue_report()
        page = self.paginate_queryset(report.changes)
        report.describe(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
