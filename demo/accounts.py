"""Demo logins, one per role, and the table that shows them on screen.

The administrator is bootstrapped like `createsuperuser` (no one can grant the first admin);
every other login goes through `hr.services.accounts.account_create` with that admin as actor.
"""

from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from demo.staffing import Reservation, Tier
from hr.models import Employee, OrgUnit, Role, User
from hr.services.accounts import account_create


@dataclass(frozen=True)
class DemoLogin:
    """A demo account: who it is (agency, room, post) and what scope its role applies to."""

    username: str
    password: str
    role: str
    agency: str
    room: str
    tier: Tier = Tier.STAFF
    scope: str | None = None  # "agency" or "room"

    @property
    def reservation(self) -> Reservation:
        return Reservation(self.username, self.agency, self.room, self.tier)


DEMO_LOGINS = (
    DemoLogin("admin", "Sonla@2026", Role.PROVINCE_ADMIN, "SNV", "CCVC"),
    DemoLogin("tccb.snv", "Noivu@2026", Role.PERSONNEL_OFFICER, "SNV", "VP", scope="agency"),
    DemoLogin("tccb.muongbam", "Hoaban@2026", Role.PERSONNEL_OFFICER, "X-MUONG-BAM", "VP", scope="agency"),
    DemoLogin("truongphong.cchc", "Caicach@2026", Role.MANAGER, "SNV", "CCHC", Tier.ROOM_HEAD, scope="room"),
    DemoLogin("chuyenvien.cchc", "Thaonguyen@2026", Role.STAFF, "SNV", "CCHC"),
)


def reservations() -> list[Reservation]:
    return [login.reservation for login in DEMO_LOGINS]


def _scope(login: DemoLogin, employee: Employee) -> OrgUnit | None:
    if login.scope == "agency":
        return OrgUnit.objects.get(code=login.agency)
    return employee.unit if login.scope == "room" else None


@transaction.atomic
def create_demo_logins(people: dict[str, Employee]) -> list[User]:
    """Create every demo login for the people reserved for them (keyed by username)."""
    admin_login, *others = DEMO_LOGINS
    admin = User(
        username=admin_login.username,
        role=admin_login.role,
        employee=people[admin_login.username],
        last_name=people[admin_login.username].full_name,
        is_staff=True,
        is_superuser=True,
    )
    validate_password(admin_login.password, admin)
    admin.set_password(admin_login.password)
    admin.full_clean()
    admin.save()
    users = [admin]
    for login in others:
        employee = people[login.username]
        users.append(
            account_create(
                actor=admin,
                username=login.username,
                password=login.password,
                role=login.role,
                employee=employee,
                scope_unit=_scope(login, employee),
            )
        )
    return users


def login_rows(*, check_passwords: bool) -> list[tuple[str, str, str, str, str]]:
    """(role, username, password, person, scope) of the demo logins that exist.

    When `check_passwords` is set, a login whose password was changed says so instead of
    showing the demo password, which would no longer work.
    """
    users = User.objects.select_related("employee", "scope_unit").in_bulk(
        [login.username for login in DEMO_LOGINS], field_name="username"
    )
    rows = []
    for login in DEMO_LOGINS:
        user = users.get(login.username)
        if user is None:
            continue
        password = login.password
        if check_passwords and not user.check_password(login.password):
            password = "(changed)"
        person = user.employee.full_name if user.employee else ""
        scope = user.scope_unit.name if user.scope_unit else ("province" if user.is_province_admin else "own record")
        rows.append((str(Role(user.role).label), user.username, password, person, scope))
    return rows


def format_table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [header, tuple("-" * width for width in widths), *rows]
    return "\n".join(
        "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines
    )
