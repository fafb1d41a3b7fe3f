"""Under /api/, a URL given without its trailing slash is answered as the URL with it, whatever the method."""

from django.urls import is_valid_path


class ApiTrailingSlashMiddleware:
    """Adds the missing slash in place of Django's redirect: a 301 loses a POST's body and DEBUG refuses with a 500.

    Only for a path under /api/ that matches no route as given and matches one with the slash added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path_info = request.path_info
        if path_info.startswith("/api/") and not path_info.endswith("/"):
            urlconf = getattr(request, "urlconf", None)
            if not is_valid_path(path_info, urlconf) and is_valid_path(path_info + "/", urlconf):
                request.path_info = path_info + "/"
                request.path = request.path + "/"
        return self.get_response(request)
