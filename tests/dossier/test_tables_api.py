"""The dossier's tables: each rule refuses with its code and writes nothing; rows keep history; lists stay constant."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossier.models import Allowance, FamilyMember, PositionHolding, Qualification
from dossier.services.positions import job_position_save
from dossier.services.tables import allowance_save, family_member_save, qualification_save
from tests.refusals import refused, unchanged
from tests.training.factories import trained

pytestmark = pytest.mark.django_db
API = "/api/v1/dossier"


def _position(org, agency=None, code="CV-TH"):
    return job_position_save(
        actor=None,
        agency=agency or org.a.unit,
        code=code,
        name="Chuyên viên tổng hợp",
        group="CHUYEN_MON_NGHIEP_VU",
        valid_from=datetime.date(2020, 1, 1),
    )


def _degree(org, **changes):
    body = {
        "employee": org.a.staff.employee.pk,
        "kind": "DEGREE",
        "level": "Đại học",
        "institution": "Trường Đại học Tây Bắc",
        "start_year": 2008,
        "end_year": 2012,
        "mode": "CHINH_QUY",
    }
    return {**body, **changes}


class TestQualifications:
    @pytest.mark.parametrize(
        ("changes", "code", "field"),
        [
            ({"end_year": 2007}, "years_reversed", "end_year"),
            ({"start_year": 2999, "end_year": None}, "future_year", "start_year"),
        ],
    )
    def test_rules(self, org, as_user, changes, code, field):
        with unchanged(Qualification.objects.all()):
            refused(as_user(org.a.officer).post(f"{API}/qualifications/", _degree(org, **changes)), code, field=field)

    def test_training_certificate_must_be_the_persons_and_of_a_certified_kind(self, org, as_user):
        mine = trained(org.admin, org.a.staff.employee, end=datetime.date(2025, 3, 7), certify=True).certificate
        theirs = trained(org.admin, org.a.manager.employee, end=datetime.date(2025, 3, 7), certify=True).certificate
        client = as_user(org.a.officer)
        with unchanged(Qualification.objects.all()):
            body = _degree(org, kind="POLITICAL_THEORY", level="Trung cấp", certificate=theirs.pk)
            refused(client.post(f"{API}/qualifications/", body), "certificate_not_own", field="certificate")
            refused(client.post(f"{API}/qualifications/", _degree(org, certificate=mine.pk)), "certificate_kind")
        body = _degree(org, kind="POLITICAL_THEORY", level="Trung cấp", certificate=mine.pk)
        assert client.post(f"{API}/qualifications/", body).status_code == 201

    def test_update_keeps_history(self, org, as_user):
        client = as_user(org.a.officer)
        created = client.post(f"{API}/qualifications/", _degree(org)).data
        assert client.put(f"{API}/qualifications/{created['id']}/", _degree(org, level="Thạc sĩ")).status_code == 200
        history = client.get(f"{API}/qualifications/{created['id']}/history/").data["results"]
        assert [entry["history_type"] for entry in history] == ["changed", "created"]
        assert history[0]["changes"] == [{"field": "level", "old": "Đại học", "new": "Thạc sĩ"}]
        assert history[0]["history_user"] == "officer_snv"

    def test_list_costs_the_same_whatever_its_length(self, org, as_user):
        client = as_user(org.a.officer)
        qualification_save(actor=None, **{**_degree(org), "employee": org.a.staff.employee})
        with CaptureQueriesContext(connection) as one:
            assert client.get(f"{API}/qualifications/").data["count"] == 1
        for year in (2013, 2016):
            qualification_save(
                actor=None, **{**_degree(org, start_year=year, end_year=year + 1), "employee": org.a.staff.employee}
            )
        with CaptureQueriesContext(connection) as three:
            assert client.get(f"{API}/qualifications/").data["count"] == 3
        assert len(one) == len(three)


class TestFamily:
    def test_spouse_side_lists_parents_and_siblings_only(self, org, as_user):
        body = {
            "employee": org.a.staff.employee.pk,
            "side": "SPOUSE",
            "relation": "CHILD",
            "full_name": "A",
            "birth_year": 2015,
        }
        with unchanged(FamilyMember.objects.all()):
            refused(
                as_user(org.a.officer).post(f"{API}/family-members/", body), "relation_side_mismatch", field="relation"
            )

    def test_managers_list_no_family(self, org, as_user):
        family_member_save(
            actor=None, employee=org.a.staff.employee, side="SELF", relation="MOTHER", full_name="B", birth_year=1960
        )
        assert as_user(org.a.manager).get(f"{API}/family-members/").data["count"] == 0
        assert as_user(org.a.officer).get(f"{API}/family-members/").data["count"] == 1
        assert as_user(org.a.staff).get(f"{API}/family-members/").data["count"] == 1
        assert as_user(org.b.officer).get(f"{API}/family-members/").data["count"] == 0


class TestPositionsAndAllowances:
    def test_position_of_another_agency_and_overlap(self, org, as_user):
        client = as_user(org.admin)
        other = _position(org, agency=org.b.unit, code="XA-1")
        body = {"employee": org.a.staff.employee.pk, "job_position": other.pk, "start_date": "2023-01-01"}
        with unchanged(PositionHolding.objects.all()):
            refused(client.post(f"{API}/position-holdings/", body), "position_other_agency", field="job_position")
        body["job_position"] = _position(org).pk
        assert client.post(f"{API}/position-holdings/", body).status_code == 201
        body["start_date"] = "2024-06-01"
        with unchanged(PositionHolding.objects.all()):
            refused(client.post(f"{API}/position-holdings/", body), "holding_overlap", field="start_date")

    def test_job_positions_per_agency_only(self, org, as_user):
        body = {
            "agency": org.a.room.pk,
            "code": "R1",
            "name": "X",
            "group": "HO_TRO_PHUC_VU",
            "valid_from": "2024-01-01",
        }
        refused(as_user(org.a.officer).post(f"{API}/job-positions/", body), "not_an_agency", field="agency")

    def test_allowance_value_and_overlap_at_the_boundary(self, org, as_user):
        client = as_user(org.a.officer)
        employee = org.a.staff.employee
        body = {
            "employee": employee.pk,
            "kind": "SENIORITY_ABOVE_SCALE",
            "coefficient": "0.5",
            "start_date": "2024-01-01",
        }
        with unchanged(Allowance.objects.all()):
            refused(client.post(f"{API}/allowances/", body), "allowance_value", field="percent")
        allowance_save(
            actor=None,
            employee=employee,
            kind="REGIONAL",
            coefficient=Decimal("0.50"),
            start_date=datetime.date(2020, 1, 1),
            end_date=datetime.date(2024, 12, 31),
        )
        regional = {"employee": employee.pk, "kind": "REGIONAL", "coefficient": "0.70", "start_date": "2024-12-31"}
        with unchanged(Allowance.objects.all()):
            refused(client.post(f"{API}/allowances/", regional), "allowance_overlap", field="start_date")
        regional["start_date"] = "2025-01-01"
        assert client.post(f"{API}/allowances/", regional).status_code == 201


def test_a_row_stays_with_its_person_and_a_position_with_its_agency(org, as_user):
    client = as_user(org.admin)
    created = client.post(f"{API}/qualifications/", _degree(org)).data
    with unchanged(Qualification.objects.all()):
        moved = client.put(f"{API}/qualifications/{created['id']}/", _degree(org, employee=org.a.manager.employee.pk))
    refused(moved, "employee_fixed", field="employee")
    position = _position(org)
    body = {
        "agency": org.b.unit.pk,
        "code": "CV-TH",
        "name": "X",
        "group": "HO_TRO_PHUC_VU",
        "valid_from": "2020-01-01",
    }
    refused(client.put(f"{API}/job-positions/{position.pk}/", body), "agency_fixed", field="agency")
