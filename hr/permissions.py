"""DRF permission classes built on roles and the access module; visibility is the queryset's job (404 first).

Each class also requires a signed-in user, so a view that sets its own
`permission_classes` never drops the project-wide authentication default.
"""

from rest_framework.permissions import SAFE_METHODS, IsAuthenticated

from hr.access import is_personnel_writer


class PersonnelWriteOrReadOnly(IsAuthenticated):
    """Anyone signed in reads what their queryset shows; only administrators and officers write.

    On detail routes the role is checked after the object is found, so an object
    outside the caller's scope answers 404 rather than 403.
    """

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        if request.method in SAFE_METHODS or getattr(view, "detail", False):
            return True
        return is_personnel_writer(request.user)

    def has_object_permission(self, request, view, obj):
        """Writes to one object ask the access module through the view's `write_access` (403 with its code)."""
        if request.method in SAFE_METHODS:
            return True
        if not is_personnel_writer(request.user):
            return False
        write_access = getattr(view, "write_access", None)
        if write_access is not None:
            write_access(request.user, obj)
        return True


class ProvinceAdminWriteOrReadOnly(IsAuthenticated):
    """Reference data: read by everyone signed in, changed only by province administrators."""

    def has_permission(self, request, view):
        return super().has_permission(request, view) and (
            request.method in SAFE_METHODS or request.user.is_province_admin
        )


class IsPersonnelWriter(IsAuthenticated):
    """Administrators and personnel officers only (account management, imports)."""

    def has_permission(self, request, view):
        return super().has_permission(request, view) and is_personnel_writer(request.user)
