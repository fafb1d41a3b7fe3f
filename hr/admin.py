"""Django admin for personnel officers: units, reference data, employees, accounts, decisions.

Officers use it within their agency, administrators everywhere; managers and staff get nothing.
Every page reads through a queryset scoped by `hr.access`, so another agency's objects are
missing (not forbidden) on change, history and lookup pages. Every write goes through the same
service as the API, with `actor=request.user`; a model without a service is read-only here.
History is shown, never reverted, and nothing is deleted.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import Group
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException
from simple_history.admin import SimpleHistoryAdmin

from hr.access import account_scope_q, can_manage_unit, employee_scope_q, is_personnel_writer, unit_manage_q
from hr.models import (
    AnnualRating,
    Assignment,
    AwardRule,
    BaseSalary,
    Commendation,
    DisciplineFormRule,
    DisciplinePause,
    DisciplineRecord,
    DisciplineRestrictionRule,
    Employee,
    Initiative,
    OrgUnit,
    Position,
    Rank,
    RatingSource,
    SalaryRecord,
    SalaryScale,
    SalaryStep,
    UnitLevelRule,
    User,
)
from hr.selectors.commendations import commendation_scope_q
from hr.services.accounts import account_create, account_update
from hr.services.commendations import commendation_create, initiative_create
from hr.services.discipline import CORRECTABLE_FIELDS, discipline_record_update
from hr.services.employees import DECISION_FIELDS, employee_create, employee_update
from hr.services.ratings import annual_rating_record
from hr.services.rules import rule_add, rule_change
from hr.services.units import unit_create, unit_update

# What a service raises when it refuses: shown on the page, never a 500.
REFUSALS = (APIException, ValidationError)
HISTORY_NOT_REVERTED = _("Past versions are shown for reference; they cannot be restored here.")


def _label(model: type[models.Model], name: str) -> str:
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def refusal_messages(exc: Exception, model: type[models.Model]) -> list[str]:
    """The sentences of a service's refusal, each prefixed with the label of the input it names."""
    if isinstance(exc, ValidationError):
        by_field = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    elif isinstance(exc.detail, dict):
        by_field = {name: ms if isinstance(ms, list) else [ms] for name, ms in exc.detail.items()}
    else:
        by_field = {NON_FIELD_ERRORS: exc.detail if isinstance(exc.detail, list) else [exc.detail]}
    return [
        str(m) if name in (NON_FIELD_ERRORS, "non_field_errors") else f"{_label(model, name)}: {m}"
        for name, ms in by_field.items()
        for m in ms
    ]


class ScopedRawIdWidget(ForeignKeyRawIdWidget):
    """A raw-id input that names only an object of the field's scoped choices (no label for another id)."""

    queryset = None

    def label_and_url_for_value(self, value):
        key = self.rel.get_related_field().name
        if self.queryset is not None:
            try:
                if not self.queryset.filter(**{key: value}).exists():
                    return "", ""
            except (ValueError, ValidationError):
                return "", ""
        return super().label_and_url_for_value(value)


class ScopedAdmin(SimpleHistoryAdmin):
    """Base of every page: scoped reads, service writes, no revert, no delete.

    Subclasses set `scope_q` (rows the user may read), and to allow writes define `create`
    (returns the new object) and/or `update` (the stored object and the changed values), which call
    a service. Without them the model is read-only.
    """

    def scope_q(self, user: User) -> Q:
        return Q()

    def create(self, request, data: dict) -> models.Model:
        raise NotImplementedError

    def update(self, request, obj: models.Model, data: dict) -> models.Model:
        raise NotImplementedError

    def _writes(self, name: str) -> bool:
        return getattr(type(self), name) is not getattr(ScopedAdmin, name)

    # -- permissions -------------------------------------------------------------------------

    def has_module_permission(self, request):
        return request.user.is_active and is_personnel_writer(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return self._writes("create") and self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._writes("update") and self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # -- reads -------------------------------------------------------------------------------

    def get_queryset(self, request):
        return super().get_queryset(request).filter(self.scope_q(request.user))

    def get_field_queryset(self, db, db_field, request):
        # Choices (selects, raw ids, autocomplete) are what the related page shows the same user.
        related = self.admin_site._registry.get(db_field.remote_field.model)
        if related is None:
            return super().get_field_queryset(db, db_field, request)
        return related.get_queryset(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.raw_id_fields:
            kwargs["widget"] = ScopedRawIdWidget(db_field.remote_field, self.admin_site, using=kwargs.get("using"))
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, ScopedRawIdWidget):
            field.widget.queryset = field.queryset
        return field

    def _in_scope(self, request, object_id) -> bool:
        try:
            return self.get_queryset(request).filter(pk=unquote(object_id)).exists()
        except (ValueError, ValidationError):
            return False

    # -- history: listed and shown within scope, never reverted ------------------------------

    def revert_disabled(self, request, obj=None):
        return True

    def _tracked(self) -> bool:
        return hasattr(self.model._meta, "simple_history_manager_attribute")

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        # simple-history falls back to the last historical version when the queryset hides the object.
        if not self._in_scope(request, object_id):
            raise Http404
        if not self._tracked():
            return admin.ModelAdmin.history_view(self, request, object_id, extra_context)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        if not self._tracked() or not self._in_scope(request, object_id):
            raise Http404
        if request.method != "GET":
            # simple-history saves the posted form with view permission only; restoring is not a write we offer.
            raise PermissionDenied(HISTORY_NOT_REVERTED)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # -- writes through the services ---------------------------------------------------------

    def save_model(self, request, obj, form, change):
        try:
            if change:
                stored = type(obj)._default_manager.get(pk=obj.pk)  # the service compares with the stored row
                data = {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}
                self.update(request, stored, data)
            else:
                obj.pk = self.create(request, dict(form.cleaned_data)).pk
        except REFUSALS as exc:
            # The service's own atomic block has undone its writes; the page then logs nothing and returns.
            request._admin_refused = True
            for message in refusal_messages(exc, self.model):
                self.message_user(request, message, messages.ERROR)

    def save_related(self, request, form, formsets, change):
        # Related rows (many-to-many included) were written by the service; inlines are read-only.
        return None

    def log_addition(self, request, obj, message):
        if not getattr(request, "_admin_refused", False):
            return super().log_addition(request, obj, message)
        return None

    def log_change(self, request, obj, message):
        if not getattr(request, "_admin_refused", False):
            return super().log_change(request, obj, message)
        return None

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_admin_refused", False):
            return HttpResponseRedirect(request.get_full_path())
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "_admin_refused", False):
            return HttpResponseRedirect(request.get_full_path())
        return super().response_change(request, obj)


class ReadOnlyInline(admin.TabularInline):
    """Rows fixed with their parent (dated decisions, periods, restrictions): shown, never edited here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# -- organisation and reference data -------------------------------------------------------------


@admin.register(OrgUnit)
class OrgUnitAdmin(ScopedAdmin):
    list_display = ["code", "name", "kind", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "level"]
    search_fields = ["code", "name"]
    fields = ["code", "name", "kind", "level", "parent", "valid_from", "valid_to", "predecessors", "path", "depth"]
    readonly_fields = ["path", "depth"]
    autocomplete_fields = ["parent", "predecessors"]

    def scope_q(self, user):
        return unit_manage_q(user)

    def has_change_permission(self, request, obj=None):
        # An officer's own agency is placed by the province; they change only what lies under it.
        if obj is None or request.user.is_province_admin:
            return super().has_change_permission(request, obj)
        return (
            super().has_change_permission(request, obj)
            and obj.parent is not None
            and can_manage_unit(request.user, obj.parent)
        )

    def create(self, request, data):
        data["predecessors"] = list(data.get("predecessors") or [])
        return unit_create(actor=request.user, **data)

    def update(self, request, obj, data):
        if "predecessors" in data:
            data["predecessors"] = list(data["predecessors"])
        return unit_update(unit=obj, actor=request.user, **data)


class ReferenceAdmin(ScopedAdmin):
    """Reference data (scales, ranks, posts, base salary): loaded by migrations, read here."""


class RuleAdmin(ReferenceAdmin):
    """Effective-dated rule rows: a new row ends the one in force; a row decisions were taken under is read-only.

    Rows with parts of their own (a discipline form's restrictions, a rule set's criteria) come only from the
    instruments of `rules/` and stay read-only: their admins derive from ReferenceAdmin instead.
    """

    def create(self, request, data):
        return rule_add(actor=request.user, model=self.model, **data)

    def update(self, request, obj, data):
        return rule_change(actor=request.user, row=obj, **data)

    def has_add_permission(self, request, obj=None):
        # Rule data is the province administration's (hr.access.access_province_admin).
        return request.user.is_province_admin and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        # The service refuses too (`rule_in_use`); the page shows such a row read-only rather than a refusal.
        if obj is not None and obj.is_referenced():
            return False
        return request.user.is_province_admin and super().has_change_permission(request, obj)


@admin.register(SalaryScale)
class SalaryScaleAdmin(ReferenceAdmin):
    list_display = ["code", "name", "step_interval_years"]


@admin.register(SalaryStep)
class SalaryStepAdmin(ReferenceAdmin):
    list_display = ["scale", "step", "coefficient"]
    list_filter = ["scale"]


@admin.register(Rank)
class RankAdmin(ReferenceAdmin):
    list_display = ["code", "name", "scale", "is_active"]
    search_fields = ["code", "name"]


@admin.register(Position)
class PositionAdmin(ReferenceAdmin):
    list_display = ["code", "name", "is_leadership", "is_head", "allowance_coefficient"]
    search_fields = ["code", "name"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(RuleAdmin):
    list_display = ["amount", "valid_from", "valid_to", "legal_basis"]


@admin.register(UnitLevelRule)
class UnitLevelRuleAdmin(ReferenceAdmin):
    """Which administrative levels may have units, from when, under which law (cấp huyện ended 01/07/2025)."""

    list_display = ["level", "permitted", "valid_from", "valid_to", "legal_basis"]


# -- people --------------------------------------------------------------------------------------


class AssignmentInline(ReadOnlyInline):
    model = Assignment
    fk_name = "employee"
    fields = ["unit", "position", "start_date", "end_date", "decision_number", "note", "created_by"]


class SalaryRecordInline(ReadOnlyInline):
    model = SalaryRecord
    fk_name = "employee"
    fields = ["rank", "salary_step", "coefficient", "effective_date", "decision_number", "reason", "created_by"]


@admin.register(Employee)
class EmployeeAdmin(ScopedAdmin):
    list_display = ["full_name", "national_id", "category", "unit", "position", "rank", "status"]
    list_filter = ["category", "status", "rank"]
    search_fields = ["full_name", "national_id"]
    list_select_related = ["unit", "position", "rank"]
    autocomplete_fields = ["unit"]
    inlines = [AssignmentInline, SalaryRecordInline]

    def scope_q(self, user):
        return employee_scope_q(user)

    def get_readonly_fields(self, request, obj=None):
        # Unit, post, rank and salary of an existing person change only by dated decisions.
        return sorted(DECISION_FIELDS) if obj is not None else ["salary_coefficient"]

    def create(self, request, data):
        data.pop("salary_coefficient", None)
        return employee_create(actor=request.user, **data)

    def update(self, request, obj, data):
        return employee_update(employee=obj, actor=request.user, **data)


@admin.register(AnnualRating)
class AnnualRatingAdmin(ScopedAdmin):
    list_display = ["employee", "year", "rating", "source"]
    list_filter = ["year", "rating", "source"]
    search_fields = ["employee__full_name", "employee__national_id"]
    list_select_related = ["employee"]
    raw_id_fields = ["employee"]
    fields = ["employee", "year", "rating", "source", "decision_number", "note"]

    def scope_q(self, user):
        return employee_scope_q(user, prefix="employee__")

    def get_readonly_fields(self, request, obj=None):
        # A rating entered here is by hand; the person and year name the row the service replaces.
        return ["employee", "year", "source"] if obj is not None else ["source"]

    def _record(self, request, employee, year, data):
        return annual_rating_record(
            actor=request.user,
            employee=employee,
            year=year,
            rating=data.get("rating"),
            source=RatingSource.MANUAL,
            decision_number=data.get("decision_number", ""),
            note=data.get("note", ""),
        )

    def create(self, request, data):
        return self._record(request, data["employee"], data["year"], data)

    def update(self, request, obj, data):
        current = {"rating": obj.rating, "decision_number": obj.decision_number, "note": obj.note} | data
        return self._record(request, obj.employee, obj.year, current)


class AccountCreationForm(UserCreationForm):
    """A new login: name and password here, role and scope checked by `account_create`."""

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ["username", "email", "role", "employee", "scope_unit"]


@admin.register(User)
class AccountAdmin(ScopedAdmin, UserAdmin):
    list_display = ["username", "role", "employee", "scope_unit", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "employee__full_name"]
    list_select_related = ["employee", "scope_unit"]
    raw_id_fields = ["employee", "scope_unit"]
    add_form = AccountCreationForm
    add_fieldsets = [
        (None, {"fields": ["username", "password1", "password2", "email"]}),
        (_("Role and scope"), {"fields": ["role", "employee", "scope_unit"]}),
    ]
    # Role, scope, activity and e-mail go through `account_update`; the rest is set by the service.
    fieldsets = [
        (None, {"fields": ["username", "email", "is_active"]}),
        (_("Role and scope"), {"fields": ["role", "employee", "scope_unit", "is_staff", "is_superuser"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["username", "employee", "is_staff", "is_superuser", "last_login", "date_joined"]
    filter_horizontal = []

    def scope_q(self, user):
        return account_scope_q(user)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def user_change_password(self, request, id, form_url=""):
        # No service sets another person's password; they reset it themselves through the API.
        raise PermissionDenied

    def create(self, request, data):
        return account_create(
            actor=request.user,
            username=data["username"],
            password=data["password1"],
            role=data["role"],
            employee=data.get("employee"),
            scope_unit=data.get("scope_unit"),
            email=data.get("email") or "",
        )

    def update(self, request, obj, data):
        return account_update(user=obj, actor=request.user, **data)


# -- discipline and commendation: rules read-only, decisions through their services ---------------


class DisciplineRestrictionInline(ReadOnlyInline):
    model = DisciplineRestrictionRule
    fields = ["restriction", "legal_basis"]


@admin.register(DisciplineFormRule)
class DisciplineFormRuleAdmin(ReferenceAdmin):
    """Which forms apply to whom and when: past decisions read these rows, so a new decree is new rows."""

    list_display = [
        "category",
        "form",
        "holder",
        "valid_from",
        "valid_to",
        "limitation_years",
        "effect_months",
        "processing_days",
        "complex_processing_days",
        "legal_basis",
    ]
    list_filter = ["category", "form"]
    inlines = [DisciplineRestrictionInline]


@admin.register(AwardRule)
class AwardRuleAdmin(RuleAdmin):
    list_display = ["award", "recipient", "kind", "level", "coefficient", "valid_from", "valid_to"]
    list_filter = ["kind", "recipient", "level"]


class DisciplinePauseInline(ReadOnlyInline):
    """Periods not counted in the processing time; fixed with the decision."""

    model = DisciplinePause
    fields = readonly_fields = ["kind", "start", "end", "note"]


@admin.register(DisciplineRecord)
class DisciplineRecordAdmin(ScopedAdmin):
    """Decisions are recorded and annulled through the API (with their pauses); here their wording is corrected."""

    list_display = [
        "employee",
        "form",
        "decision_number",
        "decision_date",
        "processing_deadline",
        "effect_start",
        "effect_end",
        "annulled_on",
    ]
    list_filter = ["form", "duty_related", "complex_case"]
    search_fields = ["employee__full_name", "decision_number"]
    list_select_related = ["employee"]
    inlines = [DisciplinePauseInline]

    def scope_q(self, user):
        return employee_scope_q(user, prefix="employee__")

    def get_readonly_fields(self, request, obj=None):
        editable = CORRECTABLE_FIELDS if obj is not None and obj.annulled_on is None else set()
        return [f.name for f in self.model._meta.fields if f.name not in editable]

    def update(self, request, obj, data):
        return discipline_record_update(actor=request.user, record=obj, **data)


@admin.register(Commendation)
class CommendationAdmin(ScopedAdmin):
    """Titles are recorded here or through the API by `commendation_create`; annulled through the API."""

    list_display = ["award", "employee", "unit", "year", "decision_number", "amount", "annulled_on"]
    list_filter = ["award", "year"]
    search_fields = ["employee__full_name", "unit__name", "decision_number"]
    list_select_related = ["employee", "unit"]
    raw_id_fields = ["employee", "unit"]
    fields = ["employee", "unit", "award", "year", "decision_number", "issuing_authority", "decision_date", "reason"]

    def scope_q(self, user):
        return commendation_scope_q(user)

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else []

    def create(self, request, data):
        return commendation_create(actor=request.user, **data)


@admin.register(Initiative)
class InitiativeAdmin(ScopedAdmin):
    list_display = ["title", "employee", "recognition_level", "year", "decision_number", "annulled_on"]
    list_filter = ["recognition_level", "year"]
    search_fields = ["title", "employee__full_name"]
    list_select_related = ["employee"]
    raw_id_fields = ["employee"]
    fields = ["employee", "title", "recognition_level", "year", "decision_number", "recognised_on"]

    def scope_q(self, user):
        return employee_scope_q(user, prefix="employee__")

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else []

    def create(self, request, data):
        return initiative_create(actor=request.user, **data)


# -- other apps' pages ---------------------------------------------------------------------------


class ProvinceReadOnly:
    """Pages other apps register (sign-in lockouts, issued tokens): province administrators look, nobody writes."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_province_admin

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}


def _guard_registered() -> None:
    # Roles live on the account, not in groups, so the group page would only offer a second, unchecked door.
    if admin.site.is_registered(Group):
        admin.site.unregister(Group)
    for model, model_admin in list(admin.site._registry.items()):
        if isinstance(model_admin, ScopedAdmin | ProvinceReadOnly):
            continue
        guarded = type(type(model_admin).__name__, (ProvinceReadOnly, type(model_admin)), {})
        admin.site.unregister(model)
        admin.site.register(model, guarded)


_guard_registered()
