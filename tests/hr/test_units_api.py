"""Organisation-unit endpoints: the tree, subtree queries, effective dates, lineage, roles."""

import datetime

import pytest

from hr.models import OrgUnit
from hr.selectors.units import unit_agency, unit_subtree
from hr.services.units import unit_update
from tests.factories import OrgUnitFactory
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db

LIST = "/api/v1/units/"


def detail(unit, suffix=""):
    return f"/api/v1/units/{unit.pk}/{suffix}"


def codes(response):
    return {row["code"] for row in response.json()["results"]}


class TestUnitReads:
    @pytest.mark.parametrize("role", ["staff", "manager", "officer"])
    def test_everyone_signed_in_reads_the_organisation_chart(self, as_user, org, role):
        response = as_user(getattr(org.a, role)).get(LIST)
        assert response.status_code == 200
        assert {"SL", "SNV", "XMB"} <= codes(response)

    def test_anonymous_gets_401(self, api, org):
        assert api.get(LIST).status_code == 401

    def test_subtree_filter_and_valid_on(self, as_user, org):
        district = OrgUnitFactory(
            code="H-MUONGLA", kind="HUYEN", level="HUYEN", parent=org.province, valid_to=datetime.date(2025, 6, 30)
        )
        client = as_user(org.a.staff)
        assert codes(client.get(LIST, {"within": org.a.unit.pk})) == {"SNV", "SNV-P1"}
        assert "H-MUONGLA" in codes(client.get(LIST, {"valid_on": "2025-06-30"}))
        assert "H-MUONGLA" not in codes(client.get(LIST, {"valid_on": "2025-07-01"}))
        assert codes(client.get(LIST, {"kind": "HUYEN"})) == {district.code}

    def test_subtree_is_one_query(self, org, django_assert_num_queries):
        with django_assert_num_queries(1):
            assert {u.code for u in unit_subtree(unit=org.a.unit)} == {"SNV", "SNV-P1"}

    def test_agency_of_a_room(self, org):
        assert unit_agency(unit=org.a.room) == org.a.unit
        assert unit_agency(unit=org.a.unit) == org.a.unit

    def test_list_query_count_is_constant(self, as_user, org, django_assert_num_queries):
        for i in range(20):
            OrgUnitFactory(parent=org.a.unit, kind="PHONG", predecessors=[org.a.room] if i % 2 else [])
        client = as_user(org.admin)
        with django_assert_num_queries(5):
            client.get(LIST, {"page_size": 2})
        with django_assert_num_queries(5):
            client.get(LIST, {"page_size": 25})


class TestUnitWrites:
    def payload(self, under, **extra):
        data = {
            "code": "SNV-PCCHC",
            "name": "Phòng Cải cách hành chính",
            "kind": "PHONG",
            "level": "TINH",
            "parent": under.pk,
            "valid_from": "2025-07-01",
        }
        data.update(extra)
        return data

    def test_admin_creates_anywhere(self, as_user, org):
        response = as_user(org.admin).post(LIST, self.payload(org.b.unit), format="json")
        assert response.status_code == 201, response.json()
        unit = OrgUnit.objects.get(code="SNV-PCCHC")
        assert unit.path.startswith(org.b.unit.path) and unit.depth == 2

    def test_officer_creates_rooms_in_own_agency_only(self, as_user, org):
        client = as_user(org.a.officer)
        assert client.post(LIST, self.payload(org.a.unit), format="json").status_code == 201
        with unchanged(OrgUnit.objects.all()):
            refused(client.post(LIST, self.payload(org.b.unit, code="X2"), format="json"), "out_of_scope")
            refused(client.post(LIST, self.payload(org.province, code="X3"), format="json"), "out_of_scope")

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_readers_get_403(self, as_user, org, role):
        client = as_user(getattr(org.a, role))
        with unchanged(OrgUnit.objects.all()):
            refused(client.post(LIST, self.payload(org.a.unit), format="json"), "permission_denied")
            refused(client.patch(detail(org.a.room), {"name": "Mới"}, format="json"), "permission_denied")

    def test_officer_renames_own_room_but_not_the_agency(self, as_user, org):
        client = as_user(org.a.officer)
        assert client.patch(detail(org.a.room), {"name": "Văn phòng Sở"}, format="json").status_code == 200
        with unchanged(OrgUnit.objects.all()):
            refused(client.patch(detail(org.a.unit), {"name": "Sở khác"}, format="json"), "out_of_scope")
            refused(client.patch(detail(org.b.room), {"name": "X"}, format="json"), "out_of_scope")

    @pytest.mark.parametrize(
        ("extra", "field", "code"),
        [
            ({"name": ""}, "name", "blank"),
            ({"kind": "NOPE"}, "kind", "invalid_choice"),
            ({"valid_to": "2020-01-01"}, "valid_to", "dates_reversed"),
            ({"parent": 987654}, "parent", "does_not_exist"),
            ({"code": "SNV"}, "code", "unique"),
        ],
    )
    def test_bad_input_is_400(self, as_user, org, extra, field, code):
        with unchanged(OrgUnit.objects.all()):
            response = as_user(org.admin).post(LIST, self.payload(org.a.unit, **extra), format="json")
        refused(response, code, field=field, status=400)

    def test_moving_a_unit_rewrites_its_subtree_paths(self, as_user, org):
        sub = OrgUnitFactory(code="SUB", parent=org.a.room, kind="PHONG")
        response = as_user(org.admin).patch(detail(org.a.room), {"parent": org.b.unit.pk}, format="json")
        assert response.status_code == 200
        sub.refresh_from_db()
        org.a.room.refresh_from_db()
        assert org.a.room.path.startswith(org.b.unit.path) and org.a.room.depth == 2
        assert sub.path.startswith(org.a.room.path) and sub.depth == 3
        assert set(unit_subtree(unit=org.b.unit).values_list("code", flat=True)) >= {"SNV-P1", "SUB"}

    def test_moving_under_own_child_is_400(self, as_user, org):
        with unchanged(OrgUnit.objects.all()):
            response = as_user(org.admin).patch(detail(org.a.unit), {"parent": org.a.room.pk}, format="json")
        refused(response, "parent_in_subtree", field="parent")
        assert response.json()["parent"] == ["Không thể chuyển đơn vị vào chính nó hoặc đơn vị trực thuộc của nó."]

    def test_merger_lineage_keeps_abolished_units(self, as_user, org):
        district = OrgUnitFactory(
            code="H-SM", kind="HUYEN", level="HUYEN", parent=org.province, valid_to=datetime.date(2025, 6, 30)
        )
        response = as_user(org.admin).patch(detail(org.b.unit), {"predecessors": [district.pk]}, format="json")
        assert response.status_code == 200
        assert response.json()["predecessors"] == [
            {"id": district.pk, "code": "H-SM", "name": district.name, "kind": "HUYEN"}
        ]
        assert list(district.successors.all()) == [org.b.unit]

    def test_history_records_who_renamed(self, as_user, org):
        unit_update(unit=org.a.room, actor=org.a.officer, name="Phòng Tổ chức - Hành chính")
        rows = as_user(org.a.staff).get(detail(org.a.room, "history/")).json()["results"]
        assert rows[0]["history_user"] == "officer_snv"
        assert rows[0]["changes"][0]["field"] == "name"

    def test_units_are_not_deleted(self, as_user, org):
        assert as_user(org.admin).delete(detail(org.a.room)).status_code == 405
