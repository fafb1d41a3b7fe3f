"""The column-by-column employee import answers and writes exactly what the row-by-row service path does."""

import datetime
import random

import numpy as np
import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

import hr.services.employees as employee_services
from backend.api.text import FORBIDDEN_MESSAGE
from exchange.errors import RowErrors
from exchange.importers import IMPORTERS, columns
from exchange.importers.employees import EmployeeImporter
from exchange.importers.employees_fast import FastEmployeeImporter, _attribute, national_id_plausible
from exchange.services.imports import records_import
from exchange.tables import UnreadableFile, read_table
from hr.identity import make_national_id, validate_national_id
from hr.models import Assignment, Employee, PersonChange, SalaryRecord
from tests.exchange.conftest import csv_bytes, person, xlsx_bytes
from tests.factories import EmployeeFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db

ID, NAME, BIRTH, SEX, CATEGORY, UNIT = (
    "Số định danh cá nhân",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Phân loại",
    "Mã đơn vị",
)
RANK, STEP, RECRUITED = "Mã ngạch", "Bậc lương", "Ngày tuyển dụng"
EXTRA = {
    "Số CMND cũ": "",
    "Dân tộc": "",
    "Email": "",
    "Mã chức vụ": "",
    "Ngày hưởng bậc lương": "",
    "Trạng thái": "",
    "Trình độ chuyên môn": "",
    "Trình độ lý luận chính trị": "",
    "Trình độ quản lý nhà nước": "",
    "Số quyết định tuyển dụng": "",
}
EMPLOYEE_FIELDS = [f.attname for f in Employee._meta.fields if f.attname not in {"id", "created_at", "updated_at"}]


def row(unit_code: str, serial: int, **changes) -> dict:
    return {**person(unit_code, serial), **EXTRA, **changes}


def good_rows(org) -> list[dict]:
    """New people using every column, and corrections of two known people."""
    known = EmployeeFactory(unit=org.a.room, ranked=True, full_name="Cầm Văn Cũ")
    unchanged = EmployeeFactory(unit=org.a.room, full_name="Vì Thị Giữ")
    return [
        row(org.a.room.code, 1),
        row(org.a.room.code, 2, **{"Email": "huong2@snv.gov.vn", "Số CMND cũ": "050123456", "Dân tộc": "Thái"}),
        row(org.a.room.code, 3, **{RANK: "", STEP: "", "Trạng thái": "Nghỉ hưu", "Số quyết định tuyển dụng": "12/QĐ"}),
        row(org.a.unit.code, 4, **{"Ngày hưởng bậc lương": "01/06/2023", "Mã chức vụ": "TP_SO", STEP: "3"}),
        row(org.a.room.code, 5, **{"Trình độ chuyên môn": "THAC_SI", "Trình độ lý luận chính trị": "Trung cấp"}),
        row(org.a.room.code, 6, **{"Trình độ quản lý nhà nước": "CHUYEN_VIEN", CATEGORY: "Viên chức"}),
        {
            **EXTRA,
            ID: known.national_id,
            NAME: "Cầm Văn Mới",
            BIRTH: known.date_of_birth.strftime("%d/%m/%Y"),
            SEX: "Nam" if known.sex == "M" else "Nữ",
            CATEGORY: known.category,
            UNIT: org.a.room.code,
            RANK: "01.003",
            STEP: "3",
            RECRUITED: known.recruitment_date.isoformat(),
            "Email": "moi@snv.gov.vn",
        },
        {
            **EXTRA,
            ID: unchanged.national_id,
            NAME: unchanged.full_name,
            BIRTH: unchanged.date_of_birth.isoformat(),
            SEX: "Nam" if unchanged.sex == "M" else "Nữ",
            CATEGORY: unchanged.category,
            UNIT: org.a.room.code,
            RANK: "",
            STEP: "",
            RECRUITED: unchanged.recruitment_date.isoformat(),
        },
    ]


def bad_rows(org) -> list[dict]:
    """Good rows among one of every problem the service path reports, some rows with several."""
    a, b = org.a.room.code, org.b.room.code
    outsider = EmployeeFactory(unit=org.b.room)
    mine = EmployeeFactory(unit=org.a.room, ranked=True)
    own = org.a.officer.employee
    born_1980 = make_national_id(11, datetime.date(1980, 4, 12), "F", 77)
    # Units whose validity leaves out a first assignment from the rows' recruitment on 2020-01-02.
    later = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_from=datetime.date(2020, 1, 3)).code
    ended = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_to=datetime.date(2025, 6, 30)).code

    def known(employee, **changes) -> dict:
        return {
            **EXTRA,
            ID: employee.national_id,
            NAME: employee.full_name,
            BIRTH: employee.date_of_birth.isoformat(),
            SEX: "Nam" if employee.sex == "M" else "Nữ",
            CATEGORY: employee.category,
            UNIT: employee.unit.code,
            RANK: employee.rank.code if employee.rank_id else "",
            STEP: str(employee.salary_step.step) if employee.salary_step_id else "",
            RECRUITED: employee.recruitment_date.isoformat(),
            **changes,
        }

    return [
        row(a, 1),
        row(a, 2, **{BIRTH: "31/02/1991"}),
        row("KHONG-CO", 3),
        row(a, 4, **{ID: "14191000004"}),
        row(a, 5, **{SEX: "Nam"}),
        row(a, 6, **{STEP: "99"}),
        row(a, 1),
        row(a, 8, **{CATEGORY: "ABC", NAME: ""}),
        row(b, 9),
        row(a, 10, **{"Mã chức vụ": "KHONG", RANK: "KHONG"}),
        row(a, 11, **{RANK: ""}),
        row(a, 12, **{STEP: "hai"}),
        row(a, 13, **{"Số CMND cũ": "12345", "Email": "khong-phai-email"}),
        row(a, 14, **{NAME: "Lò Thị " + "Hương " * 40}),
        row(a, 15, **{ID: "0111910000155"}),
        row(a, 16, **{ID: "000191000016"}),
        row("", 17),
        row(a, 18, **{ID: ""}),
        row(a, 19, **{ID: born_1980}),
        row(a, 20, **{BIRTH: "", RECRUITED: ""}),
        row(a, 21, **{"Trình độ chuyên môn": "XYZ", "Trạng thái": "Đang ngủ", "Dân tộc": "Mường " * 20}),
        row(a, 22, **{"Ngày hưởng bậc lương": "hôm qua", STEP: "2.5"}),
        row(a, 23, **{ID: "٠١١١٩١٠٠٠٠٢٣"}),
        row(a, 24, **{"Email": "x" * 250 + "@snv.vn", "Số CMND cũ": "1234567890"}),
        known(mine, **{NAME: "Tên đã sửa"}),
        known(mine),
        known(outsider, **{NAME: "Không được sửa"}),
        known(own, **{NAME: "Sửa chính mình"}),
        known(EmployeeFactory(unit=org.a.room, ranked=True), **{UNIT: org.a.unit.code, STEP: "4"}),
        known(EmployeeFactory(unit=org.a.room), **{BIRTH: "01/01/1960", CATEGORY: ""}),
        row(a, 25, **{"Trạng thái": "RETIRED", "Dân tộc": "Thái"}),
        row(later, 26),
        row(ended, 27, **{ID: "٠١١١٩١٠٠٠٠٢٧"}),
        row(later, 28, **{RECRUITED: "2020-01-03"}),
        row(later, 29, **{RECRUITED: "hôm kia"}),
    ]


def _snapshot(national_ids: set[str]) -> dict:
    """What the import wrote about these people, without ids and timestamps (people named by national ID)."""
    people = Employee.objects.filter(national_id__in=national_ids)
    by_pk = dict(Employee.objects.filter(national_id__in=national_ids).values_list("pk", "national_id"))
    history = Employee.history.model.objects.filter(id__in=by_pk)
    return {
        "employees": sorted(people.values_list(*EMPLOYEE_FIELDS)),
        "history": sorted(
            (
                by_pk[h["id"]],
                h["history_type"],
                h["history_user_id"],
                h["history_change_reason"],
                *tuple(h[f] for f in EMPLOYEE_FIELDS),
            )
            for h in history.values()
        ),
        "assignments": sorted(
            (by_pk[a["employee_id"]], *tuple(v for k, v in a.items() if k not in {"id", "employee_id", "created_at"}))
            for a in Assignment.objects.filter(employee_id__in=by_pk).values()
        ),
        "salary_records": sorted(
            (by_pk[s["employee_id"]], *tuple(v for k, v in s.items() if k not in {"id", "employee_id", "created_at"}))
            for s in SalaryRecord.objects.filter(employee_id__in=by_pk).values()
        ),
        # The national database feed's log (hr.PersonChange): the same rows whichever path wrote them.
        "changes": sorted(
            (by_pk[c["employee_id"]], c["source"], tuple(c["fields"]))
            for c in PersonChange.objects.filter(employee_id__in=by_pk).values("employee_id", "source", "fields")
        ),
        "timestamps": list(history.values_list("history_date", flat=True))
        + list(people.values_list("created_at", flat=True)),
    }


def _run(monkeypatch, importer, *, actor, rows: list[dict], dry_run: bool) -> tuple[dict, dict]:
    """Import `rows` with `importer`, take what it wrote, and undo it so the other path starts from the same data."""
    content = csv_bytes(rows)
    national_ids = {r[ID] for r in rows if r[ID]}
    with monkeypatch.context() as patch:
        patch.setitem(IMPORTERS, "employees", importer)
        with transaction.atomic():
            started = timezone.now()
            result = records_import(
                kind="employees", actor=actor, content=content, filename="can-bo.csv", dry_run=dry_run
            )
            snapshot = _snapshot(national_ids)
            new = [t for t in snapshot.pop("timestamps") if t >= started]
            assert all(t <= timezone.now() for t in new)
            snapshot["new_timestamps"] = len(new)
            snapshot["counts"] = (
                Employee.objects.count(),
                Employee.history.model.objects.count(),
                Assignment.objects.count(),
                SalaryRecord.objects.count(),
            )
            transaction.set_rollback(True)
    return result.as_dict(), snapshot


@pytest.fixture(params=["officer", "admin", "system"])
def actor(request, org):
    return {"officer": org.a.officer, "admin": org.admin, "system": None}[request.param]


@pytest.mark.parametrize("dry_run", [True, False])
def test_bad_file_reports_the_same_errors_and_writes_nothing(monkeypatch, org, actor, dry_run):
    rows = bad_rows(org)
    before = _snapshot({r[ID] for r in rows if r[ID]})
    service, service_wrote = _run(monkeypatch, EmployeeImporter, actor=actor, rows=rows, dry_run=dry_run)
    fast, fast_wrote = _run(monkeypatch, FastEmployeeImporter, actor=actor, rows=rows, dry_run=dry_run)
    assert len(service["errors"]) > 20
    assert fast == service
    assert fast_wrote == service_wrote
    before.pop("timestamps")
    assert {k: v for k, v in fast_wrote.items() if k not in {"counts", "new_timestamps"}} == before
    assert fast_wrote["new_timestamps"] == 0


@pytest.mark.parametrize("dry_run", [True, False])
def test_good_file_writes_the_same_rows_and_history(monkeypatch, org, actor, dry_run):
    rows = good_rows(org)
    service, service_wrote = _run(monkeypatch, EmployeeImporter, actor=actor, rows=rows, dry_run=dry_run)
    fast, fast_wrote = _run(monkeypatch, FastEmployeeImporter, actor=actor, rows=rows, dry_run=dry_run)
    assert service["errors"] == []
    assert (service["created"], service["updated"], service["unchanged"]) == (6, 1, 1)
    assert fast == service
    assert fast_wrote == service_wrote
    if not dry_run:
        history = [h for h in fast_wrote["history"] if h[1] == "+"]
        assert len(history) >= 6
        assert {h[2] for h in history if h[0] in {r[ID] for r in rows[:6]}} == {getattr(actor, "pk", None)}
        assert len(fast_wrote["salary_records"]) >= 5
        assert {c[1] for c in fast_wrote["changes"]} == {"hr.employee", "hr.assignment", "hr.salaryrecord"}


def test_random_files_report_the_same_errors(monkeypatch, org):
    """Hundreds of rows, each cell spoiled now and then, against a few known people."""
    rng = random.Random(15)
    spoilers = {
        BIRTH: ["", "30/02/1990", "1990-13-01", "12/04/1991"],
        SEX: ["", "X", "Nam", "Nữ"],
        CATEGORY: ["", "CONG_CHUC", "khác"],
        UNIT: ["", org.b.room.code, "NOPE", org.a.unit.code],
        RANK: ["", "NOPE", "01.003"],
        STEP: ["", "1", "12", "x", "3.0"],
        NAME: ["", "A" * 129],
        ID: ["", "12345", "097191000001"],
        "Email": ["bad", "ok@snv.vn"],
        "Trạng thái": ["", "ACTIVE", "??"],
    }
    known = EmployeeFactory.create_batch(5, unit=org.a.room, ranked=True)
    rows = []
    for serial in range(1, 301):
        cells = row(org.a.room.code, serial % 280)
        if serial % 37 == 0:
            cells[ID] = known[serial % 5].national_id
        for header, choices in spoilers.items():
            if rng.random() < 0.04:
                cells[header] = rng.choice(choices)
        rows.append(cells)
    service, _wrote = _run(monkeypatch, EmployeeImporter, actor=org.a.officer, rows=rows, dry_run=True)
    fast, _wrote = _run(monkeypatch, FastEmployeeImporter, actor=org.a.officer, rows=rows, dry_run=True)
    assert len(service["errors"]) > 50
    assert fast == service


def test_the_employee_import_is_the_fast_one():
    assert IMPORTERS["employees"] is FastEmployeeImporter


@pytest.mark.parametrize(
    "content",
    [
        "Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Phân loại,Mã đơn vị,Ngày tuyển dụng\n",
        "Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Phân loại,Mã đơn vị,Ngày tuyển dụng\n,,\n  , \n",
        "Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Phân loại,Mã đơn vị,Ngày tuyển dụng,Không biết\n1,2\n",
        "Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Phân loại,Mã đơn vị,Ngày tuyển dụng\n'=1+2,x,y\n",
    ],
)
def test_odd_files_answer_the_same(monkeypatch, org, content):
    """Header only, blank rows, an unknown column, short rows and a guarded formula cell."""
    answers = []
    for importer in (EmployeeImporter, FastEmployeeImporter):
        with monkeypatch.context() as patch:
            patch.setitem(IMPORTERS, "employees", importer)
            result = records_import(
                kind="employees", actor=org.admin, content=content.encode(), filename="a.csv", dry_run=True
            )
        answers.append(result.as_dict())
    assert answers[0] == answers[1]


def test_trailing_nul_characters_are_refused_alike(monkeypatch, org):
    """Trailing NULs (which numpy's fixed-width text would drop) are refused on both paths, whatever the length."""
    rows = [
        row(org.a.room.code, 1, **{NAME: "A" * 128 + "\x00"}),
        row(org.a.room.code, 2, **{"Dân tộc": "Thái" + "\x00" * 100}),
        row(org.a.room.code, 3, **{NAME: "A" * 127 + "\x00"}),
    ]
    service, _wrote = _run(monkeypatch, EmployeeImporter, actor=org.admin, rows=rows, dry_run=True)
    fast, _wrote = _run(monkeypatch, FastEmployeeImporter, actor=org.admin, rows=rows, dry_run=True)
    assert {error["row"] for error in service["errors"]} == {2, 3, 4}
    assert fast == service


def _read_both(content: bytes, filename: str) -> list:
    """`read_table`'s rows and `read_columns`' (cells, row numbers, headers, header errors), or the refusal."""
    answers = []
    for read in (read_table, columns.read_columns):
        errors = RowErrors()
        try:
            table = read(
                content,
                filename=filename,
                columns=EmployeeImporter.columns,
                ignored=EmployeeImporter.ignored,
                errors=errors,
            )
        except UnreadableFile as exc:
            answers.append((exc.code, str(exc), errors.as_list()))
            continue
        answers.append((table.rows, table.numbers, table.headers, errors.as_list()))
    return answers


CHUNKED_CSV = (
    "Số định danh cá nhân,Họ và tên,Ngày sinh,Giới tính,Không biết,Mã đơn vị\n"
    "011191000001,Lò Thị A,12/04/1991\n"
    "\n"
    ",,,,,\n"
    "011191000002, Cầm Văn B ,12/04/1991,Nam,x,PHONG,thừa,thừa nữa\n"
    "'=1+2\n"
    "\n"
    "\n"
    ",,,,,  \n"
    "011191000003,Lò Thị C\n"
    "011191000004\n"
)


@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 20_000])
def test_rows_read_in_chunks_come_out_as_read_table_gives_them(monkeypatch, chunk_rows):
    """Blank rows, short and long rows, an unknown column and a guarded cell, on both sides of chunk boundaries."""
    monkeypatch.setattr(columns, "CHUNK_ROWS", chunk_rows)
    table, by_columns = _read_both(CHUNKED_CSV.encode(), "a.csv")
    assert table == by_columns
    assert table[1] == [2, 5, 6, 10, 11]
    assert table[3]  # the unknown column


def test_a_workbook_read_in_chunks_comes_out_as_read_table_gives_it(monkeypatch, org):
    monkeypatch.setattr(columns, "CHUNK_ROWS", 2)
    rows = [row(org.a.room.code, serial) for serial in range(1, 6)]
    rows[2] = dict.fromkeys(rows[2], "")
    table, by_columns = _read_both(xlsx_bytes(rows), "a.xlsx")
    assert table == by_columns
    assert table[1] == [2, 3, 5, 6]


@pytest.mark.parametrize(
    "content, code",
    [
        (CHUNKED_CSV.encode(), "too_many_rows"),  # five filled rows past a limit of four
        (CHUNKED_CSV.encode() + b"\n" * 20, "too_many_rows"),  # blank rows past twice the limit and the allowance
        (CHUNKED_CSV.encode() + "Lò Thị D".encode("utf-16"), "unreadable_file"),
        (b"", "unreadable_file"),
        (b"x" * 101, "file_too_large"),
    ],
)
def test_a_file_read_in_chunks_is_refused_as_read_table_refuses_it(monkeypatch, settings, content, code):
    monkeypatch.setattr(columns, "CHUNK_ROWS", 2)
    monkeypatch.setattr("exchange.tables.BLANK_ROW_ALLOWANCE", 1)
    settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_BYTES = 4, 100 if code == "file_too_large" else 10_000
    table, by_columns = _read_both(content, "a.csv")
    assert table == by_columns
    assert table[0] == code


def _accepted(value: str) -> bool:
    try:
        validate_national_id(value)
    except ValidationError:
        return False
    return True


def test_the_column_check_of_national_ids_is_the_validator():
    """The vectorised mask accepts exactly the numbers hr.identity accepts, hostile digits included."""
    this_year = datetime.date.today().year
    values = [
        "014090012345",
        "001090012345",
        "096090012345",
        "000090012345",
        "097090012345",
        make_national_id(14, datetime.date(this_year, 1, 1), "F", 1),
        make_national_id(14, datetime.date(this_year + 1, 1, 1), "F", 1),
        "014890000001",
        "٠١٤٠٩٠٠١٢٣٤٥",
        "０１４０９００１２３４５",
        "०१४०९००१२३४५",
        "01409001234５",
        "01409001234²",
        "01409001234",
        "0140900123456",
        "01409001234a",
        "",
        " 14090012345",
    ]
    cells = np.array(values, dtype=object)
    assert national_id_plausible(cells).tolist() == [_accepted(v) for v in values]


def test_an_attribute_is_read_per_distinct_object_and_none_stays_none():
    class Step:
        reads = 0

        def __init__(self, pk):
            self._pk = pk

        @property
        def pk(self):
            Step.reads += 1
            return self._pk

    first, second = Step(7), Step(7)  # equal keys, distinct objects
    objects = np.array([first, None, second, first, None, second, first], dtype=object)
    assert _attribute(objects, "pk").tolist() == [7, None, 7, 7, None, 7, 7]
    assert Step.reads == 2
    assert _attribute(np.array([], dtype=object), "pk").tolist() == []
    assert _attribute(np.array([None, None], dtype=object), "pk").tolist() == [None, None]


@pytest.mark.parametrize("dry_run", [True, False])
@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b"])
def test_a_forbidden_character_in_any_cell_is_a_row_error_on_both_paths(monkeypatch, org, dry_run, character):
    """NUL reached PostgreSQL (a 500: it stores no NUL); now both paths refuse the cell and write nothing."""
    rows = good_rows(org)
    before = _snapshot({r[ID] for r in rows if r[ID]})
    columns = [column for column in rows[0] if column != ID]  # the national ID: see the API test
    for n, row in enumerate(rows[:4]):
        column = columns[n % len(columns)]
        row[column] = f"{row[column]}{character}" if row[column] else character
    service, service_wrote = _run(monkeypatch, EmployeeImporter, actor=org.admin, rows=rows, dry_run=dry_run)
    fast, fast_wrote = _run(monkeypatch, FastEmployeeImporter, actor=org.admin, rows=rows, dry_run=dry_run)
    assert fast == service
    forbidden = [e for e in service["errors"] if e["message"] == str(FORBIDDEN_MESSAGE)]
    assert [(e["row"], e["column"]) for e in forbidden] == [(2 + n, columns[n % len(columns)]) for n in range(4)]
    assert fast_wrote == service_wrote
    before.pop("timestamps")
    assert {k: v for k, v in fast_wrote.items() if k not in {"counts", "new_timestamps"}} == before


@pytest.mark.postgres
@pytest.mark.parametrize(("first_part_rows", "part_rows"), [(1, 1), (3, 3), (2, 3)])
@pytest.mark.parametrize("kind", ["good", "bad", "bad in the last row"])
def test_a_real_run_written_in_parts_answers_and_writes_as_the_service_path(
    monkeypatch, org, actor, first_part_rows, part_rows, kind
):
    """On PostgreSQL the new people are written part by part, each part made while the one before is written:
    the same result, rows and history as the service path. The whole file is checked first: a bad row, even the
    last, means no part is written at all (no rows to roll back)."""
    rows = good_rows(org) if kind != "bad" else bad_rows(org)
    if kind == "bad in the last row":
        rows = [*rows, row(org.a.room.code, 40, **{BIRTH: "31/02/1991"})]
    before = _snapshot({r[ID] for r in rows if r[ID]})
    before.pop("timestamps")
    service, service_wrote = _run(monkeypatch, EmployeeImporter, actor=actor, rows=rows, dry_run=False)
    written = []
    load_part = employee_services._load_part
    monkeypatch.setattr(
        employee_services, "_load_part", lambda *args: written.append(len(args[1].splitlines())) or load_part(*args)
    )
    monkeypatch.setattr(FastEmployeeImporter, "PART_ROWS", part_rows)
    monkeypatch.setattr(FastEmployeeImporter, "FIRST_PART_ROWS", first_part_rows)
    fast, fast_wrote = _run(monkeypatch, FastEmployeeImporter, actor=actor, rows=rows, dry_run=False)
    assert fast == service
    assert fast_wrote == service_wrote
    if kind == "good":
        assert service["errors"] == [] and service["created"] == 6
        assert written[0] == first_part_rows and sum(written) == 6 and max(written) <= part_rows
    else:
        assert service["errors"]
        assert written == []
        assert {k: v for k, v in fast_wrote.items() if k not in {"counts", "new_timestamps"}} == before


@pytest.mark.parametrize("extra", [[], ["a\x1fb"], ["", "000000000000"]])
def test_the_known_people_are_found_by_one_look_up(org, extra):
    known = EmployeeFactory.create_batch(3, unit=org.a.room)
    wanted = [known[0].national_id, make_national_id(14, datetime.date(1990, 1, 1), "M", 991), known[2].national_id]
    importer = FastEmployeeImporter(actor=None, errors=RowErrors())
    found = importer._existing([*wanted, *extra])
    assert found == {known[0].national_id: known[0], known[2].national_id: known[2]}
    assert importer._existing([]) == {}
