"""Cycles: who opens and changes them, generation without duplicates, people not rated, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.models import NOT_RATED, Evaluation, EvaluationCycle, QuotaGroup
from evaluations.services.cycles import cycle_update
from hr.models import Category, EmploymentStatus
from tests.evaluations.factories import open_cycle
from tests.factories import EmployeeFactory, position
from tests.refusals import refusal, refused, unchanged

pytestmark = pytest.mark.django_db
LIST = reverse("evaluation-cycle-list")


def _detail(cycle, name=None):
    return reverse(f"evaluation-cycle-{name}" if name else "evaluation-cycle-detail", args=[cycle.pk])


class CycleCreateTests:
    def _body(self, unit, **changes):
        return {"year": 2026, "period_kind": "ANNUAL", "scope_unit": unit.pk, **changes}

    def test_officer_opens_an_annual_cycle_with_the_default_deadline(self, org, as_user):
        response = as_user(org.a.officer).post(LIST, self._body(org.a.unit), format="json")
        assert response.status_code == 201, response.data
        assert response.data["decision_deadline"] == "2026-12-14"
        assert response.data["period_number"] == 1
        assert "2026" in response.data["name"]

    def test_admin_opens_a_monthly_cycle_for_the_province(self, org, as_user):
        body = self._body(org.province, period_kind="MONTHLY", period_number=3, name="Tháng 3")
        response = as_user(org.admin).post(LIST, body, format="json")
        assert response.status_code == 201
        assert response.data["decision_deadline"] is None

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_managers_and_staff_may_not(self, org, as_user, role):
        user = getattr(org.a, role)
        with unchanged(EvaluationCycle.objects.all()):
            response = as_user(user).post(LIST, self._body(org.a.unit), format="json")
        refused(response, "permission_denied", status=403)

    def test_officer_outside_their_agency_is_refused_on_the_unit(self, org, as_user):
        with unchanged(EvaluationCycle.objects.all()):
            response = as_user(org.a.officer).post(LIST, self._body(org.b.unit), format="json")
        refused(response, "out_of_scope", field="scope_unit")

    @pytest.mark.parametrize(
        ("changes", "field", "code"),
        [
            ({"period_kind": "QUARTERLY", "period_number": 5}, "period_number", "period_out_of_range"),
            ({"period_kind": "WEEKLY"}, "period_kind", "invalid_choice"),
            ({"year": 1990}, "year", "min_value"),
            ({"scope_unit": 999999}, "scope_unit", "does_not_exist"),
            (
                {"self_assessment_deadline": "2026-12-10", "decision_deadline": "2026-12-01"},
                "decision_deadline",
                "deadline_order",
            ),
            ({"decision_deadline": "không phải ngày"}, "decision_deadline", "invalid"),
        ],
    )
    def test_bad_input(self, org, as_user, changes, field, code):
        with unchanged(EvaluationCycle.objects.all()):
            response = as_user(org.admin).post(LIST, self._body(org.a.unit, **changes), format="json")
        refused(response, code, field=field, status=400)

    def test_the_same_period_twice_is_refused(self, org, as_user):
        client = as_user(org.admin)
        assert client.post(LIST, self._body(org.a.unit), format="json").status_code == 201
        with unchanged(EvaluationCycle.objects.all()):
            response = client.post(LIST, self._body(org.a.unit), format="json")
        refused(response, "unique_together", status=400)


class CycleReadTests:
    def test_scoping(self, org, as_user):
        own = open_cycle(org.admin, org.a.unit)
        other = open_cycle(org.admin, org.b.unit)
        province = open_cycle(org.admin, org.province, kind="QUARTERLY", number=1)

        def ids(user):
            return {row["id"] for row in as_user(user).get(LIST).data["results"]}

        assert ids(org.admin) == {own.pk, other.pk, province.pk}
        assert ids(org.a.officer) == {own.pk, province.pk}
        assert ids(org.a.staff) == {own.pk, province.pk}
        assert ids(org.b.manager) == {other.pk, province.pk}
        assert as_user(org.b.officer).get(_detail(own)).status_code == 404

    def test_officer_changes_deadlines_but_not_the_period(self, org, as_user):
        cycle = open_cycle(org.a.officer, org.a.unit)
        client = as_user(org.a.officer)
        response = client.patch(_detail(cycle), {"decision_deadline": "2026-12-10"}, format="json")
        assert response.status_code == 200
        assert response.data["decision_deadline"] == "2026-12-10"
        with unchanged(cycle):
            response = client.patch(_detail(cycle), {"name": ""}, format="json")
        refused(response, "blank", field="name", status=400)

    def test_the_period_and_unit_are_fixed(self, org):
        cycle = open_cycle(org.a.officer, org.a.unit)
        with unchanged(cycle), refusal("fixed_field", field="year"):
            cycle_update(actor=org.a.officer, cycle=cycle, year=2027)

    def test_change_roles(self, org, as_user):
        cycle = open_cycle(org.admin, org.a.unit)
        assert as_user(org.a.manager).patch(_detail(cycle), {"name": "X"}, format="json").status_code == 403
        assert as_user(org.a.staff).patch(_detail(cycle), {"name": "X"}, format="json").status_code == 403
        assert as_user(org.b.officer).patch(_detail(cycle), {"name": "X"}, format="json").status_code == 404

    def test_history(self, org, as_user):
        cycle = open_cycle(org.a.officer, org.a.unit)
        response = as_user(org.a.officer).get(_detail(cycle, "history"))
        assert response.status_code == 200
        assert response.data["results"][0]["history_user"] == org.a.officer.username


class GenerateTests:
    def test_creates_everyone_in_scope_once(self, org, as_user):
        cycle = open_cycle(org.admin, org.a.unit)
        client = as_user(org.a.officer)
        first = client.post(_detail(cycle, "generate"))
        assert first.status_code == 200, first.data
        assert first.data["created"] == 3  # officer, head of room, staff
        again = client.post(_detail(cycle, "generate"))
        assert again.data["created"] == 0 and again.data["existing"] == 3
        assert Evaluation.objects.filter(cycle=cycle).count() == 3
        assert QuotaGroup.objects.filter(cycle=cycle, unit=org.a.unit).exists()
        staff = Evaluation.objects.get(cycle=cycle, employee=org.a.staff.employee)
        assert staff.status == "DRAFT"
        assert staff.rule_set.code == "ND335-CC" and staff.rule_set_version == "ND335-CC 335/2025"
        assert staff.agency == org.a.unit and staff.unit == org.a.room

    def test_newcomers_are_added_on_a_rerun(self, org, as_user):
        cycle = open_cycle(org.admin, org.a.unit)
        client = as_user(org.admin)
        client.post(_detail(cycle, "generate"))
        EmployeeFactory(unit=org.a.room)
        assert client.post(_detail(cycle, "generate")).data["created"] == 1

    def test_under_six_months_is_not_rated_with_the_reason(self, org, as_user):
        late = EmployeeFactory(unit=org.a.room, full_name="Lò Văn Mới", recruitment_date=datetime.date(2026, 7, 2))
        on_time = EmployeeFactory(unit=org.a.room, recruitment_date=datetime.date(2026, 7, 1))
        cycle = open_cycle(org.admin, org.a.unit)
        response = as_user(org.admin).post(_detail(cycle, "generate"))
        assert [row["full_name"] for row in response.data["not_rated"]] == ["Lò Văn Mới"]
        assert "5,97" in response.data["not_rated"][0]["reason"] or "5.97" in response.data["not_rated"][0]["reason"]
        row = Evaluation.objects.get(cycle=cycle, employee=late)
        assert row.status == NOT_RATED and row.not_rated_reason
        assert Evaluation.objects.get(cycle=cycle, employee=on_time).status == "DRAFT"
        listed = as_user(org.admin).get(reverse("evaluation-list"), {"cycle": cycle.pk, "status": NOT_RATED})
        assert [r["employee"] for r in listed.data["results"]] == [late.pk]

    def test_contract_staff_and_people_out_of_service_are_left_out(self, org, as_user):
        contract = EmployeeFactory(unit=org.a.room, category=Category.CONTRACT, full_name="Hợp đồng")
        EmployeeFactory(unit=org.a.room, status=EmploymentStatus.RETIRED)
        cycle = open_cycle(org.admin, org.a.unit)
        response = as_user(org.admin).post(_detail(cycle, "generate"))
        assert response.data["created"] == 3
        assert [r["employee"] for r in response.data["not_applicable"]] == [contract.pk]

    def test_viên_chức_have_no_quarterly_scoring_before_nd233(self, org, as_user):
        vc = EmployeeFactory(unit=org.a.room, category=Category.VIEN_CHUC)
        q1 = open_cycle(org.admin, org.a.unit, kind="QUARTERLY", number=1)
        response = as_user(org.admin).post(_detail(q1, "generate"))
        assert [r["employee"] for r in response.data["not_applicable"]] == [vc.pk]
        q3 = open_cycle(org.admin, org.a.unit, kind="QUARTERLY", number=3)
        as_user(org.admin).post(_detail(q3, "generate"))
        assert Evaluation.objects.get(cycle=q3, employee=vc).rule_set.code == "ND233-VC"

    def test_heads_of_agencies_are_marked(self, org, as_user):
        director = EmployeeFactory(unit=org.a.unit, position=position("GD_SO"))
        cycle = open_cycle(org.admin, org.a.unit)
        as_user(org.admin).post(_detail(cycle, "generate"))
        head = Evaluation.objects.get(cycle=cycle, employee=director)
        room_head = Evaluation.objects.get(cycle=cycle, employee=org.a.manager.employee)
        assert head.is_agency_head and head.is_leader
        assert room_head.is_unit_head and not room_head.is_agency_head

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_roles(self, org, as_user, role):
        cycle = open_cycle(org.admin, org.a.unit)
        assert as_user(getattr(org.a, role)).post(_detail(cycle, "generate")).status_code == 403
        assert as_user(org.b.officer).post(_detail(cycle, "generate")).status_code == 404

    def test_constant_queries(self, org, as_user):
        """The same statements for 3 or 33 people; only SQLite splits a bulk insert into more batches."""
        client = as_user(org.admin)

        def run(cycle):
            with CaptureQueriesContext(connection) as context:
                response = client.post(_detail(cycle, "generate"))
            statements = [q["sql"].split()[0] for q in context.captured_queries]
            return response, [s for s in statements if s != "INSERT"], statements.count("INSERT")

        _, small_reads, small_inserts = run(open_cycle(org.admin, org.a.unit))
        for _ in range(30):
            EmployeeFactory(unit=org.b.room)
        response, big_reads, big_inserts = run(open_cycle(org.admin, org.b.unit))
        assert response.data["created"] == 33
        assert big_reads == small_reads
        if connection.vendor == "postgresql":
            assert big_inserts == small_inserts


def test_cycles_are_never_deleted(org, as_user):
    cycle = open_cycle(org.admin, org.a.unit)
    assert as_user(org.admin).delete(_detail(cycle)).status_code == 405
    assert EvaluationCycle.objects.filter(pk=cycle.pk).exists()
