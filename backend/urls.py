"""Root URL configuration: versioned API, auth, schema and admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from backend.admin_site import admin_site_brand
from backend.api.auth import (
    LogoutView,
    OwnAccountViewSet,
    ThrottledTokenObtainPairView,
    ThrottledTokenRefreshView,
    ThrottledTokenVerifyView,
)
from backend.api.root import ApiRootView
from backend.health import HealthView

admin_site_brand(admin.site)

# Only the account endpoints we want from djoser: no self-registration, no user listing.
auth_urlpatterns = [
    path("jwt/create/", ThrottledTokenObtainPairView.as_view(), name="jwt-create"),
    path("jwt/refresh/", ThrottledTokenRefreshView.as_view(), name="jwt-refresh"),
    path("jwt/verify/", ThrottledTokenVerifyView.as_view(), name="jwt-verify"),
    path("jwt/logout/", LogoutView.as_view(), name="jwt-logout"),
    path("users/me/", OwnAccountViewSet.as_view({"get": "me"}), name="user-me"),
    path("users/set_password/", OwnAccountViewSet.as_view({"post": "set_password"}), name="user-set-password"),
    path("users/reset_password/", OwnAccountViewSet.as_view({"post": "reset_password"}), name="user-reset-password"),
    path(
        "users/reset_password_confirm/",
        OwnAccountViewSet.as_view({"post": "reset_password_confirm"}),
        name="user-reset-password-confirm",
    ),
]

api_v1 = [
    # First, before the apps' routers: one root listing every resource of every app.
    path("", ApiRootView.as_view(), name="api-root"),
    path("auth/", include(auth_urlpatterns)),
    path("", include("hr.urls")),
    path("", include("jobs.urls")),
    path("", include("notifications.urls")),
    path("", include("sync.urls")),
    path("", include("training.urls")),
    path("", include("evaluations.urls")),
    path("", include("dossier.urls")),
    path("", include("reform.urls")),
    path("", include("exchange.urls")),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema", template_name="api/redoc.html"), name="redoc"),
    path("health/", HealthView.as_view(), name="health"),
    path("admin/", admin.site.urls),
    path("", include("portal.urls")),
]

# URLs no view matches, and crashes, answer JSON like every other API error.
handler400 = "backend.api.fallbacks.bad_request"
handler403 = "backend.api.fallbacks.permission_denied"
handler404 = "backend.api.fallbacks.not_found"
handler500 = "backend.api.fallbacks.server_error"
