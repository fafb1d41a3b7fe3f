"""The dossier's groups: the catalogue's validation of entered values, history, and who sees sensitive groups."""

import json

import pytest

from dossier.groups import GROUPS, SENSITIVE_GROUPS, dossier_as_dict
from dossier.models import GroupRecord
from dossier.services.records import group_record_update
from tests.dossier.helpers import IDENTITY_URL, identity_values, place
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db


def _put(client, employee, group, values):
    return client.put(f"/api/v1/dossier/{employee.pk}/groups/{group}/", {"values": values}, format="json")


class TestGroupsInOrder:
    def test_ten_groups_in_decree_order_three_sensitive(self):
        assert [g.number for g in GROUPS] == list(range(1, 11))
        assert {"FAMILY", "ASSETS", "HEALTH"} == SENSITIVE_GROUPS

    def test_dossier_dict_is_json_safe_and_resolves_merged_places(self, org):
        employee = org.a.staff.employee
        group_record_update(actor=org.a.officer, employee=employee, group="IDENTITY", values=identity_values())
        dossier = dossier_as_dict(employee=employee)
        json.dumps(dossier)
        assert list(dossier) == [g.key for g in GROUPS]
        birth = dossier["IDENTITY"]["birth_place"]
        assert birth["name"] == "phường Chiềng Cơi"
        assert birth["current"]["id"] == place("SL-P-CHIENGCOI").pk
        assert dossier["IDENTITY"]["hometown"]["current"]["name"] == "tỉnh Hưng Yên"
        assert dossier["IDENTITY"]["full_name"] == employee.full_name


class TestOfficerEntersValues:
    def test_officer_of_agency_saves_and_history_names_them(self, org, as_user):
        employee = org.a.staff.employee
        response = _put(as_user(org.a.officer), employee, "IDENTITY", identity_values())
        assert response.status_code == 200, response.data
        assert response.data["values"]["religion"] == "Không"
        _put(as_user(org.a.officer), employee, "IDENTITY", identity_values(religion="Phật giáo"))
        history = as_user(org.a.officer).get(IDENTITY_URL.format(id=employee.pk) + "history/")
        assert history.status_code == 200
        assert [entry["history_user"] for entry in history.data] == ["officer_snv", "officer_snv"]
        assert "values" in [change["field"] for change in history.data[0]["changes"]]

    @pytest.mark.parametrize(
        ("changes", "code", "field"),
        [
            ({"unknown": 1}, "unknown_field", "unknown"),
            ({"full_name": "X"}, "field_read_only", "full_name"),
            ({"birth_place": 999999}, "unknown_place", "birth_place"),
            ({"birth_place": "Chiềng Cơi"}, "invalid_value", "birth_place"),
            ({"id_issue_date": "2999-01-01"}, "future_date", "id_issue_date"),
            ({"id_issue_date": "31/12/2020"}, "invalid_value", "id_issue_date"),
            ({"religion": "x" * 65}, "invalid_value", "religion"),
            ({"birth_place": None}, "field_required", "birth_place"),
        ],
    )
    def test_catalogue_refuses_and_writes_nothing(self, org, as_user, changes, code, field):
        employee = org.a.staff.employee
        with unchanged(GroupRecord.objects.all()):
            response = _put(as_user(org.a.officer), employee, "IDENTITY", identity_values(**changes))
        refused(response, code, field=field)

    def test_a_missing_required_field_is_refused(self, org, as_user):
        values = identity_values()
        del values["hometown"]
        refused(
            _put(as_user(org.a.officer), org.a.staff.employee, "IDENTITY", values), "field_required", field="hometown"
        )

    def test_party_official_date_not_before_joining(self, org, as_user):
        values = {"party_joined_date": "2010-05-19", "party_official_date": "2010-05-18"}
        refused(_put(as_user(org.a.officer), org.a.staff.employee, "POLITICAL", values), "dates_reversed")
        values["party_official_date"] = "2010-05-19"
        assert _put(as_user(org.a.officer), org.a.staff.employee, "POLITICAL", values).status_code == 200

    def test_choice_and_number_fields(self, org, as_user):
        client = as_user(org.a.officer)
        refused(_put(client, org.a.staff.employee, "HEALTH", {"blood_type": "C"}), "invalid_value", field="blood_type")
        refused(_put(client, org.a.staff.employee, "HEALTH", {"height_cm": "165"}), "invalid_value", field="height_cm")
        ok = _put(client, org.a.staff.employee, "HEALTH", {"blood_type": "O", "height_cm": 165, "health_status": "Tốt"})
        assert ok.status_code == 200

    def test_table_only_group_and_unknown_group(self, org, as_user):
        refused(_put(as_user(org.a.officer), org.a.staff.employee, "FAMILY", {}), "group_not_editable")
        response = as_user(org.a.officer).get(f"/api/v1/dossier/{org.a.staff.employee.pk}/groups/NOPE/")
        refused(response, "unknown_group")

    @pytest.mark.parametrize(
        ("who", "status", "code"),
        [("manager", 403, "permission_denied"), ("staff", 403, "permission_denied"), ("officer_b", 404, None)],
    )
    def test_writers_only_of_the_agency(self, org, as_user, who, status, code):
        user = {"manager": org.a.manager, "staff": org.a.staff, "officer_b": org.b.officer}[who]
        with unchanged(GroupRecord.objects.all()):
            response = _put(as_user(user), org.a.staff.employee, "IDENTITY", identity_values())
        assert response.status_code == status
        if code:
            assert response.data["code"] == code

    def test_officer_cannot_enter_own_dossier(self, org, as_user):
        response = _put(as_user(org.a.officer), org.a.officer.employee, "IDENTITY", identity_values())
        refused(response, "own_record")


class TestSensitiveVisibility:
    @pytest.fixture
    def filled(self, org):
        employee = org.a.staff.employee
        group_record_update(actor=org.admin, employee=employee, group="HEALTH", values={"health_status": "Tốt"})
        return employee

    @pytest.mark.parametrize(
        ("who", "sees_sensitive"),
        [("admin", True), ("officer_a", True), ("staff_a", True), ("manager_a", False)],
    )
    def test_dossier_hides_sensitive_groups_from_managers(self, org, as_user, filled, who, sees_sensitive):
        user = {"admin": org.admin, "officer_a": org.a.officer, "staff_a": org.a.staff, "manager_a": org.a.manager}
        response = as_user(user[who]).get(f"/api/v1/dossier/{filled.pk}/")
        assert response.status_code == 200
        if sees_sensitive:
            assert response.data["groups"]["HEALTH"]["health_status"] == "Tốt"
            assert response.data["hidden_groups"] == []
        else:
            assert response.data["groups"]["HEALTH"] is None
            assert sorted(response.data["hidden_groups"]) == ["ASSETS", "FAMILY", "HEALTH"]
            assert response.data["groups"]["IDENTITY"]["full_name"] == filled.full_name

    def test_manager_refused_on_sensitive_group_and_form(self, org, as_user, filled):
        client = as_user(org.a.manager)
        refused(client.get(f"/api/v1/dossier/{filled.pk}/groups/HEALTH/"), "sensitive_group")
        refused(client.get(f"/api/v1/dossier/{filled.pk}/form-2c.pdf"), "sensitive_group")
        assert client.get(f"/api/v1/dossier/{filled.pk}/groups/IDENTITY/").status_code == 200

    @pytest.mark.parametrize("who", ["officer_b", "staff_b", "manager_b"])
    def test_other_agency_and_other_staff_do_not_find_the_person(self, org, as_user, filled, who):
        agency, role = org.b, who.split("_")[0]
        response = as_user(getattr(agency, role)).get(f"/api/v1/dossier/{filled.pk}/")
        assert response.status_code == 404

    def test_staff_does_not_find_a_colleague(self, org, as_user, filled):
        assert as_user(org.a.staff).get(f"/api/v1/dossier/{org.a.manager.employee.pk}/").status_code == 404


# A valid value of each group's record fields: every group that holds some keeps its history.
GROUP_SAMPLES = {
    "PERSONAL_HISTORY": ({"strengths": "Tổng hợp"}, {"strengths": "Tổng hợp, pháp chế"}),
    "RECRUITMENT": ({"occupation_before": "Giáo viên"}, {"occupation_before": "Giáo viên tiểu học"}),
    "EDUCATION": ({"general_education": "12/12"}, {"general_education": "12/12", "it_skill": "Cơ bản"}),
    "WORK": ({"main_duties": "Cải cách hành chính"}, {"main_duties": "Cải cách hành chính, thi đua"}),
    "POLITICAL": (
        {"party_joined_date": "2010-05-19"},
        {"party_joined_date": "2010-05-19", "party_official_date": "2011-05-19"},
    ),
    "MILITARY": ({"military_rank": "Thượng úy"}, {"military_rank": "Đại úy"}),
    "ASSETS": ({"declaration_year": 2025}, {"declaration_year": 2025, "annual_income": 180000000}),
    "HEALTH": ({"health_status": "Tốt"}, {"health_status": "Khá"}),
}


@pytest.mark.parametrize("group", sorted(GROUP_SAMPLES))
def test_every_group_keeps_its_history(org, as_user, group):
    first, second = GROUP_SAMPLES[group]
    client = as_user(org.a.officer)
    employee = org.a.staff.employee
    assert _put(client, employee, group, first).status_code == 200
    assert _put(client, employee, group, second).status_code == 200
    assert client.get(f"/api/v1/dossier/{employee.pk}/groups/{group}/").data["values"] == second
    history = client.get(f"/api/v1/dossier/{employee.pk}/groups/{group}/history/").data
    assert [entry["history_type"] for entry in history] == ["changed", "created"]
    assert {entry["history_user"] for entry in history} == {"officer_snv"}


@pytest.mark.parametrize("group", sorted(GROUP_SAMPLES))
def test_every_group_refuses_a_field_of_another_group(org, as_user, group):
    other = "HEALTH" if group != "HEALTH" else "MILITARY"
    (stray,) = list(GROUP_SAMPLES[other][0].items())[:1]
    with unchanged(GroupRecord.objects.all()):
        response = _put(as_user(org.a.officer), org.a.staff.employee, group, dict([stray]))
    refused(response, "unknown_field", field=stray[0])
