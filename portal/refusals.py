"""A refused service call (business rule, state, role or scope) as messages for a form, never a 500."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException

# Every exception a service or a scoped lookup raises to refuse a request.
REFUSALS = (APIException, DjangoValidationError, Http404)


def _flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _flatten(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in _flatten(value)]
    return [str(detail)]


def refusal_messages(exc: Exception) -> dict[str | None, list[str]]:
    """Messages by input name (None: the whole form) for one refusal."""
    if isinstance(exc, Http404):
        return {None: [_("This record does not exist or is outside your area of responsibility.")]}
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return {
                (None if name == NON_FIELD_ERRORS else name): list(messages)
                for name, messages in exc.message_dict.items()
            }
        return {None: list(exc.messages)}
    detail = exc.detail
    if isinstance(detail, dict):
        return {(None if name in ("non_field_errors", "detail") else name): _flatten(v) for name, v in detail.items()}
    return {None: _flatten(detail)}


def add_refusal(form: forms.Form, exc: Exception) -> None:
    """Put the refusal's messages on the form: on the input they name when the form has it, else on top."""
    for name, messages in refusal_messages(exc).items():
        target = name if name in form.fields else None
        for message in messages:
            form.add_error(target, message)
