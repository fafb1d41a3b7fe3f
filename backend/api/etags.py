"""ETags on details, and If-Match on writes: a second reviewer holding a stale copy gets 412, nothing written.

The ETag is the SHA-256 of the record's detail representation (the JSON a GET answers), so it changes
whenever anything a reader sees changes, and needs no version column. If-Match is optional: a client
that sends none writes as before.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.response import Response

from backend.api.exceptions import ApplicationError

STALE_MESSAGE = _("The record changed since you read it: reload it and apply your changes again.")


class PreconditionFailed(ApplicationError):
    """If-Match named a version of the record that is no longer the current one (412)."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def etag_of(data) -> str:
    """The strong ETag of a representation: its canonical JSON's SHA-256, quoted."""
    text = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest() + '"'


def if_match_allows(header: str, current: str) -> bool:
    """RFC 9110 §13.1.1: `*` or any listed strong tag equal to the current one (weak tags never match)."""
    tags = [tag.strip() for tag in header.split(",") if tag.strip()]
    return "*" in tags or current in tags


class ETagMixin:
    """For a viewset: an ETag on detail reads and on the answers of its guarded writes; If-Match checked
    on the guarded writes (`etag_writes`: PATCH, PUT and the actions listed) before anything is written."""

    # The serializer of the detail representation the ETag is computed from.
    etag_serializer_class = None
    etag_reads = ("retrieve",)
    etag_writes = ("partial_update", "update")

    def etag_representation(self, instance):
        return self.etag_serializer_class(instance, context=self.get_serializer_context()).data

    def get_object(self):
        instance = super().get_object()
        header = self.request.headers.get("If-Match")
        if header and self.action in self.etag_writes:
            # The row is locked until the request's transaction ends (ATOMIC_REQUESTS), then read again:
            # of two reviewers sending the same ETag at once, the second waits and then sees the change.
            model = type(instance)
            list(model._default_manager.select_for_update().filter(pk=instance.pk).values_list("pk", flat=True))
            instance = super().get_object()
            if not if_match_allows(header, etag_of(self.etag_representation(instance))):
                raise PreconditionFailed(STALE_MESSAGE)
        return instance

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        guarded = self.action in self.etag_reads or self.action in self.etag_writes
        fresh = isinstance(response, Response) and response.status_code == status.HTTP_200_OK
        if guarded and fresh and isinstance(response.data, dict) and "ETag" not in response:
            response["ETag"] = etag_of(response.data)
        return response
