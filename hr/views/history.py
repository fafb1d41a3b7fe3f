"""A reusable `history` action: the versions of a record, with field-level changes."""

import itertools

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from hr.serializers.history import HistoryEntrySerializer


class HistoryMixin:
    """Adds GET {id}/history/ to a viewset whose model has simple-history records."""

    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        record = self.get_object()
        # A person's record has tens of versions, not thousands: read them all once
        # and pair each with its predecessor for the diff.
        versions = list(record.history.select_related("history_user").order_by("history_date", "history_id"))
        previous = {v.history_id: p for p, v in itertools.pairwise(versions)}
        versions.reverse()
        page = self.paginate_queryset(versions)
        serializer = HistoryEntrySerializer(page, many=True, context={"previous": previous})
        return self.get_paginated_response(serializer.data)
