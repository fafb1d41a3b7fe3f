"""Only sign-in, password reset and the public certificate check answer without a session; the API and admin stay."""

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from portal.urls import urlpatterns

pytestmark = pytest.mark.django_db

# Sign-in and reset; sign-out and the language switch only end a session or set a cookie.
PUBLIC = {
    "login",
    "logout",
    "set-language",
    "password-reset",
    "password-reset-sent",
    "password-reset-done",
    "password-reset-confirm",
}


def _url(pattern: URLPattern) -> str:
    kwargs = {
        name: (1 if conv.__class__.__name__ == "IntConverter" else "x")
        for name, conv in pattern.pattern.converters.items()
    }
    return reverse(f"portal:{pattern.name}", kwargs=kwargs)


SIGNED_IN_ONLY = [p for p in urlpatterns if p.name not in PUBLIC]


@pytest.mark.parametrize("pattern", SIGNED_IN_ONLY, ids=lambda p: p.name)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_sign_in(pattern, method):
    url = _url(pattern)
    response = getattr(Client(), method)(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(reverse("portal:login") + "?next=")


@pytest.mark.parametrize("name", ["login", "password-reset", "password-reset-sent", "password-reset-done"])
def test_public_pages_answer_anonymous_callers(name):
    assert Client().get(reverse(f"portal:{name}")).status_code == 200


def test_a_forged_reset_link_says_it_is_not_valid():
    response = Client().get(reverse("portal:password-reset-confirm", args=["MQ", "set-password"]))
    assert response.status_code == 200
    assert "không còn hiệu lực" in response.content.decode()


def test_the_root_is_the_portal_and_the_api_and_admin_keep_their_prefixes():
    client = Client()
    assert client.get("/")["Location"].startswith("/login/")
    assert client.get("/api/v1/employees/").status_code == 401
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_public_certificate_check_needs_no_session(org):
    import datetime

    from tests.training.factories import trained

    enrolment = trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 3, 7), certify=True)
    response = Client().get(f"/api/v1/training/verify/{enrolment.certificate.verification_code}/")
    assert response.status_code == 200
