"""The dossier's group records through the exchange path: one row per person, one column per catalogue field.

Import with dry run and all-or-nothing through `group_record_update`, errors per row and column, the export's
round trip, the sensitive groups' export and import rules, and the export as a job above the threshold.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dossier.models import FieldDefinition, GroupRecord
from dossier.services.records import group_record_update
from hr.models import PersonChange
from tests.dossier.helpers import identity_values, place
from tests.exchange.conftest import csv_bytes, export_url, read_download, upload, xlsx_bytes
from tests.factories import EmployeeFactory
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db
ID = "Số định danh cá nhân"
IDENTITY_IMPORT = "/api/v1/imports/dossier-group-identity/"
IDENTITY_EXPORT = "/api/v1/exports/dossier-group-identity/"
HEALTH_IMPORT = "/api/v1/imports/dossier-group-health/"
HEALTH_EXPORT = "/api/v1/exports/dossier-group-health/"
BIRTH, HOMETOWN, RESIDENCE, RELIGION = "Nơi sinh", "Quê quán", "Nơi đăng ký thường trú", "Tôn giáo"


def _errors(response) -> set:
    return {(e["row"], e["column"]) for e in response.data["errors"]}


def identity_row(employee, **changes) -> dict:
    row = {
        ID: employee.national_id,
        BIRTH: "SL-TPSL-CHIENGCOI",
        HOMETOWN: "TB",
        RESIDENCE: "Tổ 3, phường Chiềng Cơi, tỉnh Sơn La",
        RELIGION: "Không",
        "Ngày cấp thẻ căn cước": "15/03/2021",
    }
    row.update(changes)
    return row


def _records():
    return GroupRecord.objects.all()


class TestIdentityImport:
    def test_dry_run_then_real_run_then_unchanged(self, org, post_import):
        staff = org.a.staff.employee
        content = xlsx_bytes([identity_row(staff), identity_row(org.a.manager.employee)])
        with unchanged(_records()), unchanged(PersonChange.objects.all()):
            dry = post_import(org.a.officer, content, name="ll.xlsx", dry_run=True, url=IDENTITY_IMPORT)
        assert (dry.status_code, dry.data["created"], dry.data["errors"]) == (200, 2, [])
        real = post_import(org.a.officer, content, name="ll.xlsx", url=IDENTITY_IMPORT)
        assert (real.status_code, real.data["created"]) == (200, 2), real.data
        record = GroupRecord.objects.get(employee=staff, group="IDENTITY")
        assert record.values == identity_values(id_issue_date="2021-03-15")
        assert record.history.first().history_user == org.a.officer
        # The service logged each person once for the national feed; the same file again changes nothing.
        assert PersonChange.objects.count() == 2
        with unchanged(_records()), unchanged(PersonChange.objects.all()):
            again = post_import(org.a.officer, content, name="ll.xlsx", url=IDENTITY_IMPORT)
        assert (again.status_code, again.data["unchanged"]) == (200, 2)

    def test_a_changed_value_updates_and_a_left_out_column_keeps_its_value(self, org, post_import):
        staff = org.a.staff.employee
        group_record_update(actor=org.a.officer, employee=staff, group="IDENTITY", values=identity_values())
        # Only the religion column: the places and the residence stay as they are.
        content = csv_bytes([{ID: staff.national_id, RELIGION: "Phật giáo"}])
        response = post_import(org.a.officer, content, url=IDENTITY_IMPORT)
        assert (response.status_code, response.data["updated"]) == (200, 1), response.data
        assert GroupRecord.objects.get(employee=staff).values == identity_values(religion="Phật giáo")

    def test_a_place_by_a_name_only_it_bears(self, org, post_import):
        staff = org.a.staff.employee
        row = identity_row(staff, **{HOMETOWN: place("TB").name})
        response = post_import(org.a.officer, csv_bytes([row]), url=IDENTITY_IMPORT)
        assert response.status_code == 200, response.data
        assert GroupRecord.objects.get(employee=staff).values["hometown"] == place("TB").pk

    def test_a_name_two_units_bear_is_refused(self, org, post_import):
        # The ward kept its name through the 2025 merger: two units, before and after, are "phường Chiềng Cơi".
        assert place("SL-TPSL-CHIENGCOI").name == place("SL-P-CHIENGCOI").name
        row = identity_row(org.a.staff.employee, **{BIRTH: place("SL-P-CHIENGCOI").name})
        with unchanged(_records()):
            response = post_import(org.a.officer, csv_bytes([row]), url=IDENTITY_IMPORT)
        assert _errors(response) == {(2, BIRTH)}

    def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_written(self, org, post_import):
        people = [EmployeeFactory(unit=org.a.room) for _ in range(4)]
        rows = [
            identity_row(org.a.staff.employee),  # good, yet not written: the file is all or nothing
            identity_row(people[0], **{BIRTH: "KHONG-CO"}),  # no such place
            identity_row(people[1], **{"Ngày cấp thẻ căn cước": "2999-01-01"}),  # future_date
            identity_row(people[2], **{HOMETOWN: ""}),  # required by the catalogue
            identity_row(org.b.staff.employee),  # agency B: out of the officer's scope
            identity_row(org.a.staff.employee, **{ID: "000000000000"}),  # nobody
            identity_row(people[3], **{RELIGION: "x" * 65}),  # longer than the catalogue allows
        ]
        with unchanged(_records()), unchanged(PersonChange.objects.all()):
            response = post_import(org.a.officer, csv_bytes(rows), url=IDENTITY_IMPORT)
        assert response.status_code == 400
        assert _errors(response) == {
            (3, BIRTH),
            (4, "Ngày cấp thẻ căn cước"),
            (5, HOMETOWN),
            (6, ID),
            (7, ID),
            (8, RELIGION),
        }

    def test_a_person_twice_in_the_file_is_refused_on_the_second_row(self, org, post_import):
        staff = org.a.staff.employee
        rows = [identity_row(staff), identity_row(staff, **{RELIGION: "Phật giáo"})]
        with unchanged(_records()):
            response = post_import(org.a.officer, csv_bytes(rows), url=IDENTITY_IMPORT)
        assert _errors(response) == {(3, ID)}
        assert "2" in response.data["errors"][0]["message"]

    def test_an_unknown_column_refuses_the_file(self, org, post_import):
        content = csv_bytes([identity_row(org.a.staff.employee, **{"Dân tộc": "Thái"})])  # hr's field, not here
        with unchanged(_records()):
            response = post_import(org.a.officer, content, url=IDENTITY_IMPORT)
        assert response.status_code == 400
        assert response.data["errors"][0]["column"] == "Dân tộc"

    def test_own_record_is_refused(self, org, post_import):
        with unchanged(_records()):
            response = post_import(
                org.a.officer, csv_bytes([identity_row(org.a.officer.employee)]), url=IDENTITY_IMPORT
            )
        assert _errors(response) == {(2, ID)}


class TestWhoImports:
    @pytest.mark.parametrize("who", ["staff", "manager"])
    def test_only_the_personnel_office_imports_a_sensitive_group(self, org, as_user, who):
        content = csv_bytes([{ID: org.a.staff.employee.national_id, "Nhóm máu": "O"}])
        client = as_user(getattr(org.a, who))
        with unchanged(_records()):
            response = client.post(HEALTH_IMPORT, {"file": upload(content), "dry_run": "false"}, format="multipart")
        assert response.status_code == 403

    def test_officer_and_admin_import_health(self, org, post_import):
        content = csv_bytes([{ID: org.a.staff.employee.national_id, "Nhóm máu": "O", "Chiều cao (cm)": "165"}])
        response = post_import(org.a.officer, content, url=HEALTH_IMPORT)
        assert (response.status_code, response.data["created"]) == (200, 1), response.data
        assert GroupRecord.objects.get(group="HEALTH").values == {"blood_type": "O", "height_cm": 165}
        content = csv_bytes([{ID: org.a.staff.employee.national_id, "Nhóm máu": "Z"}])
        with unchanged(_records()):
            response = post_import(org.admin, content, url=HEALTH_IMPORT)
        assert _errors(response) == {(2, "Nhóm máu")}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_round_trips_through_the_import(org, post_import, as_user, fmt):
    staff = org.a.staff.employee
    group_record_update(
        actor=org.a.officer, employee=staff, group="IDENTITY", values=identity_values(id_issue_date="2021-03-15")
    )
    response = as_user(org.a.officer).get(export_url(IDENTITY_EXPORT, fmt))
    assert response.status_code == 200
    frame = read_download(response)
    assert list(frame.columns[:4]) == [ID, "Họ và tên", "Số hiệu cán bộ, công chức", "Tên gọi khác"]
    row = frame[frame[ID] == staff.national_id].iloc[0]
    assert (row["Họ và tên"], row[BIRTH], row[HOMETOWN]) == (staff.full_name, "SL-TPSL-CHIENGCOI", "TB")
    # People without a record are exported blank; re-importing only the filled row leaves the record unchanged.
    rows = [r for r in frame.to_dict("records") if r[ID] == staff.national_id]
    with unchanged(_records()), unchanged(PersonChange.objects.all()):
        again = post_import(org.a.officer, csv_bytes(rows), url=IDENTITY_IMPORT)
    assert (again.status_code, again.data["unchanged"]) == (200, 1), again.data


class TestSensitiveExport:
    @pytest.fixture
    def health(self, org):
        for employee in (org.a.staff.employee, org.b.staff.employee):
            group_record_update(actor=None, employee=employee, group="HEALTH", values={"blood_type": "A"})

    def test_the_office_and_the_administration_read_their_people(self, org, as_user, health):
        officer = read_download(as_user(org.a.officer).get(export_url(HEALTH_EXPORT, "csv")))
        admin = read_download(as_user(org.admin).get(export_url(HEALTH_EXPORT, "csv")))
        assert org.a.staff.employee.national_id in set(officer[ID])
        assert org.b.staff.employee.national_id not in set(officer[ID])
        assert set(admin[admin["Nhóm máu"] == "A"][ID]) == {
            org.a.staff.employee.national_id,
            org.b.staff.employee.national_id,
        }

    def test_staff_read_only_their_own(self, org, as_user, health):
        frame = read_download(as_user(org.a.staff).get(export_url(HEALTH_EXPORT, "csv")))
        assert (list(frame[ID]), list(frame["Nhóm máu"])) == ([org.a.staff.employee.national_id], ["A"])

    @pytest.mark.parametrize("fmt", ["xlsx", "csv"])
    def test_managers_are_refused_as_the_dossier_refuses_them(self, org, as_user, health, fmt):
        refused(as_user(org.a.manager).get(export_url(HEALTH_EXPORT, fmt)), "sensitive_group")

    def test_managers_export_a_group_that_is_not_sensitive(self, org, as_user):
        response = as_user(org.a.manager).get(export_url(IDENTITY_EXPORT, "csv"))
        assert response.status_code == 200


def test_the_export_reads_a_constant_number_of_queries(org, as_user, settings):
    settings.EXCHANGE_EXPORT_JOB_ROWS = 10**9
    client = as_user(org.admin)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            read_download(client.get(export_url(IDENTITY_EXPORT, "csv")))
        return len(queries)

    before = count()
    for _ in range(5):
        employee = EmployeeFactory(unit=org.a.room)
        group_record_update(actor=None, employee=employee, group="IDENTITY", values=identity_values())
    assert count() == before


def test_above_the_threshold_the_export_is_a_job_with_the_same_file(
    org, as_user, settings, django_capture_on_commit_callbacks
):
    group_record_update(actor=None, employee=org.a.staff.employee, group="IDENTITY", values=identity_values())
    client = as_user(org.a.officer)
    settings.EXCHANGE_EXPORT_JOB_ROWS = 10**9
    direct = client.get(export_url(IDENTITY_EXPORT, "csv"))
    settings.EXCHANGE_EXPORT_JOB_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(export_url(IDENTITY_EXPORT, "csv"))
    assert response.status_code == 202, getattr(response, "data", None)
    job = client.get(response["Location"]).data
    download = client.get(job["download_url"])
    content = b"".join(download.streaming_content) if download.streaming else download.content
    assert content == direct.content


def test_the_columns_follow_the_catalogue_in_force(org, as_user, post_import):
    # A field whose validity ends today is still a column; ended yesterday, the export drops it and a file
    # holding it is refused at its header, as the catalogue says (its key is no longer in force).
    field = FieldDefinition.objects.get(key="social_insurance_number")
    field.valid_to = timezone.localdate()
    field.save()
    header = field.label_vi
    assert header in read_download(as_user(org.a.officer).get(export_url(IDENTITY_EXPORT, "csv"))).columns
    field.valid_to = timezone.localdate() - datetime.timedelta(days=1)
    field.save()
    assert header not in read_download(as_user(org.a.officer).get(export_url(IDENTITY_EXPORT, "csv"))).columns
    content = csv_bytes([identity_row(org.a.staff.employee, **{header: "5412345678"})])
    with unchanged(_records()):
        response = post_import(org.a.officer, content, url=IDENTITY_IMPORT)
    assert (response.status_code, response.data["errors"][0]["column"]) == (400, header)
