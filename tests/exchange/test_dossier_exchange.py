"""The dossier's tables through the exchange path: import with dry run and all-or-nothing, export, round trip."""

import datetime

import pytest

from dossier.models import Allowance, FamilyMember, PositionHolding, Qualification
from dossier.services.positions import job_position_save
from hr.models import PersonChange
from sync.registry import groups_of_change
from tests.exchange.conftest import csv_bytes, export_url, read_download, upload, xlsx_bytes
from tests.refusals import unchanged

pytestmark = pytest.mark.django_db
ID = "Số định danh cá nhân"


def _errors(response) -> set:
    return {(e["row"], e["column"]) for e in response.data["errors"]}


def degree_rows(org):
    staff = org.a.staff.employee.national_id
    return [
        {
            ID: staff,
            "Loại": "DEGREE",
            "Trình độ": "Đại học",
            "Tên trường": "Trường Đại học Tây Bắc",
            "Chuyên ngành": "Luật",
            "Từ năm": "2008",
            "Đến năm": "2012",
            "Hình thức": "Chính quy",
        },
        {
            ID: staff,
            "Loại": "Ngoại ngữ",
            "Trình độ": "B1",
            "Tên trường": "Trường Đại học Tây Bắc",
            "Từ năm": "2013",
            "Hình thức": "TAP_TRUNG",
            "Văn bằng, chứng chỉ": "Chứng chỉ B1",
        },
    ]


class TestQualificationImport:
    URL = "/api/v1/imports/dossier-qualifications/"

    def test_dry_run_then_real_run_then_unchanged(self, org, post_import):
        content = xlsx_bytes(degree_rows(org))
        with unchanged(Qualification.objects.all()):
            dry = post_import(org.a.officer, content, name="vb.xlsx", dry_run=True, url=self.URL)
        assert (dry.status_code, dry.data["created"], dry.data["errors"]) == (200, 2, [])
        real = post_import(org.a.officer, content, name="vb.xlsx", url=self.URL)
        assert (real.status_code, real.data["created"]) == (200, 2)
        row = Qualification.objects.get(level="Đại học")
        assert (row.mode, row.history.first().history_user) == ("CHINH_QUY", org.a.officer)
        again = post_import(org.a.officer, content, name="vb.xlsx", url=self.URL)
        assert again.data["unchanged"] == 2

    def test_one_bad_row_writes_nothing(self, org, post_import):
        rows = degree_rows(org)
        rows[1]["Đến năm"] = "2010"  # before its start: the service's years_reversed
        rows.append({**rows[0], ID: org.b.staff.employee.national_id})  # agency B: out of scope for A's officer
        with unchanged(Qualification.objects.all()):
            response = post_import(org.a.officer, csv_bytes(rows), url=self.URL)
        assert response.status_code == 400
        assert _errors(response) == {(3, "Đến năm"), (4, ID)}

    def test_imported_rows_reach_the_national_feed_once(self, org, post_import):
        # The importer calls the dossier's service, which logs each row in its own transaction: a dry run, a
        # refused file and a second import of the same rows log nothing.
        content = csv_bytes(degree_rows(org))
        with unchanged(PersonChange.objects.all()):
            post_import(org.a.officer, content, dry_run=True, url=self.URL)
        bad = degree_rows(org)
        bad[1]["Đến năm"] = "2010"
        with unchanged(PersonChange.objects.all()):
            assert post_import(org.a.officer, csv_bytes(bad), url=self.URL).status_code == 400
        post_import(org.a.officer, content, url=self.URL)
        logged = list(PersonChange.objects.order_by("id").values_list("source", "object_id", "fields"))
        rows = sorted(Qualification.objects.values_list("pk", flat=True))
        assert logged == [("dossier.qualification", pk, []) for pk in rows]
        assert groups_of_change("dossier.qualification", []) == ["education"]
        with unchanged(PersonChange.objects.all()):
            assert post_import(org.a.officer, content, url=self.URL).data["unchanged"] == 2


class TestOtherTables:
    def test_family_allowances_and_positions(self, org, post_import):
        staff = org.a.staff.employee.national_id
        family = [
            {ID: staff, "Bên": "SELF", "Quan hệ": "Mẹ", "Họ và tên thân nhân": "Lò Thị Hương", "Năm sinh": "1962"}
        ]
        response = post_import(org.a.officer, csv_bytes(family), url="/api/v1/imports/dossier-family/")
        assert (response.status_code, response.data["created"]) == (200, 1), response.data
        assert FamilyMember.objects.get().relation == "MOTHER"
        allowances = [{ID: staff, "Loại phụ cấp": "REGIONAL", "Hệ số": "0,5", "Từ ngày": "01/01/2024"}]
        response = post_import(org.a.officer, csv_bytes(allowances), url="/api/v1/imports/dossier-allowances/")
        assert (response.status_code, str(Allowance.objects.get().coefficient)) == (200, "0.50")
        job_position_save(
            actor=None,
            agency=org.a.unit,
            code="CV-TH",
            name="Chuyên viên tổng hợp",
            group="CHUYEN_MON_NGHIEP_VU",
            valid_from=datetime.date(2020, 1, 1),
        )
        positions = [
            {ID: staff, "Mã vị trí việc làm": "CV-TH", "Từ ngày": "2024-01-01"},
            {ID: staff, "Mã vị trí việc làm": "KHONG-CO", "Từ ngày": "2020-01-01"},
        ]
        with unchanged(PositionHolding.objects.all()):
            response = post_import(org.a.officer, csv_bytes(positions), url="/api/v1/imports/dossier-positions/")
        assert _errors(response) == {(3, "Mã vị trí việc làm")}
        response = post_import(org.a.officer, csv_bytes(positions[:1]), url="/api/v1/imports/dossier-positions/")
        assert response.data["created"] == 1

    def test_staff_may_not_import(self, org, as_user):
        content = csv_bytes(degree_rows(org))
        response = as_user(org.a.staff).post(
            "/api/v1/imports/dossier-qualifications/", {"file": upload(content), "dry_run": "true"}, format="multipart"
        )
        assert response.status_code == 403


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_round_trips_through_the_import(org, post_import, as_user, fmt):
    post_import(org.a.officer, csv_bytes(degree_rows(org)), url="/api/v1/imports/dossier-qualifications/")
    response = as_user(org.a.officer).get(export_url("/api/v1/exports/dossier-qualifications/", fmt))
    assert response.status_code == 200
    frame = read_download(response)
    assert list(frame[ID]) == [org.a.staff.employee.national_id] * 2
    assert set(frame["Trình độ"]) == {"Đại học", "B1"}
    rows = frame.to_dict("records")
    again = post_import(org.a.officer, csv_bytes(rows), url="/api/v1/imports/dossier-qualifications/")
    assert (again.status_code, again.data["unchanged"]) == (200, 2), again.data


def test_family_export_follows_the_sensitive_rule(org, post_import, as_user):
    staff = org.a.staff.employee.national_id
    family = [{ID: staff, "Bên": "SELF", "Quan hệ": "Mẹ", "Họ và tên thân nhân": "Lò Thị Hương", "Năm sinh": "1962"}]
    post_import(org.a.officer, csv_bytes(family), url="/api/v1/imports/dossier-family/")
    officer = read_download(as_user(org.a.officer).get("/api/v1/exports/dossier-family/csv/"))
    manager = read_download(as_user(org.a.manager).get("/api/v1/exports/dossier-family/csv/"))
    assert (len(officer), len(manager)) == (1, 0)
