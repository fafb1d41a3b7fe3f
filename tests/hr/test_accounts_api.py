"""Accounts: no self-registration, role grants by officers and admins, history of role changes."""

import pytest

from hr.models import Role, User
from tests.factories import EmployeeFactory
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db

LIST = "/api/v1/accounts/"
STRONG = "Sonla@2026-CCHC"


def detail(user, suffix=""):
    return f"/api/v1/accounts/{user.pk}/{suffix}"


class TestAccountReads:
    def test_admin_lists_every_account(self, as_user, org):
        response = as_user(org.admin).get(LIST)
        assert response.status_code == 200
        assert response.json()["count"] == User.objects.count()

    def test_officer_lists_accounts_of_own_agency(self, as_user, org):
        names = {r["username"] for r in as_user(org.a.officer).get(LIST).json()["results"]}
        assert names == {"officer_snv", "manager_snv", "staff_snv"}

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_managers_and_staff_get_403(self, as_user, org, role):
        assert as_user(getattr(org.a, role)).get(LIST).status_code == 403

    def test_officer_cannot_see_other_agency_account(self, as_user, org):
        assert as_user(org.a.officer).get(detail(org.b.staff)).status_code == 404


class TestAccountCreate:
    def test_officer_creates_a_staff_login_for_an_employee_in_scope(self, as_user, org):
        person = EmployeeFactory(unit=org.a.room, email="huong@sonla.gov.vn")
        payload = {"username": "huong.lt", "password": STRONG, "role": "STAFF", "employee": person.pk}
        response = as_user(org.a.officer).post(LIST, payload, format="json")
        assert response.status_code == 201, response.json()
        user = User.objects.get(username="huong.lt")
        assert user.employee == person and user.email == "huong@sonla.gov.vn" and user.check_password(STRONG)
        assert "password" not in response.json()

    def test_officer_cannot_grant_officer_or_admin(self, as_user, org):
        person = EmployeeFactory(unit=org.a.room)
        for role in ("PERSONNEL_OFFICER", "PROVINCE_ADMIN"):
            payload = {
                "username": f"x{role}",
                "password": STRONG,
                "role": role,
                "employee": person.pk,
                "scope_unit": org.a.unit.pk,
            }
            with unchanged(User.objects.all()):
                response = as_user(org.a.officer).post(LIST, payload, format="json")
            refused(response, "role_not_grantable")

    def test_admin_appoints_an_officer(self, as_user, org):
        person = EmployeeFactory(unit=org.b.unit)
        payload = {
            "username": "tccb.xmb",
            "password": STRONG,
            "role": "PERSONNEL_OFFICER",
            "employee": person.pk,
            "scope_unit": org.b.unit.pk,
        }
        assert as_user(org.admin).post(LIST, payload, format="json").status_code == 201

    @pytest.mark.parametrize(
        ("change", "field", "code"),
        [
            ({"password": "123"}, "password", "invalid"),  # several validators refuse it: the body's code is generic
            ({"role": "MANAGER"}, "scope_unit", "scope_unit_required"),
            ({"employee": None}, "employee", "employee_required"),
            ({"username": "staff_snv"}, "username", "unique"),
            ({"role": "KING"}, "role", "invalid_choice"),
        ],
    )
    def test_bad_input_is_400(self, as_user, org, change, field, code):
        person = EmployeeFactory(unit=org.a.room)
        payload = {"username": "new.user", "password": STRONG, "role": "STAFF", "employee": person.pk, **change}
        with unchanged(User.objects.all()):
            response = as_user(org.a.officer).post(LIST, payload, format="json")
        refused(response, code, field=field, status=400)

    def test_officer_cannot_create_login_for_other_agency(self, as_user, org):
        person = EmployeeFactory(unit=org.b.room)
        payload = {"username": "b.person", "password": STRONG, "role": "STAFF", "employee": person.pk}
        response = as_user(org.a.officer).post(LIST, payload, format="json")
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert response.json()["employee"] == ["Người này không thuộc phạm vi quản lý của bạn."]
        assert not User.objects.filter(username="b.person").exists()

    def test_one_login_per_employee(self, as_user, org):
        payload = {"username": "second", "password": STRONG, "role": "STAFF", "employee": org.a.staff.employee_id}
        response = as_user(org.a.officer).post(LIST, payload, format="json")
        assert response.status_code == 400
        assert "employee" in response.json()


class TestAccountUpdate:
    def test_promotion_to_manager_is_kept_in_history(self, as_user, org):
        client = as_user(org.a.officer)
        response = client.patch(detail(org.a.staff), {"role": "MANAGER", "scope_unit": org.a.room.pk}, format="json")
        assert response.status_code == 200, response.json()
        rows = client.get(detail(org.a.staff, "history/")).json()["results"]
        assert rows[0]["history_user"] == "officer_snv"
        assert {"field": "role", "old": "STAFF", "new": "MANAGER"} in rows[0]["changes"]

    def test_deactivating_instead_of_deleting(self, as_user, org):
        assert as_user(org.a.officer).patch(detail(org.a.staff), {"is_active": False}, format="json").status_code == 200
        assert as_user(org.a.officer).delete(detail(org.a.staff)).status_code == 405
        assert User.objects.filter(pk=org.a.staff.pk, is_active=False).exists()

    def test_officer_cannot_change_another_officer_or_themselves(self, as_user, org):
        colleague = EmployeeFactory(unit=org.a.unit)
        other_officer = User.objects.create(
            username="o2", role=Role.PERSONNEL_OFFICER, employee=colleague, scope_unit=org.a.unit
        )
        client = as_user(org.a.officer)
        with unchanged(User.objects.all()):
            refused(client.patch(detail(other_officer), {"is_active": False}, format="json"), "role_not_grantable")
            refused(client.patch(detail(org.a.officer), {"is_active": False}, format="json"), "own_record")


class TestAuthEndpoints:
    def test_login_refresh_and_me(self, api, org):
        tokens = api.post(
            "/api/v1/auth/jwt/create/", {"username": "staff_snv", "password": "Matkhau@2026"}, format="json"
        )
        assert tokens.status_code == 200
        api.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens.json()['access']}")
        me = api.get("/api/v1/auth/users/me/").json()
        assert (me["username"], me["role"], me["employee"]) == ("staff_snv", "STAFF", org.a.staff.employee_id)
        refreshed = api.post("/api/v1/auth/jwt/refresh/", {"refresh": tokens.json()["refresh"]}, format="json")
        assert refreshed.status_code == 200 and refreshed.json()["access"]

    def test_wrong_password_is_401(self, api, org):
        response = api.post("/api/v1/auth/jwt/create/", {"username": "staff_snv", "password": "x"}, format="json")
        assert response.status_code == 401

    def test_no_public_registration(self, api, org):
        payload = {"username": "x", "password": STRONG}
        assert api.post("/api/v1/auth/users/", payload, format="json").status_code == 404

    def test_me_cannot_change_own_role(self, as_user, org):
        response = as_user(org.a.staff).patch("/api/v1/auth/users/me/", {"role": "PROVINCE_ADMIN"}, format="json")
        assert response.status_code == 405
        org.a.staff.refresh_from_db()
        assert org.a.staff.role == Role.STAFF

    def test_password_change_validates_the_new_password(self, as_user, org):
        client = as_user(org.a.staff)
        weak = {"current_password": "Matkhau@2026", "new_password": "123"}
        assert client.post("/api/v1/auth/users/set_password/", weak, format="json").status_code == 400
        good = {"current_password": "Matkhau@2026", "new_password": STRONG}
        assert client.post("/api/v1/auth/users/set_password/", good, format="json").status_code == 204
        org.a.staff.refresh_from_db()
        assert org.a.staff.check_password(STRONG)

    def test_password_reset_sends_a_mail(self, api, org, mailoutbox):
        response = api.post("/api/v1/auth/users/reset_password/", {"email": "staff_snv@example.vn"}, format="json")
        assert response.status_code == 204
        assert len(mailoutbox) == 1 and "/password/reset/" in mailoutbox[0].body

    def test_token_endpoint_is_throttled(self, api, org, monkeypatch):
        from django.core.cache import cache

        from backend.api.auth import AuthRateThrottle

        cache.clear()
        monkeypatch.setattr(AuthRateThrottle, "THROTTLE_RATES", {"auth": "3/minute"})
        codes = [
            api.post("/api/v1/auth/jwt/create/", {"username": "a", "password": "b"}, format="json").status_code
            for _ in range(4)
        ]
        assert codes == [401, 401, 401, 429]
        cache.clear()

    def test_password_reset_is_throttled(self, api, org, monkeypatch):
        from django.core.cache import cache

        from backend.api.auth import AuthRateThrottle

        cache.clear()
        monkeypatch.setattr(AuthRateThrottle, "THROTTLE_RATES", {"auth": "2/minute"})
        codes = [
            api.post("/api/v1/auth/users/reset_password/", {"email": "x@example.vn"}, format="json").status_code
            for _ in range(3)
        ]
        assert codes == [204, 204, 429]
        cache.clear()
