"""The JWT authentication loads the caller's scope with the user: one query, simplejwt's refusals unchanged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from hr.authentication import ScopedJWTAuthentication
from hr.models import User


def _bearer(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.mark.django_db
def test_the_user_comes_with_the_scope_unit_and_the_own_unit_in_one_query(org, django_assert_num_queries):
    officer = org.a.officer
    with django_assert_num_queries(1):
        user = ScopedJWTAuthentication().get_user(AccessToken.for_user(officer))
        assert (user.pk, user.scope_unit, user.employee.unit) == (officer.pk, org.a.unit, officer.employee.unit)


@pytest.mark.django_db
def test_an_officer_lists_with_no_more_queries_than_the_admin(org):
    url = reverse("employee-list")
    params = {"unit": org.a.unit.pk, "status": "ACTIVE"}
    admin, officer = _bearer(org.admin), _bearer(org.a.officer)
    admin.get(url, params)
    officer.get(url, params)
    with CaptureQueriesContext(connection) as by_admin:
        assert admin.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as by_officer:
        response = officer.get(url, params)
    assert response.status_code == 200 and response.data["count"] > 0
    assert len(by_officer) == len(by_admin)


@pytest.mark.django_db
def test_an_inactive_or_deleted_user_is_still_refused(org):
    token = AccessToken.for_user(org.a.officer)
    User.objects.filter(pk=org.a.officer.pk).update(is_active=False)
    with pytest.raises(AuthenticationFailed):
        ScopedJWTAuthentication().get_user(token)
    orphan = AccessToken.for_user(org.a.staff)
    orphan["user_id"] = 987654
    with pytest.raises(AuthenticationFailed):
        ScopedJWTAuthentication().get_user(orphan)
    assert _bearer(org.a.officer).get(reverse("employee-list")).status_code == 401
