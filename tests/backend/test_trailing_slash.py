"""Under /api/, a path without its trailing slash is answered as the path with it: no 301 that drops a body."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(db):
    user = UserFactory(username="lo.van.a")
    user.set_password("Mat-khau-2026!")
    user.save()
    return user


@pytest.mark.parametrize("debug", [False, True])
def test_sign_in_without_the_slash_keeps_the_body(api, account, settings, debug):
    settings.DEBUG = debug
    response = api.post(
        "/api/v1/auth/jwt/create", {"username": "lo.van.a", "password": "Mat-khau-2026!"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert "access" in response.json()


def test_router_routes_without_the_slash(org, as_user):
    client = as_user(org.admin)
    listed = client.get("/api/v1/units")
    assert listed.status_code == 200
    assert listed.json() == client.get("/api/v1/units/").json()
    detail = client.get(f"/api/v1/units/{org.a.unit.pk}")
    assert detail.status_code == 200 and detail.json()["id"] == org.a.unit.pk
    created = client.post(
        "/api/v1/units",
        {
            "code": "SNV-P9",
            "name": "Phòng thử nghiệm",
            "kind": "PHONG",
            "level": "TINH",
            "parent": org.a.unit.pk,
            "valid_from": "2026-01-01",
        },
        format="json",
    )
    assert created.status_code == 201, created.content


def test_an_unknown_api_path_is_still_a_json_404(api):
    response = api.post("/api/v1/no-such-thing", {}, format="json")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_pages_outside_the_api_keep_djangos_redirect(client):
    response = client.get("/login")
    assert response.status_code == 301
    assert response["Location"] == "/login/"
