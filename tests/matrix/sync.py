"""Matrix cases for the national database feed: the province administration's alone, 403 for every other role."""

from tests.matrix import ADMIN_ONLY, Case

CASES = {
    ("GET", "/api/v1/sync/people/{id}/"): Case(ADMIN_ONLY, params=lambda org: {"id": org.a.staff.employee_id}),
    ("GET", "/api/v1/sync/changes/"): Case(ADMIN_ONLY),
    # Nothing handed out yet in the matrix's province: the admin's ack names no change and is refused on its
    # input (400 ack_target judges the body, not the caller); the others never get that far.
    ("POST", "/api/v1/sync/acks/"): Case(ADMIN_ONLY, body=lambda org: {}),
    ("GET", "/api/v1/sync/overdue/"): Case(ADMIN_ONLY),
}
