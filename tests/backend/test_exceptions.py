"""The single exception handler: Django and database errors become clear JSON answers."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from backend.api.exceptions import ApplicationError, Conflict, Forbidden

factory = APIRequestFactory()


def respond(exc):
    class Raising(APIView):
        authentication_classes = []
        permission_classes = []

        def get(self, request):
            raise exc

    return Raising.as_view()(factory.get("/"))


@pytest.mark.parametrize(
    ("exc", "status", "body"),
    [
        (ValidationError({"national_id": ["bad"]}), 400, {"national_id": ["bad"]}),
        (ValidationError("whole record"), 400, {"non_field_errors": ["whole record"]}),
        (ValidationError({"__all__": ["both dates"]}), 400, {"non_field_errors": ["both dates"]}),
        (ApplicationError("no", field="unit"), 400, {"unit": ["no"]}),
        (ApplicationError("no"), 400, {"detail": "no"}),
        (Conflict("locked"), 409, {"detail": "locked"}),
        (Forbidden("role"), 403, {"detail": "role"}),
    ],
)
def test_translated_errors(exc, status, body):
    response = respond(exc)
    assert response.status_code == status
    assert response.data == body


def test_integrity_error_is_a_409_in_vietnamese():
    with translation.override("vi"):
        response = respond(IntegrityError("duplicate key"))
    assert response.status_code == 409
    assert response.data == {"detail": "Dữ liệu trùng hoặc mâu thuẫn với bản ghi đã có."}


def test_unknown_errors_are_not_swallowed():
    with pytest.raises(ZeroDivisionError):
        respond(ZeroDivisionError())


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/units/0.5/", "/api/v1/no-such-thing/", "/khong-co/"])
def test_unmatched_urls_answer_json(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Không tìm thấy."}


def test_crashes_answer_json_without_details(rf):
    from backend.api.fallbacks import server_error

    response = server_error(rf.get("/api/v1/units/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert set(json.loads(response.content)) == {"detail"}
