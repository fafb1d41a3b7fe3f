"""The API root (/api/v1/): every collection of every app, read from the URL configuration, without sign-in."""

import functools

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

API_PREFIX = "/api/v1/"


def _walk(patterns):
    """Every URL pattern, nested includes flattened."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            yield entry


def _is_collection(pattern: URLPattern) -> bool:
    """A router's list route, or a plain route without parameters (reports, imports, exports, sign-in)."""
    if not pattern.name:
        return False
    if isinstance(pattern.pattern, RoutePattern):
        return not pattern.pattern.converters
    return isinstance(pattern.pattern, RegexPattern) and pattern.name.endswith("-list")


@functools.cache
def api_resources() -> dict[str, str]:
    """Resource name ("units", "training/classes") → its path, for every collection under /api/v1/.

    Computed once per process: the URL configuration does not change while it runs.
    """
    resources = {}
    for pattern in _walk(get_resolver().url_patterns):
        if not _is_collection(pattern):
            continue
        try:
            url = reverse(pattern.name)
        except Exception:  # a route that cannot be reversed without arguments is no collection
            continue
        if url.startswith(API_PREFIX) and url != API_PREFIX:
            resources.setdefault(url[len(API_PREFIX) :].strip("/"), url)
    return dict(sorted(resources.items()))


class ApiRootView(APIView):
    """Lists every resource of the API with its absolute URL; readable without signing in."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "public"
    schema = None  # not an operation of the API, as DRF's own root view

    def get(self, request, format=None):
        return Response({name: request.build_absolute_uri(url) for name, url in api_resources().items()})
