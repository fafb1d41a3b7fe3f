"""Django admin for training: rule and reference data edited by province administrators; records read-only.

Classes, enrolments, results and certificates change only through the API services,
which hold the lifecycle, capacity and restriction rules, so the admin only shows them.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hr.access import employee_scope_q, is_personnel_writer
from training.models import Certificate, ContentArea, Enrolment, PeriodMinimum, Programme, TopicTag, TrainingClass


class ProvinceAdminEdits:
    """Reference and rule data: administrators edit, personnel writers look; nothing is deleted."""

    def has_module_permission(self, request):
        return request.user.is_active and is_personnel_writer(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_province_admin

    def has_change_permission(self, request, obj=None):
        return self.has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnly(ProvinceAdminEdits):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ContentArea)
class ContentAreaAdmin(ProvinceAdminEdits, admin.ModelAdmin):
    list_display = ["code", "name", "order"]


@admin.register(TopicTag)
class TopicTagAdmin(ProvinceAdminEdits, admin.ModelAdmin):
    list_display = ["code", "name", "is_reform"]
    list_filter = ["is_reform"]


@admin.register(PeriodMinimum)
class PeriodMinimumAdmin(ProvinceAdminEdits, admin.ModelAdmin):
    list_display = ["category", "min_periods", "valid_from", "legal_basis"]


@admin.register(Programme)
class ProgrammeAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["code", "name", "content_area", "programme_type", "periods", "is_active"]
    list_filter = ["content_area", "programme_type", "tags"]
    search_fields = ["code", "name"]


@admin.register(TrainingClass)
class TrainingClassAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["code", "programme", "organiser", "start_date", "end_date", "status", "capacity"]
    list_filter = ["status", "delivery"]
    list_select_related = ["programme", "organiser"]


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["employee", "training_class", "status", "result", "periods_credited"]
    list_filter = ["status", "result"]
    list_select_related = ["employee", "training_class"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(employee_scope_q(request.user, prefix="employee__"))


@admin.register(Certificate)
class CertificateAdmin(ReadOnly, SimpleHistoryAdmin):
    list_display = ["number", "enrolment", "issue_date", "verification_code"]
    list_select_related = ["enrolment__employee", "enrolment__training_class"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(employee_scope_q(request.user, prefix="enrolment__employee__"))
