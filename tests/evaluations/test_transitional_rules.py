"""NĐ 233/2026 Điều 20.1: a public service unit without its own evaluation rules may rate 2026 under NĐ 90/2020.

The choice is recorded once per unit and year with its basis, before the unit's people are evaluated for that
year, and the cycle then gives them the older rule set.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.models import Evaluation, TransitionalRules, UnitRulesChoice
from hr.models import Category, UnitKind
from tests.evaluations.factories import generated
from tests.factories import EmployeeFactory, OrgUnitFactory
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db

URL = reverse("unit-rules-choice-list")
BASIS = "Trung tâm chưa ban hành quy chế đánh giá, xếp loại chất lượng viên chức."


@pytest.fixture
def centre(org):
    """A public service unit of agency A with one viên chức."""
    unit = OrgUnitFactory(code="SNV-TT", name="Trung tâm Lưu trữ", kind=UnitKind.PUBLIC_SERVICE_UNIT, parent=org.a.unit)
    EmployeeFactory(unit=unit, category=Category.VIEN_CHUC, full_name="Lò Văn Tâm")
    return unit


def _choose(client, unit, year=2026, **extra):
    return client.post(URL, {"unit": unit.pk, "year": year, "basis": BASIS, **extra}, format="json")


def _refused(client, unit, code, *, field=None, year=2026):
    with unchanged(UnitRulesChoice.objects.all()):
        response = _choose(client, unit, year)
    refused(response, code, field=field)


def test_the_clause_is_data():
    clause = TransitionalRules.objects.get(code="ND233-D20.1")
    assert (clause.rule_set.code, clause.older_rule_set.code, clause.year) == ("ND233-VC", "ND90-VC", 2026)
    assert clause.unit_kinds == ["DVSN"] and clause.legal_basis.startswith("NĐ 233/2026")


class RecordTests:
    @pytest.mark.parametrize("who", ["admin", "officer"])
    def test_recorded_with_its_basis(self, org, as_user, centre, who):
        user = org.admin if who == "admin" else org.a.officer
        response = _choose(as_user(user), centre, decision_number="QĐ 12/QĐ-TTLT")
        assert response.status_code == 201, response.data
        assert response.data["basis"] == BASIS and response.data["older_rule_set_code"] == "ND90-VC"
        assert response.data["legal_basis"].startswith("NĐ 233/2026")
        choice = UnitRulesChoice.objects.get()
        assert (choice.unit, choice.year, choice.recorded_by) == (centre, 2026, user)
        assert choice.history.get().history_user == user

    def test_the_officer_of_another_agency_is_out_of_scope(self, org, as_user, centre):
        with unchanged(UnitRulesChoice.objects.all()):
            response = _choose(as_user(org.b.officer), centre)
        refused(response, "out_of_scope", field="unit")

    @pytest.mark.parametrize("who", ["manager", "staff"])
    def test_managers_and_staff_may_not(self, org, as_user, centre, who):
        with unchanged(UnitRulesChoice.objects.all()):
            response = _choose(as_user(getattr(org.a, who)), centre)
        refused(response, "permission_denied")

    def test_only_once_per_unit_and_year(self, org, as_user, centre):
        client = as_user(org.admin)
        assert _choose(client, centre).status_code == 201
        _refused(client, centre, "rules_choice_exists")

    @pytest.mark.parametrize("year", [2025, 2027])
    def test_only_the_year_of_the_clause(self, org, as_user, centre, year):
        _refused(as_user(org.admin), centre, "no_transitional_rules", field="year", year=year)

    def test_only_public_service_units(self, org, as_user):
        _refused(as_user(org.admin), org.a.unit, "unit_kind_not_transitional", field="unit")

    def test_the_basis_is_required(self, org, as_user, centre):
        with unchanged(UnitRulesChoice.objects.all()):
            response = as_user(org.admin).post(URL, {"unit": centre.pk, "year": 2026}, format="json")
        refused(response, "required", field="basis", status=400)

    def test_too_late_once_evaluated_under_the_new_rules(self, org, as_user, centre):
        generated(org.admin, centre)
        _refused(as_user(org.admin), centre, "rules_choice_too_late")


class CycleTests:
    def test_the_cycle_gives_the_older_rules_to_the_unit_that_chose_them(self, org, as_user, centre):
        other = OrgUnitFactory(code="SNV-TT2", kind=UnitKind.PUBLIC_SERVICE_UNIT, parent=org.a.unit)
        EmployeeFactory(unit=other, category=Category.VIEN_CHUC)
        assert _choose(as_user(org.admin), centre).status_code == 201
        cycle = generated(org.admin, org.a.unit)
        chosen = Evaluation.objects.get(cycle=cycle, agency=centre)
        assert chosen.rule_set.code == "ND90-VC" and chosen.rule_set_version.startswith("ND90-VC")
        assert Evaluation.objects.get(cycle=cycle, agency=other).rule_set.code == "ND233-VC"
        # công chức of the department keep theirs
        assert Evaluation.objects.get(cycle=cycle, employee=org.a.staff.employee).rule_set.code == "ND335-CC"

    def test_another_year_keeps_the_rules_in_force(self, org, as_user, centre):
        assert _choose(as_user(org.admin), centre).status_code == 201
        cycle = generated(org.admin, org.a.unit, year=2027)
        assert Evaluation.objects.get(cycle=cycle, agency=centre).rule_set.code == "ND233-VC"


class ListTests:
    def test_scoped_reads(self, org, as_user, centre):
        assert _choose(as_user(org.admin), centre).status_code == 201
        for user, count in ((org.admin, 1), (org.a.officer, 1), (org.b.officer, 0), (org.b.staff, 0)):
            assert as_user(user).get(URL).data["count"] == count, user

    def test_constant_queries(self, org, as_user):
        client = as_user(org.admin)

        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(URL).status_code == 200
            return len(captured)

        for n in range(4):
            unit = OrgUnitFactory(code=f"SNV-Q{n}", kind=UnitKind.PUBLIC_SERVICE_UNIT, parent=org.a.unit)
            assert _choose(client, unit).status_code == 201
            if n == 0:
                one = queries()
        assert queries() == one
