"""The dossier in the national feed: its part of each group, its changes logged once under their group.

Sensitive groups (family, assets and income, health) go to the connector and the province administration in
full; every other role is refused the feed (`test_dossier.py`). Refused writes and rejected proposals log nothing.
"""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dossier.models import Allowance, ChangeProposal, FamilyMember, GroupRecord, PositionHolding, Qualification
from dossier.services.proposals import proposal_approve, proposal_reject, proposal_row_submit, proposal_submit
from dossier.services.records import group_record_update
from dossier.services.tables import allowance_save, family_member_save, qualification_save
from hr.models import PersonChange, Role
from sync.registry import groups_of_change
from sync.selectors.overdue import overdue_report
from tests.dossier.helpers import identity_values
from tests.factories import UserFactory
from tests.refusals import refusal, unchanged
from tests.sync.helpers import fill_dossier, hire
from tests.sync.test_dossier import VALIDATOR

pytestmark = pytest.mark.django_db

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
SENSITIVE = ("family", "assets_income", "health")


@pytest.fixture
def connector(db):
    return UserFactory(username="ket-noi-csdlqg", role=Role.NATIONAL_SYNC)


@pytest.fixture
def person(org):
    """A civil servant of agency A hired through hr, their whole dossier entered by A's personnel officer."""
    return fill_dossier(hire(org.a.room), org.a.officer, org.a.unit)


def new_changes(since: int) -> list[tuple[str, list[str], list[str]]]:
    """The changes logged after row `since`: source, fields, and the groups of the feed they touch."""
    rows = PersonChange.objects.filter(id__gt=since).order_by("id").values_list("source", "fields")
    return [(source, fields, groups_of_change(source, fields)) for source, fields in rows]


def last_id() -> int:
    return PersonChange.objects.order_by("-id").values_list("id", flat=True).first() or 0


def groups_of(response) -> dict:
    return {group["key"]: group for group in response.json()["groups"]}


# -- the dossier's part of each group -----------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["admin", "connector"])
def test_a_full_dossier_is_sent_in_every_group_and_validates(org, as_user, person, connector, reader):
    user = connector if reader == "connector" else org.admin
    response = as_user(user).get(reverse("sync-person", args=[person.pk]))
    assert response.status_code == 200
    assert [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(response.json())] == []
    groups = groups_of(response)
    assert all(group["available"] for group in groups.values())
    identity = groups["identity"]["data"]
    # hr's part and the dossier's side by side; the birthplace names the commune it became part of in 2025.
    assert (identity["full_name"], identity["religion"], identity["other_names"]) == ("Lò Thị Hương", "Không", "Hương")
    assert identity["birth_place"]["current"]["id"] != identity["birth_place"]["id"]
    assert identity["hometown"]["current"]["name"] == "tỉnh Hưng Yên"
    assert [(m["relation"], m["full_name"]) for m in groups["family"]["data"]["family_members"]] == [
        ("MOTHER", "Lò Thị Xuân"),
        ("FATHER", "Cầm Văn Ướt"),
    ]
    assert groups["personal_history"]["data"]["strengths"] == "Tổng hợp, văn bản"
    assert groups["career"]["data"]["recruiting_agency"] == "Sở Nội vụ tỉnh Sơn La"
    assert len(groups["career"]["data"]["assignments"]) == 1
    education = groups["education"]["data"]
    assert (education["general_education"], education["education_level"]) == ("12/12", person.education_level)
    assert [q["level"] for q in education["qualifications"]] == ["Đại học"]
    work = groups["work"]["data"]
    assert [h["job_position"] for h in work["position_holdings"]] == ["CV-TH Chuyên viên tổng hợp"]
    assert sorted((a["kind"], a["coefficient"], a["percent"]) for a in work["allowances"]) == [
        ("REGIONAL", "0.50", None),
        ("SENIORITY_ABOVE_SCALE", None, 5),
    ]
    assert work["salary_step"] == 2
    assert groups["organisations"]["data"]["party_official_date"] == "2016-05-19"
    assert groups["armed_forces"]["data"]["military_rank"] == "Trung sĩ"
    # The sensitive groups, in full: the national database keeps all ten (NĐ 27/2026).
    assert groups["assets_income"]["data"]["annual_income"] == 180_000_000
    assert groups["health"]["data"] == {"health_status": "Tốt", "height_cm": 158, "weight_kg": 50, "blood_type": "O"}


def test_an_empty_dossier_still_lists_its_fields_and_validates(org, as_user):
    employee = hire(org.b.room)
    response = as_user(org.admin).get(reverse("sync-person", args=[employee.pk]))
    assert [e.message for e in VALIDATOR.iter_errors(response.json())] == []
    groups = groups_of(response)
    assert groups["family"]["data"] == {"family_members": []}
    assert groups["health"]["data"] == {"health_status": None, "height_cm": None, "weight_kg": None, "blood_type": None}
    assert groups["identity"]["data"]["birth_place"] is None


def test_the_dossier_leaves_to_hr_what_hr_sends(org, as_user, person):
    # The catalogue's `employee.*` fields and hr's tables (assignments as work_history, salary, ratings...)
    # come once, from hr, under hr's names.
    groups = groups_of(as_user(org.admin).get(reverse("sync-person", args=[person.pk])))
    assert "work_history" not in groups["career"]["data"]
    assert "assignments" in groups["career"]["data"]


@pytest.mark.parametrize("role", ["officer", "manager", "staff"])
def test_other_roles_get_no_sensitive_group_through_the_feed(org, as_user, person, role):
    response = as_user(getattr(org.a, role)).get(reverse("sync-person", args=[person.pk]))
    assert (response.status_code, response.json()["code"]) == (403, "permission_denied")


def test_the_people_endpoint_costs_the_same_queries_however_full_the_dossier(
    org, as_user, person, django_assert_num_queries
):
    client = as_user(org.admin)
    url = reverse("sync-person", args=[person.pk])
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    officer = org.a.officer
    for year in (1985, 1988, 1990):
        family_member_save(
            actor=officer, employee=person, side="SELF", relation="SIBLING", full_name="Lò Văn Em", birth_year=year
        )
    for year in (2013, 2016):
        qualification_save(
            actor=officer,
            employee=person,
            kind="OTHER",
            level="Bồi dưỡng",
            institution="Trường Chính trị tỉnh",
            start_year=year,
            mode="TAP_TRUNG",
        )
    allowance_save(
        actor=officer,
        employee=person,
        kind="POSITION",
        coefficient=Decimal("0.20"),
        start_date=datetime.date(2024, 1, 1),
    )
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(url)
    assert len(groups_of(response)["family"]["data"]["family_members"]) == 5
    # Per group: its catalogue fields, its record, the places (identity) and one query per table of the group.
    assert len(first.captured_queries) <= 40


# -- each write logs its change once, under its group --------------------------------------------------------


def test_each_dossier_write_is_logged_once_under_its_group(org):
    employee = hire(org.a.room)
    since = last_id()
    fill_dossier(employee, org.a.officer, org.a.unit)
    changes = new_changes(since)
    record_groups = [groups for source, _fields, groups in changes if source == "dossier.grouprecord"]
    assert record_groups == [
        ["identity"],
        ["personal_history"],
        ["career"],
        ["education"],
        ["work"],
        ["organisations"],
        ["armed_forces"],
        ["assets_income"],
        ["health"],
    ]
    tables = [(source, fields, groups) for source, fields, groups in changes if source != "dossier.grouprecord"]
    assert tables == [
        ("dossier.familymember", [], ["family"]),
        ("dossier.familymember", [], ["family"]),
        ("dossier.qualification", [], ["education"]),
        ("dossier.positionholding", [], ["work"]),
        ("dossier.allowance", [], ["work"]),
        ("dossier.allowance", [], ["work"]),
    ]
    health = PersonChange.objects.get(
        source="dossier.grouprecord", object_id=GroupRecord.objects.get(group="HEALTH").pk
    )
    assert (health.employee_id, health.fields) == (
        employee.pk,
        ["HEALTH", "blood_type", "health_status", "height_cm", "weight_kg"],
    )


def test_a_change_of_a_record_names_its_group_and_the_values_changed(org, person):
    since = last_id()
    group_record_update(
        actor=org.a.officer,
        employee=person,
        group="HEALTH",
        values={"health_status": "Tốt", "height_cm": 158, "weight_kg": 52, "blood_type": "O"},
    )
    assert new_changes(since) == [("dossier.grouprecord", ["HEALTH", "weight_kg"], ["health"])]


def test_a_row_replaced_logs_the_fields_changed_and_the_same_values_log_nothing(org, person):
    member = FamilyMember.objects.get(employee=person, relation="MOTHER")
    since = last_id()
    values = {"actor": org.a.officer, "employee": person, "side": "SELF", "relation": "MOTHER", "birth_year": 1962}
    family_member_save(**values, full_name="Lò Thị Xuân", member=member, residence="Chiềng Cơi")
    assert new_changes(since) == [("dossier.familymember", ["residence"], ["family"])]
    since = last_id()
    family_member_save(**values, full_name="Lò Thị Xuân", member=member, residence="Chiềng Cơi")
    group_record_update(
        actor=org.a.officer,
        employee=person,
        group="MILITARY",
        values=GroupRecord.objects.get(employee=person, group="MILITARY").values,
    )
    assert new_changes(since) == []


def test_the_feed_gives_a_dossier_change_once_under_its_group(org, as_user, person, connector):
    client = as_user(connector)
    page = client.get(reverse("sync-changes"), {"page_size": 500}).json()
    allowance = Allowance.objects.filter(employee=person, kind="REGIONAL").get()
    allowance_save(
        actor=org.a.officer,
        employee=person,
        kind="REGIONAL",
        coefficient=Decimal("0.70"),
        start_date=allowance.start_date,
        allowance=allowance,
    )
    later = client.get(reverse("sync-changes"), {"cursor": page["next_cursor"]}).json()
    assert [(c["source"], c["record_id"], c["fields"], c["groups"]) for c in later["results"]] == [
        ("dossier.allowance", allowance.pk, ["coefficient"], ["work"])
    ]
    again = client.get(reverse("sync-changes"), {"cursor": later["next_cursor"]}).json()
    assert again["results"] == []


# -- refusals and proposals log nothing ------------------------------------------------------------------------


def test_a_refused_write_logs_nothing(org, person):
    tables = (PersonChange.objects.all(), Allowance.objects.all(), GroupRecord.objects.all())
    with unchanged(*tables), refusal("allowance_overlap"):
        allowance_save(
            actor=org.a.officer,
            employee=person,
            kind="REGIONAL",
            coefficient=Decimal("0.30"),
            start_date=datetime.date(2023, 1, 1),
        )
    with unchanged(*tables), refusal("invalid_value"):
        group_record_update(actor=org.a.officer, employee=person, group="HEALTH", values={"height_cm": "cao"})
    with unchanged(*tables, Qualification.objects.all()), refusal("out_of_scope"):
        qualification_save(
            actor=org.b.officer,
            employee=person,
            kind="IT",
            level="Cơ bản",
            institution="Trung tâm tin học",
            start_year=2020,
            mode="TAP_TRUNG",
        )
    assert PositionHolding.objects.filter(employee=person).count() == 1


def test_a_proposal_logs_only_when_approved(org):
    employee = org.a.staff.employee
    group_record_update(actor=org.a.officer, employee=employee, group="IDENTITY", values=identity_values())
    since = last_id()
    proposal = proposal_submit(actor=org.a.staff, employee=employee, group="IDENTITY", values={"religion": "Phật giáo"})
    proposal_reject(actor=org.a.officer, proposal=proposal, reason="Chưa có giấy tờ")
    assert new_changes(since) == []
    proposal = proposal_submit(actor=org.a.staff, employee=employee, group="IDENTITY", values={"religion": "Phật giáo"})
    assert new_changes(since) == []
    proposal_approve(actor=org.a.officer, proposal=proposal)
    assert ChangeProposal.objects.get(pk=proposal.pk).status == "APPROVED"
    assert new_changes(since) == [("dossier.grouprecord", ["IDENTITY", "religion"], ["identity"])]


def test_a_row_proposal_logs_only_when_approved(org):
    employee = org.a.staff.employee
    since = last_id()
    values = {"side": "SELF", "relation": "CHILD", "full_name": "Lò Văn An", "birth_year": 2015}
    proposal = proposal_row_submit(
        actor=org.a.staff, employee=employee, table="family_members", operation="ADD", values=values
    )
    proposal_reject(actor=org.a.officer, proposal=proposal, reason="Chưa có giấy khai sinh")
    assert new_changes(since) == []
    proposal = proposal_row_submit(
        actor=org.a.staff, employee=employee, table="family_members", operation="ADD", values=values
    )
    assert new_changes(since) == []
    proposal_approve(actor=org.a.officer, proposal=proposal)
    assert new_changes(since) == [("dossier.familymember", [], ["family"])]


def test_a_refused_approval_logs_nothing(org):
    employee = org.a.staff.employee
    proposal = proposal_submit(
        actor=org.a.staff, employee=employee, group="HEALTH", values={"health_status": "Tốt", "height_cm": 160}
    )
    # Another agency's officer does not see the person (404); a manager sees but does not decide (403).
    with unchanged(PersonChange.objects.all(), GroupRecord.objects.all()), refusal("not_found"):
        proposal_approve(actor=org.b.officer, proposal=proposal)
    with unchanged(PersonChange.objects.all(), GroupRecord.objects.all()), refusal("permission_denied"):
        proposal_approve(actor=org.a.manager, proposal=proposal)


# -- the deadline ------------------------------------------------------------------------------------------


def test_a_dossier_change_is_overdue_after_three_working_days(org, person):
    member = family_member_save(
        actor=org.a.officer, employee=person, side="SELF", relation="CHILD", full_name="Cầm Bảo An", birth_year=2019
    )
    row = PersonChange.objects.get(source="dossier.familymember", object_id=member.pk)
    PersonChange.objects.exclude(pk=row.pk).update(acknowledged_at=datetime.datetime(2026, 8, 31, tzinfo=HANOI))
    # Mon 31/8/2026 at 23:30 in the province: Tue 1/9 and Wed 2/9 are holidays; the deadline is the end of Mon 7/9.
    PersonChange.objects.filter(pk=row.pk).update(changed_at=datetime.datetime(2026, 8, 31, 23, 30, tzinfo=HANOI))
    assert row.pk not in overdue_report(today=datetime.date(2026, 9, 7)).changes.values_list("pk", flat=True)
    assert list(overdue_report(today=datetime.date(2026, 9, 8)).changes.values_list("pk", flat=True)) == [row.pk]
