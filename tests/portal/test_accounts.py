"""Sign-in with a session and CSRF, locked and disabled accounts, password change and reset through the outbox."""

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "Mật-khẩu-2026!"


@pytest.fixture
def staff(org):
    user = org.a.staff
    user.set_password(PASSWORD)
    user.email = "chuyenvien.snv@sonla.gov.vn"
    user.save()
    return user


def _sign_in(client, username, password):
    return client.post(reverse("portal:login"), {"username": username, "password": password})


def test_sign_in_needs_the_csrf_token(staff):
    client = Client(enforce_csrf_checks=True)
    assert _sign_in(client, staff.username, PASSWORD).status_code == 403
    page = client.get(reverse("portal:login")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        reverse("portal:login"), {"username": staff.username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")


def test_sign_in_and_out(staff):
    client = Client()
    wrong = _sign_in(client, staff.username, "sai")
    assert wrong.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in wrong.content.decode()
    assert _sign_in(client, staff.username, PASSWORD).status_code == 302
    assert client.get(reverse("portal:home")).status_code == 200
    assert client.post(reverse("portal:logout")).status_code == 302
    assert client.get(reverse("portal:home")).status_code == 302


def test_a_disabled_account_is_told_so_only_with_the_right_password(staff):
    staff.is_active = False
    staff.save()
    page = _sign_in(Client(), staff.username, PASSWORD).content.decode()
    assert "Tài khoản này đang bị khóa" in page
    assert "Tài khoản này đang bị khóa" not in _sign_in(Client(), staff.username, "sai").content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_too_many_failures_lock_the_account_with_a_clear_message(staff):
    client = Client()
    for _ in range(2):
        _sign_in(client, staff.username, "sai")
    locked = _sign_in(client, staff.username, "sai")
    assert locked.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in locked.content.decode()
    still = _sign_in(client, staff.username, PASSWORD)
    assert still.status_code == 429 and "<form" in still.content.decode()


def test_password_change(staff):
    client = Client()
    _sign_in(client, staff.username, PASSWORD)
    response = client.post(
        reverse("portal:password-change"),
        {"old_password": PASSWORD, "new_password1": "Bầu-trời-xanh-77", "new_password2": "Bầu-trời-xanh-77"},
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("Bầu-trời-xanh-77")


def _reset_link(message) -> str:
    return re.search(r"http://testserver(/password/reset/[^/\s]+/[^/\s]+/)", message.body).group(1)


def test_password_reset_through_the_outbox_in_vietnamese(staff):
    client = Client()
    response = client.post(reverse("portal:password-reset"), {"email": staff.email}, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == reverse("portal:password-reset-sent")
    (message,) = mail.outbox
    assert message.to == [staff.email]
    assert message.subject == "Đặt lại mật khẩu Cổng thông tin cán bộ, công chức"
    assert "Tên đăng nhập của bạn: staff_snv" in message.body
    link = _reset_link(message)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "Đặt mật khẩu mới" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Núi-rừng-Tây-Bắc-9", "new_password2": "Núi-rừng-Tây-Bắc-9"}
    )
    assert done["Location"] == reverse("portal:password-reset-done")
    staff.refresh_from_db()
    assert staff.check_password("Núi-rừng-Tây-Bắc-9")
    again = client.get(link, follow=True).content.decode()
    assert "không còn hiệu lực" in again


def test_the_api_reset_sends_the_same_link_to_the_portal(staff, api):
    response = api.post("/api/v1/auth/users/reset_password/", {"email": staff.email}, format="json")
    assert response.status_code == 204
    (message,) = mail.outbox
    assert _reset_link(message).startswith("/password/reset/")
    assert Client().get(_reset_link(message), follow=True).status_code == 200


def test_an_unknown_address_gets_the_same_answer_and_no_mail(staff):
    response = Client().post(reverse("portal:password-reset"), {"email": "khong.co@sonla.gov.vn"})
    assert response["Location"] == reverse("portal:password-reset-sent")
    assert mail.outbox == []
