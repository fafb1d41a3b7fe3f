"""Account management: personnel officers create logins for employees and set their role."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import Forbidden
from hr.access import can_manage_unit
from hr.models import Employee, OrgUnit, Role, User

# Roles an officer may hand out; administrators and officers are appointed by the province.
OFFICER_GRANTABLE = frozenset({Role.MANAGER, Role.STAFF})
# Roles that work in the Django admin as well as through the API.
STAFF_SITE_ROLES = frozenset({Role.PROVINCE_ADMIN, Role.PERSONNEL_OFFICER})


def _check_role_grant(*, actor: User, role: str, scope_unit: OrgUnit | None, employee: Employee | None) -> None:
    if role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and scope_unit is None:
        raise ValidationError({"scope_unit": [_("This role needs the unit it applies to.")]})
    if role != Role.PROVINCE_ADMIN and employee is None:
        raise ValidationError({"employee": [_("The account must be linked to an employee.")]})
    if actor.is_province_admin:
        return
    if role not in OFFICER_GRANTABLE:
        raise Forbidden(_("Only a province administrator may grant this role."))
    if scope_unit is not None and not can_manage_unit(actor, scope_unit):
        raise ValidationError({"scope_unit": [_("The unit is outside your area of responsibility.")]})


@transaction.atomic
def account_create(
    *,
    actor: User,
    username: str,
    password: str,
    role: str,
    employee: Employee | None = None,
    scope_unit: OrgUnit | None = None,
    email: str = "",
) -> User:
    """Create a login for an employee; there is no public self-registration."""
    _check_role_grant(actor=actor, role=role, scope_unit=scope_unit, employee=employee)
    user = User(
        username=username,
        email=email or (employee.email if employee else ""),
        role=role,
        employee=employee,
        scope_unit=scope_unit,
        first_name="",
        last_name=employee.full_name[:150] if employee else "",
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    user.is_staff = role in STAFF_SITE_ROLES
    user._history_user = actor
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def account_update(*, user: User, actor: User, **fields) -> User:
    """Change role, scope or activity of an account; the change is kept in its history."""
    role = fields.get("role", user.role)
    scope_unit = fields.get("scope_unit", user.scope_unit)
    if not actor.is_province_admin and user.role not in OFFICER_GRANTABLE:
        raise Forbidden(_("Only a province administrator may change this account."))
    _check_role_grant(actor=actor, role=role, scope_unit=scope_unit, employee=user.employee)
    if user.pk == actor.pk and ("role" in fields or fields.get("is_active") is False):
        raise Forbidden(_("You cannot change your own role or deactivate yourself."))
    for name, value in fields.items():
        setattr(user, name, value)
    user.is_staff = user.role in STAFF_SITE_ROLES
    user._history_user = actor
    user.full_clean()
    user.save()
    return user
