"""Titles, commendations and initiatives: award amounts, recipients, scope, bad input, annulment."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.models import BaseSalary, Commendation, Initiative
from hr.services.commendations import award_amount
from hr.services.rules import rule_add
from tests.factories import EmployeeFactory, OrgUnitFactory
from tests.matrix.discipline import commendation, discipline, initiative
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db
LIST = reverse("commendation-list")
INITIATIVES = reverse("initiative-list")


def payload(org, **overrides):
    data = {
        "employee": org.a.staff.employee_id,
        "award": "LDTT",
        "year": 2025,
        "decision_number": "05/QĐ-SNV",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": "2026-01-10",
    }
    data.update(overrides)
    return data


class TestAmount:
    @pytest.mark.parametrize(
        ("coefficient", "base", "amount"),
        [
            ("0.3", 2_340_000, 710_000),  # 702,000 rounds up
            ("1.0", 2_340_000, 2_340_000),  # already a multiple
            ("0.8", 2_340_000, 1_880_000),
            ("0.3", 1_490_000, 450_000),
            ("4.5", 2_340_000, 10_530_000),
            ("0.3", 1_800_000, 540_000),
        ],
    )
    def test_rounded_up_to_ten_thousand(self, coefficient, base, amount):
        assert award_amount(coefficient=Decimal(coefficient), base_salary=base) == amount

    def test_base_salary_in_force_on_the_decision_date(self, org):
        before = commendation(employee=org.a.staff.employee, year=2023, decision_date=datetime.date(2024, 6, 30))
        after = commendation(employee=org.a.officer.employee, year=2023, decision_date=datetime.date(2024, 7, 1))
        assert (before.base_salary, before.amount) == (1_800_000, 540_000)
        assert (after.base_salary, after.amount) == (2_340_000, 710_000)

    def test_a_new_base_salary_is_a_data_change(self, org):
        rule_add(actor=None, model=BaseSalary, amount=2_530_000, valid_from=datetime.date(2026, 7, 1), legal_basis="NĐ")
        record = commendation(employee=org.a.staff.employee, award="CSTDCS", decision_date=datetime.date(2026, 7, 1))
        assert (record.coefficient, record.amount) == (Decimal("1.00"), 2_530_000)

    def test_collective_coefficient(self, org):
        record = commendation(unit=org.a.room, award="TT_LDTT")
        assert (record.coefficient, record.amount) == (Decimal("0.80"), 1_880_000)
        form = commendation(unit=org.a.room, award="GIAY_KHEN")
        assert form.coefficient == Decimal("0.60")


class TestCreate:
    def test_officer_records_a_title(self, org, as_user):
        response = as_user(org.a.officer).post(LIST, payload(org), format="json")
        assert response.status_code == 201, response.data
        assert response.data["amount"] == 710_000
        assert response.data["kind"] == "TITLE"
        assert response.data["recipient"] == "INDIVIDUAL"
        assert Commendation.objects.get().history.first().history_user == org.a.officer

    def test_officer_records_a_unit_title_in_their_agency(self, org, as_user):
        body = payload(org, employee=None, unit=org.a.room.pk, award="TT_LDTT")
        response = as_user(org.a.officer).post(LIST, body, format="json")
        assert response.status_code == 201, response.data
        assert response.data["unit"]["id"] == org.a.room.pk

    def test_unit_outside_the_agency(self, org, as_user):
        body = payload(org, employee=None, unit=org.b.room.pk, award="TT_LDTT")
        response = as_user(org.a.officer).post(LIST, body, format="json")
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert "unit" in response.data["fields"]
        assert not Commendation.objects.exists()

    def test_person_outside_the_agency(self, org, as_user):
        response = as_user(org.b.officer).post(LIST, payload(org), format="json")
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert "employee" in response.data["fields"]
        assert not Commendation.objects.exists()

    @pytest.mark.parametrize("who", ["manager", "staff"])
    def test_readers_may_not_write(self, org, as_user, who):
        with unchanged(Commendation.objects.all()):
            refused(as_user(getattr(org.a, who)).post(LIST, payload(org), format="json"), "permission_denied")

    def test_both_or_neither_recipient(self, org, as_user):
        client = as_user(org.admin)
        with unchanged(Commendation.objects.all()):
            both = client.post(LIST, payload(org, unit=org.a.room.pk), format="json")
            neither = client.post(LIST, payload(org, employee=None), format="json")
        refused(both, "one_recipient", field="employee")
        refused(neither, "one_recipient", field="employee")

    def test_unit_must_exist_on_the_decision_date(self, org, as_user):
        closed = OrgUnitFactory(parent=org.a.unit, kind="PHONG", valid_to=datetime.date(2025, 6, 30))
        body = payload(org, employee=None, unit=closed.pk, award="TT_LDTT", year=2025, decision_date="2025-07-01")
        with unchanged(Commendation.objects.all()):
            response = as_user(org.admin).post(LIST, body, format="json")
        refused(response, "unit_not_in_existence", field="unit")
        body["decision_date"] = "2025-06-30"
        assert as_user(org.admin).post(LIST, body, format="json").status_code == 201

    def test_individual_title_for_a_unit_is_refused(self, org, as_user):
        with unchanged(Commendation.objects.all()):
            response = as_user(org.admin).post(
                LIST, payload(org, employee=None, unit=org.a.room.pk, award="LDTT"), format="json"
            )
        refused(response, "award_not_given", field="award")

    def test_title_once_a_year_but_forms_may_repeat(self, org, as_user):
        client = as_user(org.admin)
        assert client.post(LIST, payload(org), format="json").status_code == 201
        with unchanged(Commendation.objects.all()):
            again = client.post(LIST, payload(org, decision_number="06"), format="json")
        refused(again, "award_already_given", field="award")
        assert client.post(LIST, payload(org, award="GIAY_KHEN"), format="json").status_code == 201
        assert (
            client.post(LIST, payload(org, award="GIAY_KHEN", decision_number="07"), format="json").status_code == 201
        )

    def test_not_while_under_discipline(self, org, as_user):
        discipline(org.a.staff.employee)  # in force 10/09/2025 – 10/09/2026
        with unchanged(Commendation.objects.all()):
            response = as_user(org.admin).post(LIST, payload(org), format="json")
        refused(response, "restricted_by_discipline", field="employee")
        after = as_user(org.admin).post(LIST, payload(org, decision_date="2026-09-11"), format="json")
        assert after.status_code == 201

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("award", "HUY_HIEU"),
            ("year", 1800),
            ("year", 2027),
            ("decision_number", ""),
            ("issuing_authority", ""),
            ("decision_date", "10/01/2026"),
            ("decision_date", "2999-01-01"),
            ("employee", 999999),
        ],
    )
    def test_bad_input_names_the_field(self, org, as_user, field, value):
        response = as_user(org.admin).post(LIST, payload(org, **{field: value}), format="json")
        assert response.status_code == 400
        assert field in response.data

    def test_no_rule_before_the_first_award_rule(self, org, as_user):
        with unchanged(Commendation.objects.all()):
            response = as_user(org.admin).post(LIST, payload(org, year=2016, decision_date="2017-01-10"), format="json")
        refused(response, "award_not_given", field="award")


class TestRead:
    def test_scopes(self, org, as_user):
        own = commendation(employee=org.a.staff.employee)
        room = commendation(unit=org.a.room, award="TT_LDTT")
        agency = commendation(unit=org.a.unit, award="TT_LDTT")
        other = commendation(employee=org.b.staff.employee)

        def ids(user):
            return {r["id"] for r in as_user(user).get(LIST).data["results"]}

        assert ids(org.admin) == {own.pk, room.pk, agency.pk, other.pk}
        assert ids(org.a.officer) == {own.pk, room.pk, agency.pk}
        assert ids(org.a.manager) == {own.pk, room.pk}
        assert ids(org.a.staff) == {own.pk}
        assert as_user(org.b.officer).get(reverse("commendation-detail", args=[own.pk])).status_code == 404

    def test_filters(self, org, as_user):
        commendation(employee=org.a.staff.employee)
        commendation(unit=org.a.room, award="TT_LDTT")
        commendation(employee=org.b.staff.employee, award="CSTDCS", year=2024, decision_date=datetime.date(2025, 1, 5))
        client = as_user(org.admin)
        assert client.get(LIST, {"year": 2024}).data["count"] == 1
        assert client.get(LIST, {"award": ["LDTT", "TT_LDTT"]}).data["count"] == 2
        assert client.get(LIST, {"within": org.a.unit.pk}).data["count"] == 2
        assert client.get(LIST, {"unit": org.a.room.pk}).data["count"] == 1
        assert client.get(LIST, {"employee": org.b.staff.employee_id}).data["count"] == 1
        assert client.get(LIST, {"award": "XYZ"}).status_code == 400

    def test_list_runs_a_constant_number_of_queries(self, org, as_user, django_assert_num_queries):
        client = as_user(org.admin)
        commendation(employee=org.a.staff.employee)
        with CaptureQueriesContext(connection) as one:
            assert client.get(LIST).data["count"] == 1
        for i in range(5):
            commendation(employee=EmployeeFactory(unit=org.a.room), decision_number=f"{i}")
        commendation(unit=org.a.room, award="TT_LDTT")
        with django_assert_num_queries(len(one.captured_queries)):
            assert client.get(LIST).data["count"] == 7


class TestAnnul:
    def test_officer_annuls_and_history_keeps_it(self, org, as_user):
        record = commendation(employee=org.a.staff.employee)
        client = as_user(org.a.officer)
        body = {"annulled_on": "2026-02-01", "annulling_decision_number": "11/QĐ-SNV", "reason": "Hồ sơ không đúng"}
        response = client.post(reverse("commendation-annul", args=[record.pk]), body, format="json")
        assert response.status_code == 200
        assert response.data["is_annulled"]
        with unchanged(record):
            again = client.post(reverse("commendation-annul", args=[record.pk]), body, format="json")
        refused(again, "already_annulled")
        history = client.get(reverse("commendation-history", args=[record.pk]))
        assert history.data["count"] == 2
        # The title may be given again once the first decision is annulled.
        assert commendation(employee=org.a.staff.employee, decision_number="12").pk != record.pk

    def test_manager_of_the_room_may_not_annul_a_unit_title(self, org, as_user):
        record = commendation(unit=org.a.room, award="TT_LDTT")
        body = {"annulled_on": "2026-02-01", "annulling_decision_number": "11"}
        with unchanged(record):
            response = as_user(org.a.manager).post(reverse("commendation-annul", args=[record.pk]), body, format="json")
        refused(response, "permission_denied")

    def test_bad_annulment(self, org, as_user):
        record = commendation(employee=org.a.staff.employee)
        body = {"annulled_on": "2026-01-01", "annulling_decision_number": "11"}
        with unchanged(record):
            response = as_user(org.admin).post(reverse("commendation-annul", args=[record.pk]), body, format="json")
        refused(response, "before_decision", field="annulled_on")


class TestInitiatives:
    def test_officer_records_and_annuls(self, org, as_user):
        client = as_user(org.a.officer)
        body = {
            "employee": org.a.staff.employee_id,
            "title": "Phần mềm quản lý văn bản",
            "recognition_level": "CO_SO",
            "year": 2025,
            "decision_number": "8/QĐ-SNV",
            "recognised_on": "2025-12-01",
        }
        response = client.post(INITIATIVES, body, format="json")
        assert response.status_code == 201, response.data
        pk = response.data["id"]
        annul = {"annulled_on": "2025-12-20", "annulling_decision_number": "9/QĐ-SNV"}
        assert client.post(reverse("initiative-annul", args=[pk]), annul, format="json").status_code == 200
        assert Initiative.objects.get(pk=pk).is_annulled

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("recognition_level", "XA", "invalid_choice"),
            ("year", 2026, "year_after_decision"),
            ("recognised_on", "2999-01-01", "future_date"),
            ("title", "", "blank"),
            ("employee", None, "null"),
        ],
    )
    def test_bad_input(self, org, as_user, field, value, code):
        body = {
            "employee": org.a.staff.employee_id,
            "title": "Sáng kiến",
            "recognition_level": "CO_SO",
            "year": 2025,
            "decision_number": "8",
            "recognised_on": "2025-12-01",
            field: value,
        }
        with unchanged(Initiative.objects.all()):
            response = as_user(org.admin).post(INITIATIVES, body, format="json")
        refused(response, code, field=field, status=400)

    def test_staff_see_their_own(self, org, as_user):
        own = initiative(org.a.staff.employee)
        initiative(org.a.officer.employee)
        assert [r["id"] for r in as_user(org.a.staff).get(INITIATIVES).data["results"]] == [own.pk]

    def test_list_runs_a_constant_number_of_queries(self, org, as_user, django_assert_num_queries):
        client = as_user(org.admin)
        initiative(org.a.staff.employee)
        with CaptureQueriesContext(connection) as one:
            client.get(INITIATIVES)
        for _ in range(5):
            initiative(EmployeeFactory(unit=org.b.room))
        with django_assert_num_queries(len(one.captured_queries)):
            assert client.get(INITIATIVES).data["count"] == 6
