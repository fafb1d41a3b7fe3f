"""JWT token views with a throttle, so password guessing is slowed down per client."""

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
