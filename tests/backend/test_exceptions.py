"""The single exception handler: Django and database errors become clear JSON answers."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from backend.api.exceptions import ApplicationError, Conflict, Forbidden, OutOfScope, OwnRecord

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
        (
            ValidationError({"national_id": ["bad"]}),
            400,
            {"code": "invalid", "detail": "bad", "fields": {"national_id": ["bad"]}, "national_id": ["bad"]},
        ),
        (
            ValidationError("whole record"),
            400,
            {
                "code": "invalid",
                "detail": "whole record",
                "fields": {"non_field_errors": ["whole record"]},
                "non_field_errors": ["whole record"],
            },
        ),
        (
            ValidationError({"__all__": ["both dates"]}),
            400,
            {
                "code": "invalid",
                "detail": "both dates",
                "fields": {"non_field_errors": ["both dates"]},
                "non_field_errors": ["both dates"],
            },
        ),
        (
            ApplicationError("no", field="unit", code="unit_closed"),
            400,
            {"code": "unit_closed", "detail": "no", "fields": {"unit": ["no"]}, "unit": ["no"]},
        ),
        (ApplicationError("no"), 400, {"code": "invalid", "detail": "no"}),
        (Conflict("locked", code="locked"), 409, {"code": "locked", "detail": "locked"}),
        (Forbidden("role"), 403, {"code": "permission_denied", "detail": "role"}),
        (OutOfScope("far"), 403, {"code": "out_of_scope", "detail": "far"}),
        (OwnRecord("mine"), 403, {"code": "own_record", "detail": "mine"}),
        (
            ApplicationError("taken", field="code", code="duplicate"),
            400,
            {"code": "duplicate", "detail": "taken", "fields": {"code": ["taken"]}},
        ),
    ],
)
def test_translated_errors(exc, status, body):
    response = respond(exc)
    assert response.status_code == status
    assert response.data == body


def test_serializer_codes_are_kept():
    from rest_framework import serializers

    class Input(serializers.Serializer):
        year = serializers.IntegerField()

    serializer = Input(data={})
    try:
        serializer.is_valid(raise_exception=True)
    except serializers.ValidationError as exc:
        response = respond(exc)
    assert response.data["code"] == "required"
    assert list(response.data["fields"]) == ["year"]
    assert response.data["year"] == response.data["fields"]["year"]


def test_integrity_error_is_a_409_in_vietnamese():
    with translation.override("vi"):
        response = respond(IntegrityError("duplicate key"))
    assert response.status_code == 409
    assert response.data == {"code": "integrity", "detail": "Dữ liệu trùng hoặc mâu thuẫn với bản ghi đã có."}


def test_unknown_errors_are_not_swallowed():
    with pytest.raises(ZeroDivisionError):
        respond(ZeroDivisionError())


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/units/0.5/", "/api/v1/no-such-thing/", "/khong-co/"])
def test_unmatched_urls_answer_json(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": "not_found", "detail": "Không tìm thấy."}


def test_crashes_answer_json_without_details(rf):
    from backend.api.fallbacks import server_error

    response = server_error(rf.get("/api/v1/units/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert set(json.loads(response.content)) == {"code", "detail"}
