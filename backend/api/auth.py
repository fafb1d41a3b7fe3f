"""Sign-in and own-account views: JWT tokens and password changes, throttled per client."""

from djoser.views import UserViewSet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.throttling import AnonRateThrottle
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView, TokenVerifyView


class AuthRateThrottle(AnonRateThrottle):
    """Counts token requests per client address, signed in or not."""

    scope = "auth"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ThrottledTokenObtainPairView(TokenObtainPairView):
    throttle_classes = [AuthRateThrottle]


class ThrottledTokenRefreshView(TokenRefreshView):
    throttle_classes = [AuthRateThrottle]


class ThrottledTokenVerifyView(TokenVerifyView):
    throttle_classes = [AuthRateThrottle]


_NO_CONTENT = extend_schema(responses={204: OpenApiResponse(description="Done")})


@extend_schema_view(set_password=_NO_CONTENT, reset_password=_NO_CONTENT, reset_password_confirm=_NO_CONTENT)
class OwnAccountViewSet(UserViewSet):
    """djoser's own-account actions (me, password change and reset); resets are throttled like sign-in."""

    def get_throttles(self):
        if self.action in ("reset_password", "reset_password_confirm"):
            return [AuthRateThrottle()]
        return super().get_throttles()
