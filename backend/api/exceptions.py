"""One exception handler: every failure becomes a clear JSON answer with a stable machine code, never a 500."""

import math

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

# Keys of the error body itself; an input field of the same name is reported only under "fields".
BODY_KEYS = frozenset({"code", "detail", "fields"})


class ApplicationError(exceptions.APIException):
    """A business rule refused the request; `field` names the input at fault, `code` the rule."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, message, *, field: str | None = None, code: str | None = None, status_code=None):
        if status_code is not None:
            self.status_code = status_code
        self.field = field
        detail = {field: [message]} if field else message
        super().__init__(detail=detail, code=code or self.default_code)


class Conflict(ApplicationError):
    """The request is valid but the record's current state forbids it (409)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class Forbidden(ApplicationError):
    """The caller sees the record but their role may not take this action (403)."""

    status_code = status.HTTP_403_FORBIDDEN
    default_code = "permission_denied"


class OutOfScope(Forbidden):
    """The record, or a unit or person named in the request, lies outside the caller's area (403)."""

    default_code = "out_of_scope"


class OwnRecord(Forbidden):
    """Nobody decides on their own record: the competent authority above them does (403)."""

    default_code = "own_record"


INTEGRITY_MESSAGE = _("The data conflicts with an existing record.")
THROTTLED_MESSAGE = _("Too many requests: try again in %(wait)d seconds.")
INVALID_MESSAGE = _("The data sent is not valid.")


def _leaf_codes(codes) -> list[str]:
    if isinstance(codes, dict):
        return [code for value in codes.values() for code in _leaf_codes(value)]
    if isinstance(codes, list):
        return [code for value in codes for code in _leaf_codes(value)]
    return [str(codes)]


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _first_message(value)
    if isinstance(detail, list):
        return _first_message(detail[0]) if detail else str(INVALID_MESSAGE)
    return str(detail)


def error_body(detail, codes) -> dict:
    """The one error shape: `code`, `detail` (a sentence for people), `fields` (messages by input name).

    Field messages are also repeated at the top level under their input's name, as the API always answered.
    """
    leaves = set(_leaf_codes(codes))
    code = leaves.pop() if len(leaves) == 1 else "invalid"
    if not isinstance(detail, dict):
        return {"code": code, "detail": str(detail) if not isinstance(detail, list) else _first_message(detail)}
    fields = dict(detail)
    body = {name: value for name, value in fields.items() if name not in BODY_KEYS}
    body.update(code=code, detail=_first_message(fields), fields=fields)
    return body


def exception_handler(exc, context):
    """Translate Django and database errors to DRF ones, then render the one error shape."""
    if isinstance(exc, DjangoValidationError):
        detail = as_serializer_error(exc)
        if NON_FIELD_ERRORS in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, IntegrityError):
        # A race lost against a unique constraint is the client's conflict, not a crash.
        exc = Conflict(INTEGRITY_MESSAGE, code="integrity")
    elif isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        # DRF formats the wait before translating it, so no catalogue can; one sentence of ours instead.
        wait = math.ceil(exc.wait)
        exc = exceptions.Throttled(detail=THROTTLED_MESSAGE % {"wait": wait}, code="throttled")
        exc.wait = wait  # still sent as Retry-After

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    if isinstance(detail, list):
        detail = {api_settings.NON_FIELD_ERRORS_KEY: detail}
    elif isinstance(detail, dict) and set(detail) == {"detail"}:
        detail = detail["detail"]
    response.data = error_body(detail, exc.get_codes() if isinstance(exc, exceptions.APIException) else "error")
    return response
