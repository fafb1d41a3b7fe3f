"""Reads of logins, scoped to the accounts the caller manages."""

from django.db.models import QuerySet

from hr.access import account_scope_q
from hr.models import User
from hr.selectors.brief import UNIT_BRIEF, brief


def account_visible(*, user: User) -> QuerySet[User]:
    """Logins `user` may read, with the person's unit the access checks of a change read."""
    joins = ("employee__unit", "scope_unit")
    return User.objects.filter(account_scope_q(user)).select_related(*joins).order_by("username")


def account_list_rows(*, user: User) -> QuerySet[User]:
    """`account_visible` with only the joins a list row shows (`AccountOutputSerializer`)."""
    shown = ("id", "username", "email", "role", "employee", "scope_unit", "is_active", "last_login", "date_joined")
    return (
        User.objects.filter(account_scope_q(user))
        .select_related("employee", "scope_unit")
        # The login's own columns the row shows, and its person and unit as it names them (`hr.selectors.brief`).
        .only(*shown, "employee__full_name", *brief("scope_unit", UNIT_BRIEF))
        .order_by("username")
    )
