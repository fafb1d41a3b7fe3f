"""The role × endpoint matrix: for each API operation, what each role should get.

Each module here declares `CASES`, a dict keyed by (METHOD, path template as in the
OpenAPI schema) whose values are `Case`s. tests/test_role_matrix.py walks every
operation of the schema with every role and fails for an operation without a case.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROLES = ["admin", "officer_a", "manager_a", "staff_a", "officer_b", "manager_b", "staff_b"]

# Authorised: the request got past authentication, scoping and role checks (2xx, or a
# 400/409 that judges the payload or the state rather than the caller).
OK = "ok"


@dataclass
class Case:
    """How to call one operation, and what each role should get."""

    expect: dict[str, Any]
    params: Callable[[Any], dict] = field(default=lambda org: {})
    body: Callable[[Any], Any] | None = None
    query: Callable[[Any], dict] | None = None
    multipart: bool = False


def roles(default, **overrides) -> dict:
    return {role: overrides.get(role, default) for role in ROLES}


EVERYONE = roles(OK)
WRITERS_ONLY = roles(403, admin=OK, officer_a=OK, officer_b=OK)
ADMIN_ONLY = roles(403, admin=OK)
# A write that names agency A's unit or person in its body: B's officer is refused on that input (out_of_scope).
A_INPUT_WRITE = roles(403, admin=OK, officer_a=OK)
# An object in agency A's room: readers above it see it, staff only their own, B is out of scope.
A_ROOM_READ = roles(404, admin=OK, officer_a=OK, manager_a=OK)
A_ROOM_READ_OWN = roles(404, admin=OK, officer_a=OK, manager_a=OK, staff_a=OK)
A_ROOM_WRITE = roles(404, admin=OK, officer_a=OK, manager_a=403)
A_ROOM_WRITE_OWN_VISIBLE = roles(404, admin=OK, officer_a=OK, manager_a=403, staff_a=403)
