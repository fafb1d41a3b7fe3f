"""Django admin for training: catalogue, rules and records, read-only and scoped.

Classes, enrolments, results, certificates and teaching records change only through the API services, which hold
the lifecycle, capacity and restriction rules; reference and rule rows are loaded by migrations.
So every page here only shows, within the reader's scope (`hr.admin.ScopedAdmin`).
"""

from django.contrib import admin

from hr.access import employee_scope_q
from hr.admin import RuleAdmin, ScopedAdmin
from training.access import class_manage_q
from training.models import (
    Certificate,
    ContentArea,
    CreditRule,
    Enrolment,
    PeriodMinimum,
    Programme,
    TeachingAssignment,
    TopicTag,
    TrainingClass,
)


@admin.register(ContentArea)
class ContentAreaAdmin(ScopedAdmin):
    list_display = ["code", "name", "order"]


@admin.register(TopicTag)
class TopicTagAdmin(ScopedAdmin):
    list_display = ["code", "name", "is_reform"]
    list_filter = ["is_reform"]


@admin.register(PeriodMinimum)
class PeriodMinimumAdmin(RuleAdmin):
    """Yearly minimum periods by category: a new row ends the one in force (past years keep theirs)."""

    list_display = ["category", "holder", "min_periods", "valid_from", "valid_to", "legal_basis"]


@admin.register(Programme)
class ProgrammeAdmin(ScopedAdmin):
    list_display = ["code", "name", "content_area", "programme_type", "periods", "is_active"]
    list_filter = ["content_area", "programme_type", "tags"]
    search_fields = ["code", "name"]


@admin.register(TrainingClass)
class TrainingClassAdmin(ScopedAdmin):
    list_display = ["code", "programme", "organiser", "start_date", "end_date", "status", "capacity"]
    list_filter = ["status", "delivery"]
    list_select_related = ["programme", "organiser"]

    def scope_q(self, user):
        return class_manage_q(user)


@admin.register(Enrolment)
class EnrolmentAdmin(ScopedAdmin):
    list_display = ["employee", "training_class", "status", "result", "periods_credited"]
    list_filter = ["status", "result"]
    list_select_related = ["employee", "training_class"]

    def scope_q(self, user):
        return employee_scope_q(user, prefix="employee__")


@admin.register(Certificate)
class CertificateAdmin(ScopedAdmin):
    list_display = ["number", "enrolment", "issue_date", "verification_code"]
    list_select_related = ["enrolment__employee", "enrolment__training_class"]

    def scope_q(self, user):
        return employee_scope_q(user, prefix="enrolment__employee__")


@admin.register(TeachingAssignment)
class TeachingAssignmentAdmin(ScopedAdmin):
    """Teaching records, read here; recorded and cancelled through the API by whoever runs the class."""

    list_display = ["employee", "training_class", "periods", "status"]
    list_filter = ["status"]
    list_select_related = ["employee", "training_class"]

    def scope_q(self, user):
        return employee_scope_q(user, prefix="employee__") | class_manage_q(user, prefix="training_class__")


@admin.register(CreditRule)
class CreditRuleAdmin(ScopedAdmin):
    """What counts toward the yearly minimum: past years are judged by their rows, so rows are never edited."""

    list_display = ["source", "category", "holder", "counts", "valid_from", "legal_basis"]
