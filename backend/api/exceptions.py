"""One exception handler: every failure becomes a clear JSON answer, never a 500 for bad input."""

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


class ApplicationError(exceptions.APIException):
    """A business rule refused the request; `field` names the input at fault, if any."""

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


INTEGRITY_MESSAGE = _("The data conflicts with an existing record.")


def exception_handler(exc, context):
    """Translate Django and database errors to DRF ones, then let DRF render them."""
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
        exc = ApplicationError(INTEGRITY_MESSAGE, code="integrity", status_code=status.HTTP_409_CONFLICT)

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(response.data, list):
        response.data = {"non_field_errors": response.data}
    return response
