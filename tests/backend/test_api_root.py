"""/api/v1/ is one root listing every collection of every app, readable without signing in."""

import pytest
from django.urls import resolve

pytestmark = pytest.mark.django_db

EXPECTED = [
    # hr
    "units",
    "employees",
    "accounts",
    "salary-scales",
    "ranks",
    "positions",
    "base-salaries",
    "discipline-records",
    "commendations",
    "initiatives",
    # training
    "training/content-areas",
    "training/tags",
    "training/programmes",
    "training/classes",
    "training/enrolments",
    "training/certificates",
    "training/compliance",
    "me/training",
    # evaluations
    "evaluation-cycles",
    "evaluations",
    "me/evaluations",
    "unit-ratings",
    "evaluation-rule-sets",
    "unit-rules-choices",
    "me/tasks",
    # reform
    "reform-appraisals",
    "reform-index-sets",
    # exchange
    "imports/employees",
    "exports/employees",
    # auth
    "auth/jwt/create",
]


def test_anonymous_reads_the_root_with_every_app(api):
    response = api.get("/api/v1/")
    assert response.status_code == 200
    resources = response.json()
    missing = [name for name in EXPECTED if name not in resources]
    assert not missing, missing
    assert resources["training/classes"] == "http://testserver/api/v1/training/classes/"


def test_every_listed_url_is_a_route_without_parameters(api):
    for name, url in api.get("/api/v1/").json().items():
        path = url.removeprefix("http://testserver")
        match = resolve(path)
        assert not match.kwargs, (name, match.kwargs)
        assert path == f"/api/v1/{name}/"


def test_signed_in_callers_get_the_same_root(org, api, as_user):
    anonymous = api.get("/api/v1/").json()
    assert as_user(org.a.staff).get("/api/v1/").json() == anonymous


def test_the_root_is_not_an_operation_of_the_schema(api):
    schema = api.get("/api/schema/?format=json").json()
    assert "/api/v1/" not in schema["paths"]
