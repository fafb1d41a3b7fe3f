"""OpenAPI generation: every operation also documents the error answers the exception handler gives."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from backend.api.error_codes import error_schema

# The one error shape, with every registered refusal code listed (backend/api/error_codes.py).
ERROR_SCHEMA = error_schema()

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _null_in_model(field) -> bool:
    """True when a read-only serializer field reads a nullable column of its serializer's model."""
    if not isinstance(field, serializers.Field) or not field.read_only:
        return False
    if isinstance(field, serializers.ManyRelatedField):
        return False
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source or field.source == "*":
        return False
    try:
        return bool(model._meta.get_field(field.source).null)
    except FieldDoesNotExist:
        return False


class ErrorDocumentingAutoSchema(AutoSchema):
    """Adds 400/401/403/404/409/415/429 responses so clients (and schema fuzzers) know every answer."""

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if direction == "response" and not meta.get("nullable") and _null_in_model(field):
            # A read-only field declared on the serializer (e.g. `repeat_of`) answers null when the
            # model's column is empty, though the field itself was not declared allow_null.
            meta["nullable"] = True
        return meta

    def _error_component(self) -> dict:
        component = ResolvedComponent(name="Error", type=ResolvedComponent.SCHEMA, object="Error", schema=ERROR_SCHEMA)
        self.registry.register_on_missing(component)
        return component.ref

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        if direction != "response":
            return responses
        ref = self._error_component()
        public = any(isinstance(p, AllowAny) for p in self.view.get_permissions())
        codes = {"400": _("Invalid input (field-level messages)")}
        if not public:
            codes["401"] = _("Not signed in")
            codes["403"] = _("Your role may not do this")
        # Lists answer 404 for a page past the end, as DRF's paginator does; other reads take the
        # object they report on from the query (eligibility of `unit`, summary of `employee`).
        if "{" in self.path or public or self.method == "GET":
            codes["404"] = _("Not found or outside your scope")
        if self.method in WRITE_METHODS:
            codes["409"] = _("The record's state does not allow this")
            codes["415"] = _("The body's media type is not one this operation reads")
        if self.view.throttle_classes:
            codes["429"] = _("Too many requests")
        for code, description in codes.items():
            responses.setdefault(code, {"description": description, "content": {"application/json": {"schema": ref}}})
        return responses
