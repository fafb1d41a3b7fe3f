"""JSON answers for URLs no view matched and for unexpected crashes, in the API's error shape."""

from django.http import JsonResponse
from django.utils.translation import gettext as _


def not_found(request, exception=None):
    return JsonResponse({"detail": _("Not found.")}, status=404)


def server_error(request):
    return JsonResponse({"detail": _("A server error occurred.")}, status=500)
