"""A reusable `history` action: the versions of a record, with field-level changes, and merged events."""

import itertools

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from hr.serializers.history import HistoryEntrySerializer


def _entry_key(entry) -> tuple:
    if isinstance(entry, dict):
        return (entry["history_date"], 0)
    return (entry.history_date, entry.history_id)


class HistoryMixin:
    """Adds GET {id}/history/ to a viewset whose model has simple-history records."""

    def history_events(self, record) -> list[dict]:
        """Events from other records to merge into this record's history (dicts in the entry format); none here."""
        return []

    # The versions of one record: the list's filters neither apply nor are advertised here.
    @extend_schema(responses=HistoryEntrySerializer(many=True))
    @action(detail=True, methods=["get"], filter_backends=[])
    def history(self, request, pk=None):
        record = self.get_object()
        # A person's record has tens of versions, not thousands: read them all once
        # and pair each with its predecessor for the diff.
        versions = list(record.history.select_related("history_user").order_by("history_date", "history_id"))
        previous = {v.history_id: p for p, v in itertools.pairwise(versions)}
        entries = sorted([*versions, *self.history_events(record)], key=_entry_key, reverse=True)
        page = self.paginate_queryset(entries)
        serializer = HistoryEntrySerializer(page, many=True, context={"previous": previous})
        return self.get_paginated_response(serializer.data)
