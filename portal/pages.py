"""The decorator every signed-in page goes through: a session login, and an HTML 404 outside the caller's scope."""

import functools

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render


def portal_page(view):
    """Signed-in only; a person or record outside the caller's scope is the portal's 404 page, as in the API."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return render(request, "portal/404.html", status=404)

    return login_required(wrapper)
