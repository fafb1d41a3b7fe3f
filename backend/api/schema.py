"""OpenAPI generation: every operation also documents the error answers the exception handler gives."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.permissions import AllowAny

ERROR_SCHEMA = {
    "type": "object",
    "description": "Field name → list of messages, or `detail` → message (Vietnamese unless Accept-Language: en).",
    "additionalProperties": True,
}

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class ErrorDocumentingAutoSchema(AutoSchema):
    """Adds 400/401/403/404/409/429 responses so clients (and schema fuzzers) know every answer."""

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
        if self.view.throttle_classes:
            codes["429"] = _("Too many requests")
        for code, description in codes.items():
            responses.setdefault(code, {"description": description, "content": {"application/json": {"schema": ref}}})
        return responses
