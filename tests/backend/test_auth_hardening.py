"""Sign-in that cannot be guessed (per-account lockout, trusted proxies, separate rates), tokens that die
(password change or reset, deactivation, logout), and a password reset that answers alike for everyone."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from djoser.utils import encode_uid
from rest_framework.test import APIClient

from backend.api import auth
from backend.api.auth import AuthRateThrottle
from hr.services.accounts import account_update

pytestmark = pytest.mark.django_db
CREATE = "/api/v1/auth/jwt/create/"
REFRESH = "/api/v1/auth/jwt/refresh/"
VERIFY = "/api/v1/auth/jwt/verify/"
LOGOUT = "/api/v1/auth/jwt/logout/"
PASSWORD = "Matkhau@2026"
STRONG = "Rất-khó-đoán-2026!"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


def sign_in(client: APIClient, username: str, password: str = PASSWORD, **headers):
    return client.post(CREATE, {"username": username, "password": password}, format="json", **headers)


def tokens(client: APIClient, username: str) -> dict:
    response = sign_in(client, username)
    assert response.status_code == 200, response.data
    return response.json()


def refresh(client: APIClient, token: str):
    return client.post(REFRESH, {"refresh": token}, format="json")


class LockoutTests:
    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_an_account_locks_whatever_address_the_guesses_come_from(self, api, org):
        codes = [
            sign_in(api, "staff_snv", "sai", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}", REMOTE_ADDR=f"10.1.0.{n}").status_code
            for n in range(3)
        ]
        assert codes == [401, 401, 429]
        with translation.override("vi"):
            locked = sign_in(api, "staff_snv", HTTP_ACCEPT_LANGUAGE="vi")
        assert locked.status_code == 429
        body = locked.json()
        assert body["code"] == "account_locked"
        assert "khóa" in body["detail"]
        # Failed sign-ins are on record; another account is not affected.
        assert AccessAttempt.objects.filter(username="staff_snv").exists()
        # ... with the connection's address, not the forged X-Forwarded-For; the refused right password too.
        logged = AccessFailureLog.objects.filter(username="staff_snv").order_by("attempt_time")
        assert [entry.ip_address for entry in logged] == ["10.1.0.0", "10.1.0.1", "10.1.0.2", "127.0.0.1"]
        assert [entry.locked_out for entry in logged] == [False, False, True, True]
        assert sign_in(api, "staff_xmb").status_code == 200

    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_a_success_before_the_limit_starts_the_count_again(self, api, org):
        assert [sign_in(api, "staff_snv", "sai").status_code for _ in range(2)] == [401, 401]
        assert sign_in(api, "staff_snv").status_code == 200
        assert [sign_in(api, "staff_snv", "sai").status_code for _ in range(2)] == [401, 401]
        assert sign_in(api, "staff_snv").status_code == 200


class ThrottleTests:
    def test_x_forwarded_for_is_not_trusted_by_default(self, api, org, monkeypatch):
        monkeypatch.setattr(AuthRateThrottle, "THROTTLE_RATES", {"auth": "3/minute"})
        codes = [
            api.post(CREATE, {"username": f"x{n}", "password": "b"}, format="json", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}")
            for n in range(4)
        ]
        assert [response.status_code for response in codes] == [401, 401, 401, 429]
        # Not even the right password with a new header gets through.
        assert sign_in(api, "staff_snv", HTTP_X_FORWARDED_FOR="9.9.9.9").status_code == 429

    def test_behind_one_trusted_proxy_the_last_forwarded_address_counts(self, api, org, monkeypatch, settings):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
        monkeypatch.setattr(AuthRateThrottle, "THROTTLE_RATES", {"auth": "2/minute"})
        office = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
        home = {"HTTP_X_FORWARDED_FOR": "198.51.100.1"}
        assert [sign_in(api, f"x{n}", "b", **office).status_code for n in range(3)] == [401, 401, 429]
        assert sign_in(api, "staff_snv", **home).status_code == 200
        # A client cannot prepend its own entry: the proxy's (last) entry is the one read.
        assert sign_in(api, "staff_snv", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7").status_code == 429

    def test_refresh_and_verify_have_their_own_looser_rate(self, api, org, monkeypatch):
        monkeypatch.setattr(AuthRateThrottle, "THROTTLE_RATES", {"auth": "2/minute", "auth_refresh": "5/minute"})
        pair = tokens(api, "staff_snv")
        assert sign_in(api, "staff_snv").status_code == 200
        assert sign_in(api, "staff_snv").status_code == 429
        assert [refresh(api, pair["refresh"]).status_code for _ in range(3)] == [200, 200, 200]
        assert api.post(VERIFY, {"token": pair["access"]}, format="json").status_code == 200
        assert api.post(VERIFY, {"token": pair["access"]}, format="json").status_code == 200
        assert refresh(api, pair["refresh"]).status_code == 429


class TokenRevocationTests:
    def test_password_change_kills_earlier_refresh_tokens(self, api, org):
        earlier = tokens(APIClient(), "staff_snv")
        current = tokens(api, "staff_snv")
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {current['access']}")
        change = {"current_password": PASSWORD, "new_password": STRONG}
        assert api.post("/api/v1/auth/users/set_password/", change, format="json").status_code == 204
        assert refresh(api, earlier["refresh"]).status_code == 401
        assert refresh(api, current["refresh"]).status_code == 401
        assert sign_in(APIClient(), "staff_snv", STRONG).status_code == 200

    def test_password_reset_confirm_kills_refresh_tokens(self, api, org):
        from django.contrib.auth.tokens import default_token_generator

        earlier = tokens(api, "staff_snv")
        user = org.a.staff
        user.refresh_from_db()  # the sign-in set last_login, which the reset token covers
        body = {"uid": encode_uid(user.pk), "token": default_token_generator.make_token(user), "new_password": STRONG}
        assert api.post("/api/v1/auth/users/reset_password_confirm/", body, format="json").status_code == 204
        assert refresh(api, earlier["refresh"]).status_code == 401

    def test_deactivation_kills_refresh_tokens(self, api, org):
        earlier = tokens(api, "staff_snv")
        account_update(user=org.a.staff, actor=org.admin, is_active=False)
        assert refresh(api, earlier["refresh"]).status_code == 401

    def test_a_change_that_keeps_the_account_active_keeps_its_tokens(self, api, org):
        earlier = tokens(api, "staff_snv")
        account_update(user=org.a.staff, actor=org.admin, role="STAFF")
        assert refresh(api, earlier["refresh"]).status_code == 200

    def test_logout_blacklists_the_refresh_token(self, api, org):
        pair = tokens(api, "staff_snv")
        other = tokens(api, "staff_snv")
        response = api.post(LOGOUT, {"refresh": pair["refresh"]}, format="json")
        assert response.status_code == 200
        assert refresh(api, pair["refresh"]).status_code == 401
        assert refresh(api, other["refresh"]).status_code == 200
        assert api.post(LOGOUT, {"refresh": "not-a-token"}, format="json").status_code == 401


class PasswordResetTests:
    RESET = "/api/v1/auth/users/reset_password/"

    def test_known_and_unknown_addresses_get_the_same_answer(self, api, org):
        known = api.post(self.RESET, {"email": "staff_snv@example.vn"}, format="json")
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["staff_snv@example.vn"]
        unknown = api.post(self.RESET, {"email": "nobody@example.vn"}, format="json")
        assert len(mail.outbox) == 1
        assert (known.status_code, known.content) == (unknown.status_code, unknown.content) == (204, b"")

    @override_settings(ACCOUNT_MAIL_IN_BACKGROUND=True)
    def test_the_mail_leaves_after_the_response_in_a_thread(
        self, api, org, monkeypatch, django_capture_on_commit_callbacks
    ):
        started = []

        class InlineThread:
            def __init__(self, *, target, args, daemon):
                started.append(daemon)
                self.target, self.args = target, args

            def start(self):
                self.target(*self.args)

        monkeypatch.setattr(auth.threading, "Thread", InlineThread)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            known = api.post(self.RESET, {"email": "staff_snv@example.vn"}, format="json")
            unknown = api.post(self.RESET, {"email": "nobody@example.vn"}, format="json")
            assert mail.outbox == []  # nothing is sent while the request runs
        # Both paths do the same work: one job each, started after the response.
        assert (len(callbacks), started) == (2, [True, True])
        assert [message.to for message in mail.outbox] == [["staff_snv@example.vn"]]
        assert known.status_code == unknown.status_code == 204

    def test_two_accounts_with_one_address_do_not_crash(self, api, org):
        org.b.staff.email = org.a.staff.email
        org.b.staff.save()
        assert api.post(self.RESET, {"email": org.a.staff.email}, format="json").status_code == 204
        assert len(mail.outbox) == 1
