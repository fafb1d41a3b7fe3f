"""The schema says what the API answers: nullable read-only relations, the error shape, 429 where throttled,
and every error under /api/ (Django's own 400 included) as JSON."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from drf_spectacular.generators import SchemaGenerator


@pytest.fixture(scope="module")
def schema():
    raw = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(json.dumps(raw, cls=DjangoJSONEncoder))


def _properties(schema, name):
    return schema["components"]["schemas"][name]["properties"]


def test_a_read_only_relation_to_a_nullable_column_is_nullable(schema):
    assert _properties(schema, "DisciplineOutput")["repeat_of"]["nullable"] is True


def test_the_error_component_has_the_error_shape(schema):
    error = schema["components"]["schemas"]["Error"]
    assert error["required"] == ["code", "detail"]
    assert set(error["properties"]) == {"code", "detail", "fields"}


@pytest.mark.parametrize(
    "path",
    ["/api/v1/auth/jwt/create/", "/api/v1/auth/jwt/refresh/", "/api/v1/auth/jwt/verify/", "/api/v1/auth/jwt/logout/"],
)
def test_throttled_operations_document_429(schema, path):
    assert "429" in schema["paths"][path]["post"]["responses"]


def test_logout_is_documented(schema):
    assert "200" in schema["paths"]["/api/v1/auth/jwt/logout/"]["post"]["responses"]


@pytest.mark.django_db
def test_django_refusals_before_any_view_are_json(as_user, org):
    query = "&".join(f"f{n}=1" for n in range(1001))  # beyond DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = as_user(org.admin).get(f"/api/v1/units/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "bad_request"
