"""A JSON body carries types: a number where a number is due, a string for text, true/false for a flag.

Forms, multipart uploads and query strings stay text and keep DRF's coercion (backend/api/strict.py).
"""

import pytest
from django.http import QueryDict
from rest_framework import serializers

from tests.refusals import refused

pytestmark = pytest.mark.django_db


class Sample(serializers.Serializer):
    count = serializers.IntegerField(required=False)
    ratio = serializers.FloatField(required=False)
    name = serializers.CharField(required=False)
    flag = serializers.BooleanField(required=False)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("count", "5"),
        ("count", True),
        ("count", 5.5),
        ("ratio", "0.5"),
        ("ratio", False),
        ("name", 5),
        ("name", 1.5),
        ("name", True),
        ("flag", "true"),
        ("flag", 1),
        ("flag", "yes"),
    ],
)
def test_a_json_body_of_the_wrong_type_is_refused(field, value):
    serializer = Sample(data={field: value})
    assert not serializer.is_valid()
    assert serializer.errors[field][0].code == "invalid"


def test_the_right_types_pass_and_whole_floats_count_as_integers():
    serializer = Sample(data={"count": 5, "ratio": 1, "name": "Lò Thị Hương", "flag": False})
    assert serializer.is_valid(), serializer.errors
    assert Sample(data={"count": 5.0}).is_valid()


def test_query_strings_and_forms_keep_their_coercion():
    serializer = Sample(data=QueryDict("count=5&ratio=0.5&name=5&flag=true"))
    assert serializer.is_valid(), serializer.errors
    assert serializer.validated_data == {"count": 5, "ratio": 0.5, "name": "5", "flag": True}


def test_over_the_api_an_id_given_as_text_is_refused(org, as_user):
    cycle_body = {"year": 2027, "period_kind": "ANNUAL", "period_number": 1, "scope_unit": str(org.a.unit.pk)}
    response = as_user(org.admin).post("/api/v1/evaluation-cycles/", cycle_body, format="json")
    refused(response, "incorrect_type", field="scope_unit", status=400)
    response = as_user(org.admin).post(
        "/api/v1/evaluation-cycles/", {**cycle_body, "scope_unit": org.a.unit.pk, "year": "2027"}, format="json"
    )
    refused(response, "invalid", field="year", status=400)
    ok = as_user(org.admin).post(
        "/api/v1/evaluation-cycles/", {**cycle_body, "scope_unit": org.a.unit.pk}, format="json"
    )
    assert ok.status_code == 201, ok.data


@pytest.mark.parametrize("value", ["2.54", "1", "0", "yes", "có"])
def test_a_query_flag_is_true_or_false(org, as_user, value):
    client = as_user(org.admin)
    refused(client.get("/api/v1/discipline-records/", {"annulled": value}), "invalid", field="annulled", status=400)


def test_query_flags_still_filter(org, as_user):
    client = as_user(org.admin)
    for value in ("true", "false", "True"):
        assert client.get("/api/v1/employees/", {"is_leader": value}).status_code == 200
    leaders = client.get("/api/v1/employees/", {"is_leader": "true", "page_size": 500}).data["results"]
    everyone = client.get("/api/v1/employees/", {"page_size": 500}).data["results"]
    assert 0 < len(leaders) < len(everyone)


@pytest.mark.parametrize(
    ("param", "value"),
    [("page_size", "abc"), ("page_size", "0"), ("page_size", "-3"), ("page", ""), ("page", "x"), ("page", "0")],
)
def test_paging_parameters_are_whole_numbers(org, as_user, param, value):
    response = as_user(org.admin).get("/api/v1/employees/", {param: value})
    refused(response, "invalid", field=param, status=400)


def test_a_page_size_above_the_cap_is_cut(org, as_user):
    response = as_user(org.admin).get("/api/v1/employees/", {"page_size": 100000, "page": 1})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/evaluations/?period_kind=",
        "/api/v1/evaluation-cycles/?period_kind=",
        "/api/v1/training/classes/?starts_before=",
        "/api/v1/accounts/?role=",
        "/api/v1/positions/?is_leadership=",
        "/api/v1/evaluations/statistics/?year=2026&period_kind=",
        "/api/v1/exports/rating-distribution/?year=2026&period_kind=",
        "/api/v1/exports/discipline-summary/?format=",
    ],
)
def test_an_empty_query_value_is_refused_unless_free_text(org, as_user, url):
    response = as_user(org.admin).get(url)
    assert response.status_code == 400, (url, response.status_code)
    assert response.data["code"] in ("invalid", "unknown_format")


def test_free_text_may_be_empty(org, as_user):
    assert as_user(org.admin).get("/api/v1/employees/", {"search": ""}).status_code == 200
