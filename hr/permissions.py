"""DRF permission classes built on roles; object visibility is the queryset's job (404 first)."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from hr.access import is_personnel_writer


class PersonnelWriteOrReadOnly(BasePermission):
    """Anyone signed in reads what their queryset shows; only administrators and officers write.

    On detail routes the role is checked after the object is found, so an object
    outside the caller's scope answers 404 rather than 403.
    """

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or getattr(view, "detail", False):
            return True
        return is_personnel_writer(request.user)

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or is_personnel_writer(request.user)


class ProvinceAdminWriteOrReadOnly(BasePermission):
    """Reference data: read by everyone signed in, changed only by province administrators."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or request.user.is_province_admin


class IsPersonnelWriter(BasePermission):
    """Administrators and personnel officers only (account management, imports)."""

    def has_permission(self, request, view):
        return is_personnel_writer(request.user)
