"""Matrix cases for the import and export endpoints."""

from dossier.groups import SENSITIVE_GROUPS
from exchange.importers.dossier_groups import EDITABLE_GROUPS, group_slug
from tests.exchange.conftest import csv_bytes, person, upload
from tests.matrix import EVERYONE, OK, WRITERS_ONLY, Case, roles


def employee_file(org):
    # A row in agency A: officer B gets a 400 listing it as out of scope, which still means "allowed to call".
    return {"file": upload(csv_bytes([person(org.a.room.code, 1)])), "dry_run": "true"}


def records_file(headers: dict):
    """A one-row dry-run file about agency A's staff member (row errors are fine: the call was allowed)."""

    def body(org):
        row = {header: value(org) if callable(value) else value for header, value in headers.items()}
        return {"file": upload(csv_bytes([row])), "dry_run": "true"}

    return body


def staff_id(org):
    return org.a.staff.employee.national_id


GROUP_SLUGS = [group_slug(group) for group in EDITABLE_GROUPS]
SENSITIVE_SLUGS = {group_slug(group) for group in SENSITIVE_GROUPS}
SENSITIVE_LIST = roles(OK, manager_a=403, manager_b=403)
REPORT_READERS = roles(403, admin=OK, officer_a=OK, manager_a=OK, officer_b=OK, manager_b=OK)

CASES = {
    ("POST", "/api/v1/imports/employees/"): Case(WRITERS_ONLY, body=employee_file, multipart=True),
    ("POST", "/api/v1/imports/training-results/"): Case(
        WRITERS_ONLY,
        body=records_file({"Mã lớp": "L1", "Số định danh cá nhân": staff_id, "Kết quả": "PASSED"}),
        multipart=True,
    ),
    ("POST", "/api/v1/imports/discipline/"): Case(
        WRITERS_ONLY,
        body=records_file(
            {
                "Số định danh cá nhân": staff_id,
                "Hình thức kỷ luật": "KHIEN_TRACH",
                "Số quyết định": "07/QĐ-SNV",
                "Cơ quan ban hành": "Giám đốc Sở Nội vụ",
                "Ngày quyết định": "01/10/2025",
                "Ngày có hiệu lực": "02/10/2025",
                "Ngày vi phạm": "15/06/2025",
                "Lý do": "Chậm giải quyết hồ sơ",
                "Mức độ hậu quả": "IT_NGHIEM_TRONG",
            }
        ),
        multipart=True,
    ),
    ("POST", "/api/v1/imports/commendations/"): Case(
        WRITERS_ONLY,
        body=records_file(
            {
                "Số định danh cá nhân": staff_id,
                "Danh hiệu/hình thức": "LDTT",
                "Năm thi đua": "2025",
                "Số quyết định": "12/QĐ-SNV",
                "Cơ quan ban hành": "Giám đốc Sở Nội vụ",
                "Ngày quyết định": "10/01/2026",
            }
        ),
        multipart=True,
    ),
    ("POST", "/api/v1/imports/dossier-qualifications/"): Case(
        WRITERS_ONLY,
        body=records_file(
            {
                "Số định danh cá nhân": staff_id,
                "Loại": "DEGREE",
                "Trình độ": "Đại học",
                "Tên trường": "Trường Đại học Tây Bắc",
                "Từ năm": "2008",
                "Hình thức": "CHINH_QUY",
            }
        ),
        multipart=True,
    ),
    ("POST", "/api/v1/imports/dossier-family/"): Case(
        WRITERS_ONLY,
        body=records_file(
            {
                "Số định danh cá nhân": staff_id,
                "Bên": "SELF",
                "Quan hệ": "MOTHER",
                "Họ và tên thân nhân": "Lò Thị Hương",
                "Năm sinh": "1962",
            }
        ),
        multipart=True,
    ),
    ("POST", "/api/v1/imports/dossier-positions/"): Case(
        WRITERS_ONLY,
        body=records_file({"Số định danh cá nhân": staff_id, "Mã vị trí việc làm": "CV-TH", "Từ ngày": "2024-01-01"}),
        multipart=True,
    ),
    ("POST", "/api/v1/imports/dossier-allowances/"): Case(
        WRITERS_ONLY,
        body=records_file(
            {"Số định danh cá nhân": staff_id, "Loại phụ cấp": "REGIONAL", "Hệ số": "0,5", "Từ ngày": "2024-01-01"}
        ),
        multipart=True,
    ),
    # The dossier's group records: a file about A's staff member (written by the personnel office only).
    **{
        ("POST", f"/api/v1/imports/dossier-group-{slug}/"): Case(
            WRITERS_ONLY, body=records_file({"Số định danh cá nhân": staff_id}), multipart=True
        )
        for slug in GROUP_SLUGS
    },
    # Their exports: everyone exports the people they read; the sensitive groups refuse managers (403).
    **{
        ("GET", f"/api/v1/exports/dossier-group-{slug}/{twin}"): Case(
            SENSITIVE_LIST if slug in SENSITIVE_SLUGS else EVERYONE
        )
        for slug in GROUP_SLUGS
        for twin in ("", "csv/")
    },
    ("GET", "/api/v1/exports/employees/"): Case(EVERYONE),
    ("GET", "/api/v1/exports/rating-distribution/"): Case(REPORT_READERS, query=lambda org: {"year": 2026}),
    ("GET", "/api/v1/exports/training-compliance/"): Case(EVERYONE, query=lambda org: {"year": 2025}),
    ("GET", "/api/v1/exports/discipline-summary/"): Case(EVERYONE),
    ("GET", "/api/v1/exports/commendation-summary/"): Case(EVERYONE),
    ("GET", "/api/v1/exports/reform-ranking/"): Case(EVERYONE, query=lambda org: {"year": 2026, "level": "SO"}),
    # The dossier tables: everyone exports the rows their list shows (family by the sensitive rule).
    **{
        ("GET", f"/api/v1/exports/dossier-{name}/{twin}"): Case(EVERYONE)
        for name in ("qualifications", "family", "positions", "allowances")
        for twin in ("", "csv/")
    },
    # The CSV twin of each export: the same roles.
    ("GET", "/api/v1/exports/employees/csv/"): Case(EVERYONE),
    ("GET", "/api/v1/exports/rating-distribution/csv/"): Case(REPORT_READERS, query=lambda org: {"year": 2026}),
    ("GET", "/api/v1/exports/training-compliance/csv/"): Case(EVERYONE, query=lambda org: {"year": 2025}),
    ("GET", "/api/v1/exports/discipline-summary/csv/"): Case(EVERYONE),
    ("GET", "/api/v1/exports/commendation-summary/csv/"): Case(EVERYONE),
    ("GET", "/api/v1/exports/reform-ranking/csv/"): Case(EVERYONE, query=lambda org: {"year": 2026, "level": "SO"}),
}
