"""Account management: personnel officers create logins for employees and set their role."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import Forbidden, OwnRecord
from backend.api.tokens import user_tokens_revoke
from hr.access import access_employee_for_write, access_personnel_writer, access_unit_for_write
from hr.models import Employee, OrgUnit, Role, User

# Roles an officer may hand out; administrators and officers are appointed by the province.
OFFICER_GRANTABLE = frozenset({Role.MANAGER, Role.STAFF})
# Accounts that are nobody's: the province administration and the national database connector's machine account.
UNLINKED_ROLES = frozenset({Role.PROVINCE_ADMIN, Role.NATIONAL_SYNC})
# Roles that work in the Django admin as well as through the API.
STAFF_SITE_ROLES = frozenset({Role.PROVINCE_ADMIN, Role.PERSONNEL_OFFICER})


def _check_role_grant(*, actor: User, role: str, scope_unit: OrgUnit | None, employee: Employee | None) -> None:
    if role in (Role.PERSONNEL_OFFICER, Role.MANAGER) and scope_unit is None:
        raise ValidationError(
            {"scope_unit": ValidationError(_("This role needs the unit it applies to."), code="scope_unit_required")}
        )
    if role not in UNLINKED_ROLES and employee is None:
        raise ValidationError(
            {"employee": ValidationError(_("The account must be linked to an employee."), code="employee_required")}
        )
    if actor is None or actor.is_province_admin:
        return
    if role not in OFFICER_GRANTABLE:
        raise Forbidden(_("Only a province administrator may grant this role."), code="role_not_grantable")
    if scope_unit is not None:
        access_unit_for_write(actor, scope_unit, field="scope_unit")


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
    access_personnel_writer(actor)
    if employee is not None:
        access_employee_for_write(actor, employee, field="employee")
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
        raise ValidationError({"password": exc.error_list}) from exc
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
    access_personnel_writer(actor)
    if actor is not None and user.pk == actor.pk:
        raise OwnRecord(_("You cannot change your own role or deactivate yourself."), code="own_record")
    if actor is not None and not actor.is_province_admin:
        if user.role not in OFFICER_GRANTABLE or user.is_superuser:
            raise Forbidden(_("Only a province administrator may change this account."), code="role_not_grantable")
        if user.employee is not None:
            access_employee_for_write(actor, user.employee)
    _check_role_grant(actor=actor, role=role, scope_unit=scope_unit, employee=user.employee)
    for name, value in fields.items():
        setattr(user, name, value)
    user.is_staff = user.role in STAFF_SITE_ROLES
    user._history_user = actor
    user.full_clean()
    user.save()
    if not user.is_active:
        user_tokens_revoke(user=user)  # a deactivated account's refresh tokens die with it
    return user
