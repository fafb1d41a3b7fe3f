"""JSON answers for URLs no view matched and for unexpected crashes, in the API's error shape."""

from django.http import JsonResponse
from django.utils.translation import gettext as _


def not_found(request, exception=None):
    return JsonResponse({"code": "not_found", "detail": _("Not found.")}, status=404)


def server_error(request):
    return JsonResponse({"code": "server_error", "detail": _("A server error occurred.")}, status=500)


def bad_request(request, exception=None):
    # Django's own refusals before any view runs (a malformed multipart body, too many fields).
    return JsonResponse({"code": "bad_request", "detail": _("The request is malformed.")}, status=400)


def permission_denied(request, exception=None):
    return JsonResponse({"code": "permission_denied", "detail": _("You may not do this.")}, status=403)
