"""Sign-in lockout (django-axes): the refusal a locked account gets, and the client address axes records."""

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.throttling import BaseThrottle

LOCKED_MESSAGE = _(
    "This account is temporarily locked after too many failed sign-ins. Try again later or ask an administrator."
)


class AccountLocked(exceptions.APIException):
    """Too many failed sign-ins for this account: refused whatever the password (429)."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_detail = LOCKED_MESSAGE
    default_code = "account_locked"


def lockout_response(request, original_response=None, credentials=None) -> JsonResponse:
    """axes' lockout answer outside DRF views (the admin site's sign-in), in the API's error shape."""
    return JsonResponse(
        {"code": AccountLocked.default_code, "detail": str(LOCKED_MESSAGE)}, status=AccountLocked.status_code
    )


def client_ip(request) -> str:
    """The client's address as DRF's throttles see it: X-Forwarded-For only through TRUSTED_PROXY_COUNT proxies."""
    return BaseThrottle().get_ident(request)
