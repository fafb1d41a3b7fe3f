"""Sign-in and own-account views: JWT tokens, logout and password changes, throttled per client.

Sign-in is also limited per account by django-axes (AXES_FAILURE_LIMIT failures lock it), and a
password change or reset blacklists every refresh token the account holds.
"""

import threading

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db import connections, transaction
from django.utils import translation
from django.utils.timezone import now
from djoser.compat import get_user_email
from djoser.conf import settings as djoser_settings
from djoser.views import UserViewSet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.views import (
    TokenBlacklistView,
    TokenObtainPairView,
    TokenRefreshView,
    TokenVerifyView,
)

from backend.api.lockout import AccountLocked
from backend.api.tokens import user_tokens_revoke

# The project's user model, named through Django so `backend` stays below the apps that define it.
User = get_user_model()


class AuthRateThrottle(AnonRateThrottle):
    """Counts sign-in and password-reset requests per client address, signed in or not."""

    scope = "auth"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class RefreshRateThrottle(AuthRateThrottle):
    """Token refresh, verify and logout: no password is tried, so a looser rate than sign-in."""

    scope = "auth_refresh"


class ThrottledTokenObtainPairView(TokenObtainPairView):
    throttle_classes = [AuthRateThrottle]

    @extend_schema(
        responses={
            200: inline_serializer(
                "TokenPair",
                {"access": serializers.CharField(), "refresh": serializers.CharField()},
            ),
            429: OpenApiResponse(description="Too many requests, or the account is locked"),
        }
    )
    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as exc:
            raise InvalidToken(exc.args[0]) from exc
        except AuthenticationFailed as exc:
            # django-axes flags the request when the account is (or has just become) locked.
            refusal = AccountLocked() if getattr(request, "axes_locked_out", False) else exc
            response = self.handle_exception(refusal)
        else:
            # A token sign-in is a sign-in: django-axes clears the account's failures (and Django
            # records last_login) on this signal, which simplejwt itself does not send.
            user_logged_in.send(sender=type(serializer.user), request=request, user=serializer.user)
            return Response(serializer.validated_data, status=status.HTTP_200_OK)
        # DRF rolls the request's transaction back on every error answer, which would erase the
        # failed attempt django-axes just recorded; a refused password wrote nothing else.
        transaction.set_rollback(False)
        return response


class ThrottledTokenRefreshView(TokenRefreshView):
    throttle_classes = [RefreshRateThrottle]


class ThrottledTokenVerifyView(TokenVerifyView):
    throttle_classes = [RefreshRateThrottle]


class LogoutView(TokenBlacklistView):
    """Sign out: the refresh token given is blacklisted and can no longer be refreshed."""

    throttle_classes = [RefreshRateThrottle]

    @extend_schema(responses={200: inline_serializer("LoggedOut", fields={})})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


def _send_password_reset(request, user: User | None, language: str) -> None:
    try:
        if user is not None:
            # A thread of its own starts in the default language, not the request's.
            with translation.override(language):
                djoser_settings.EMAIL.password_reset(request, {"user": user}).send([get_user_email(user)])
    finally:
        if settings.ACCOUNT_MAIL_IN_BACKGROUND:
            connections.close_all()  # this thread's own connections, if the mail needed any


def _after_response(job, *args) -> None:
    """Run `job` in a thread of its own once the request's transaction commits (the answer does not
    wait for it); with ACCOUNT_MAIL_IN_BACKGROUND off (the test settings) run it at once."""
    if settings.ACCOUNT_MAIL_IN_BACKGROUND:
        transaction.on_commit(lambda: threading.Thread(target=job, args=args, daemon=True).start())
    else:
        job(*args)


_NO_CONTENT = extend_schema(responses={204: OpenApiResponse(description="Done")})


@extend_schema_view(set_password=_NO_CONTENT, reset_password=_NO_CONTENT, reset_password_confirm=_NO_CONTENT)
class OwnAccountViewSet(UserViewSet):
    """djoser's own-account actions (me, password change and reset); resets are throttled like sign-in."""

    def get_throttles(self):
        if self.action in ("reset_password", "reset_password_confirm"):
            return [AuthRateThrottle()]
        return super().get_throttles()

    @action(["post"], detail=False)
    def set_password(self, request, *args, **kwargs):
        response = super().set_password(request, *args, **kwargs)
        user_tokens_revoke(user=request.user)
        return response

    @action(["post"], detail=False)
    def reset_password(self, request, *args, **kwargs):
        """The same work and the same answer for a known and an unknown address; the mail leaves later."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email = serializer.validated_data[serializer.email_field]
        # One query on both paths; `filter` rather than `get`, as two accounts may share an address.
        user = User.objects.filter(is_active=True, email=email).order_by("pk").first()
        if user is not None and not user.has_usable_password():
            user = None
        _after_response(_send_password_reset, request, user, translation.get_language())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(["post"], detail=False)
    def reset_password_confirm(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.user
        user.set_password(serializer.data["new_password"])
        user.last_login = now()
        user.save()
        user_tokens_revoke(user=user)
        if djoser_settings.PASSWORD_CHANGED_EMAIL_CONFIRMATION:
            djoser_settings.EMAIL.password_changed_confirmation(request, {"user": user}).send([get_user_email(user)])
        return Response(status=status.HTTP_204_NO_CONTENT)
