"""One structured log record per request (id, user, method, path, status, duration) and the X-Request-ID header."""

import contextvars
import logging
import re
import time
import uuid

logger = logging.getLogger("backend.requests")

# An id given by the reverse proxy (nginx's $request_id) is kept when it looks like one; otherwise a new one.
_ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")


def current_request_id() -> str:
    """The id of the request being answered in this thread or task ("" outside a request)."""
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every log record written while a request is answered."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


def _user_of(request) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.get_username()


class RequestLogMiddleware:
    """Logs every answer on logger "backend.requests" and sends its id back in X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _ACCEPTED_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            self._log(request, response, started)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response

    @staticmethod
    def _log(request, response, started: float) -> None:
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        status = response.status_code
        logger.log(
            logging.ERROR if status >= 500 else logging.INFO,
            "%s %s %s",
            request.method,
            request.path,
            status,
            extra={
                "request_id": request.request_id,
                "user": _user_of(request),
                "method": request.method,
                "path": request.path,
                "status": status,
                "duration_ms": duration_ms,
            },
        )
