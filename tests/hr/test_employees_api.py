"""Employee endpoints: scoping per role, writes, dated decisions, history, bad input, query counts."""

import datetime

import pytest
from django.urls import reverse

from hr.identity import make_national_id
from hr.models import Assignment, Employee, Rank, SalaryRecord, SalaryStep
from tests.factories import EmployeeFactory, OrgUnitFactory
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db

LIST = "/api/v1/employees/"


def detail(employee, suffix=""):
    return f"/api/v1/employees/{employee.pk}/{suffix}"


def new_person(place, **overrides):
    born = datetime.date(1991, 4, 12)
    data = {
        "national_id": make_national_id(14, born, "F", 424242),
        "full_name": "Lò Thị Hương",
        "date_of_birth": "1991-04-12",
        "sex": "F",
        "ethnicity": "Thái",
        "category": "CONG_CHUC",
        "unit": place.pk,
        "recruitment_date": "2016-09-01",
        "rank": Rank.objects.get(code="01.003").pk,
        "salary_step": SalaryStep.objects.get(scale__code="A1", step=2).pk,
        "decision_number": "123/QĐ-SNV",
    }
    data.update(overrides)
    return data


def ids(response):
    return {row["id"] for row in response.json()["results"]}


class TestEmployeeListScoping:
    def test_anonymous_gets_401(self, api, org):
        assert api.get(LIST).status_code == 401

    def test_admin_sees_the_whole_province(self, as_user, org):
        assert ids(as_user(org.admin).get(LIST)) == set(Employee.objects.values_list("id", flat=True))

    def test_officer_sees_own_agency_subtree_only(self, as_user, org):
        seen = ids(as_user(org.a.officer).get(LIST))
        expected = set(Employee.objects.filter(unit__path__startswith=org.a.unit.path).values_list("id", flat=True))
        assert seen == expected
        assert org.b.staff.employee_id not in seen

    def test_manager_sees_their_room(self, as_user, org):
        seen = ids(as_user(org.a.manager).get(LIST))
        assert seen == set(Employee.objects.filter(unit=org.a.room).values_list("id", flat=True))
        assert org.a.officer.employee_id not in seen  # the officer sits in the agency, above the room

    def test_staff_sees_only_themselves(self, as_user, org):
        assert ids(as_user(org.a.staff).get(LIST)) == {org.a.staff.employee_id}

    @pytest.mark.parametrize("role", ["staff", "manager", "officer"])
    def test_out_of_scope_record_is_404(self, as_user, org, role):
        caller = getattr(org.a, role)
        assert as_user(caller).get(detail(org.b.staff.employee)).status_code == 404

    def test_staff_asking_for_a_colleague_gets_404(self, as_user, org):
        colleague = EmployeeFactory(unit=org.a.room)
        assert as_user(org.a.staff).get(detail(colleague)).status_code == 404
        assert as_user(org.a.staff).get(detail(org.a.staff.employee)).status_code == 200


class TestEmployeeListFilters:
    def test_filter_by_unit_subtree_category_and_search(self, as_user, org):
        vc = EmployeeFactory(unit=org.a.room, category="VIEN_CHUC", full_name="Cầm Văn Ướt")
        client = as_user(org.admin)
        assert vc.pk in ids(client.get(LIST, {"unit": org.a.unit.pk}))
        assert vc.pk not in ids(client.get(LIST, {"unit": org.b.unit.pk}))
        assert ids(client.get(LIST, {"category": "VIEN_CHUC"})) == {vc.pk}
        assert ids(client.get(LIST, {"search": "Cầm Văn"})) == {vc.pk}
        assert ids(client.get(LIST, {"search": vc.national_id})) == {vc.pk}

    def test_filter_by_rank_position_status_and_ordering(self, as_user, org):
        retired = EmployeeFactory(unit=org.a.room, status="RETIRED")
        client = as_user(org.admin)
        assert ids(client.get(LIST, {"status": "RETIRED"})) == {retired.pk}
        leaders = ids(client.get(LIST, {"is_leader": "true"}))
        assert leaders == {org.a.manager.employee_id, org.b.manager.employee_id}
        ranked = ids(client.get(LIST, {"rank": Rank.objects.get(code="01.003").pk}))
        assert org.a.staff.employee_id in ranked and retired.pk not in ranked
        names = [r["full_name"] for r in client.get(LIST, {"ordering": "-full_name"}).json()["results"]]
        assert names == sorted(names, reverse=True)

    def test_bad_filter_value_is_400(self, as_user, org):
        response = as_user(org.admin).get(LIST, {"unit": 999999})
        assert response.status_code == 400
        assert "unit" in response.json()

    def test_list_query_count_does_not_grow_with_page_size(self, as_user, org, django_assert_num_queries):
        EmployeeFactory.create_batch(30, unit=org.a.room, ranked=True)
        client = as_user(org.a.officer)
        # savepoint pair of the atomic request, the scope's unit ids, page, count (the page is full)
        with django_assert_num_queries(5) as small:
            assert len(client.get(LIST, {"page_size": 3}).json()["results"]) == 3
        with django_assert_num_queries(len(small.captured_queries)):
            assert len(client.get(LIST, {"page_size": 30}).json()["results"]) == 30


class TestEmployeeCreate:
    def test_officer_creates_in_own_agency_with_first_history_rows(self, as_user, org):
        response = as_user(org.a.officer).post(LIST, new_person(org.a.room), format="json")
        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["unit"]["id"] == org.a.room.pk
        assert body["salary_coefficient"] == "2.67"
        employee = Employee.objects.get(pk=body["id"])
        assignment = Assignment.objects.get(employee=employee)
        assert (assignment.unit, assignment.start_date) == (org.a.room, datetime.date(2016, 9, 1))
        assert SalaryRecord.objects.get(employee=employee).coefficient == employee.salary_coefficient
        assert employee.history.first().history_user == org.a.officer

    def test_officer_cannot_create_in_another_agency(self, as_user, org):
        response = as_user(org.a.officer).post(LIST, new_person(org.b.room), format="json")
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert response.json()["unit"] == ["Đơn vị không thuộc phạm vi quản lý của bạn."]
        assert not Employee.objects.filter(unit=org.b.room, full_name=new_person(org.b.room)["full_name"]).exists()

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_readers_get_403(self, as_user, org, role):
        with unchanged(Employee.objects.all()):
            response = as_user(getattr(org.a, role)).post(LIST, new_person(org.a.room), format="json")
        refused(response, "permission_denied")

    @pytest.mark.parametrize(
        ("override", "field", "code"),
        [
            ({"national_id": "01419100424"}, "national_id", "national_id_format"),
            ({"national_id": "０１４１９１００４２４２"}, "national_id", "national_id_format"),  # full-width
            ({"national_id": "٠١٤١٩١٠٠٤٢٤٢"}, "national_id", "national_id_format"),  # Arabic-Indic
            ({"national_id": "014991004242"}, "national_id", "national_id_year"),  # born in 2391
            ({"national_id": "014091004242"}, "national_id", "national_id_mismatch"),  # a woman, the digit says male
            ({"national_id": "014391004242"}, "national_id", "national_id_year"),  # 2091: not born yet
            ({"national_id": "014320004242"}, "national_id", "national_id_mismatch"),  # 2020, not 1991
            ({"national_id": "099091004243"}, "national_id", "national_id_province"),
            ({"legacy_id_number": "12345"}, "legacy_id_number", "legacy_id_format"),
            ({"sex": "X"}, "sex", "invalid_choice"),
            ({"date_of_birth": "31/02/1990"}, "date_of_birth", "invalid"),
            ({"unit": 0}, "unit", "does_not_exist"),
            ({"salary_step": None, "rank": None, "category": "NOPE"}, "category", "invalid_choice"),
            ({"salary_step": SalaryStep.objects.none, "rank": None}, "rank", "rank_required"),
        ],
    )
    def test_bad_input_is_400_on_the_field(self, as_user, org, override, field, code):
        if callable(override.get("salary_step")):
            override = {**override, "salary_step": SalaryStep.objects.get(scale__code="B", step=1).pk}
        with unchanged(Employee.objects.all()):
            response = as_user(org.admin).post(LIST, new_person(org.a.room, **override), format="json")
        refused(response, code, field=field, status=400)

    def test_step_outside_the_rank_scale_is_refused(self, as_user, org):
        step_b = SalaryStep.objects.get(scale__code="B", step=1).pk
        with unchanged(Employee.objects.all()):
            response = as_user(org.admin).post(LIST, new_person(org.a.room, salary_step=step_b), format="json")
        refused(response, "step_not_in_scale", field="salary_step")
        assert response.json()["salary_step"] == ["Bậc lương không thuộc bảng lương của ngạch."]

    def test_duplicate_national_id_is_400_and_nothing_written(self, as_user, org):
        existing = org.a.staff.employee
        before = Employee.objects.count()
        payload = new_person(
            org.a.room,
            national_id=existing.national_id,
            date_of_birth=existing.date_of_birth.isoformat(),
            sex=existing.sex,
        )
        response = as_user(org.admin).post(LIST, payload, format="json")
        refused(response, "national_id_taken", field="national_id")
        assert Employee.objects.count() == before

    def test_malformed_json_is_400_not_500(self, as_user, org):
        response = as_user(org.admin).post(LIST, "{not json", content_type="application/json")
        assert response.status_code == 400


class TestEmployeeUpdate:
    def test_officer_corrects_personal_data_and_history_records_it(self, as_user, org):
        employee = org.a.staff.employee
        response = as_user(org.a.officer).patch(detail(employee), {"ethnicity": "Mường"}, format="json")
        assert response.status_code == 200
        history = as_user(org.a.officer).get(detail(employee, "history/")).json()["results"]
        assert history[0]["history_user"] == org.a.officer.username
        assert {"field": "ethnicity", "old": "Kinh", "new": "Mường"} in history[0]["changes"]
        assert history[-1]["history_type"] == "created"

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_readers_changing_a_visible_record_get_403(self, as_user, org, role):
        with unchanged(org.a.staff.employee):
            response = as_user(getattr(org.a, role)).patch(
                detail(org.a.staff.employee), {"ethnicity": "Dao"}, format="json"
            )
        refused(response, "permission_denied")

    def test_officer_of_another_agency_gets_404(self, as_user, org):
        response = as_user(org.b.officer).patch(detail(org.a.staff.employee), {"ethnicity": "Dao"}, format="json")
        assert response.status_code == 404

    def test_unit_and_salary_change_only_through_decisions(self, as_user, org):
        with unchanged(org.a.staff.employee):
            response = as_user(org.a.officer).patch(
                detail(org.a.staff.employee), {"unit": org.a.unit.pk}, format="json"
            )
        refused(response, "decision_only_field", field="unit")
        assert response.json()["unit"] == ["Chỉ thay đổi qua quyết định điều động hoặc quyết định lương."]

    def test_put_validates_the_whole_record(self, as_user, org):
        response = as_user(org.a.officer).put(detail(org.a.staff.employee), {"full_name": ""}, format="json")
        assert response.status_code == 400
        assert {"full_name", "national_id", "date_of_birth"} <= set(response.json())

    def test_delete_is_not_offered(self, as_user, org):
        assert as_user(org.admin).delete(detail(org.a.staff.employee)).status_code == 405
        assert Employee.objects.filter(pk=org.a.staff.employee_id).exists()


class TestTransfer:
    def test_transfer_closes_the_current_assignment_and_opens_a_new_one(self, as_user, org):
        employee = EmployeeFactory(unit=org.a.room)
        Assignment.objects.create(employee=employee, unit=org.a.room, start_date=datetime.date(2015, 3, 1))
        payload = {"unit": org.a.unit.pk, "start_date": "2025-07-01", "decision_number": "45/QĐ-SNV"}
        response = as_user(org.a.officer).post(detail(employee, "transfer/"), payload, format="json")
        assert response.status_code == 201, response.json()
        employee.refresh_from_db()
        assert employee.unit == org.a.unit
        rows = as_user(org.a.officer).get(detail(employee, "assignments/")).json()["results"]
        assert [(r["unit"]["id"], r["start_date"], r["end_date"]) for r in rows] == [
            (org.a.unit.pk, "2025-07-01", None),
            (org.a.room.pk, "2015-03-01", "2025-06-30"),
        ]

    def test_transfer_from_abolished_district_to_commune_keeps_old_unit(self, as_user, org):
        district = OrgUnitFactory(kind="HUYEN", level="HUYEN", parent=org.province, valid_to=datetime.date(2025, 6, 30))
        employee = EmployeeFactory(unit=district)
        Assignment.objects.create(employee=employee, unit=district, start_date=datetime.date(2018, 1, 1))
        payload = {"unit": org.b.room.pk, "start_date": "2025-07-01"}
        assert as_user(org.admin).post(detail(employee, "transfer/"), payload, format="json").status_code == 201
        assert Assignment.objects.get(employee=employee, unit=district).end_date == datetime.date(2025, 6, 30)

    def test_transfer_into_an_abolished_unit_is_refused(self, as_user, org):
        district = OrgUnitFactory(kind="HUYEN", level="HUYEN", parent=org.province, valid_to=datetime.date(2025, 6, 30))
        payload = {"unit": district.pk, "start_date": "2025-08-01"}
        employee = org.a.staff.employee
        with unchanged(employee, employee.assignments.all()):
            response = as_user(org.admin).post(detail(employee, "transfer/"), payload, format="json")
        refused(response, "unit_not_in_existence", field="unit")

    @pytest.mark.parametrize(
        ("start", "code"),
        [
            ("2014-01-01", "before_current_assignment"),
            ((datetime.date.today() + datetime.timedelta(days=3)).isoformat(), "future_date"),
        ],
    )
    def test_dates_before_current_or_in_future_are_refused(self, as_user, org, start, code):
        employee = org.a.staff.employee
        Assignment.objects.create(employee=employee, unit=org.a.room, start_date=datetime.date(2015, 3, 1))
        with unchanged(employee, employee.assignments.all()):
            response = as_user(org.a.officer).post(
                detail(employee, "transfer/"), {"unit": org.a.unit.pk, "start_date": start}, format="json"
            )
        refused(response, code, field="start_date")

    def test_officer_cannot_move_people_out_of_their_agency(self, as_user, org):
        payload = {"unit": org.b.room.pk, "start_date": "2025-01-01"}
        response = as_user(org.a.officer).post(detail(org.a.staff.employee, "transfer/"), payload, format="json")
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert "unit" in response.json()
        assert not Assignment.objects.filter(employee=org.a.staff.employee, unit=org.b.room).exists()

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_readers_get_403(self, as_user, org, role):
        payload = {"unit": org.a.unit.pk, "start_date": "2025-01-01"}
        employee = org.a.staff.employee
        with unchanged(employee, employee.assignments.all()):
            response = as_user(getattr(org.a, role)).post(detail(employee, "transfer/"), payload, format="json")
        refused(response, "permission_denied")


class TestSalaryChange:
    def url(self, employee):
        return detail(employee, "salary-changes/")

    def test_step_raise_is_a_new_dated_row(self, as_user, org):
        employee = org.a.staff.employee
        step4 = SalaryStep.objects.get(scale__code="A1", step=4)
        payload = {
            "rank": employee.rank_id,
            "salary_step": step4.pk,
            "effective_date": "2025-01-01",
            "decision_number": "9/QĐ-SNV",
        }
        response = as_user(org.a.officer).post(self.url(employee), payload, format="json")
        assert response.status_code == 201, response.json()
        employee.refresh_from_db()
        assert employee.salary_coefficient == step4.coefficient
        rows = as_user(org.a.staff).get(detail(employee, "salary-history/")).json()["results"]
        assert rows[0]["coefficient"] == "3.33" and rows[0]["effective_date"] == "2025-01-01"

    def test_rank_change_needs_a_step_of_the_new_scale(self, as_user, org):
        employee = org.a.staff.employee
        payload = {
            "rank": Rank.objects.get(code="01.002").pk,
            "salary_step": SalaryStep.objects.get(scale__code="A1", step=4).pk,
            "effective_date": "2025-01-01",
        }
        with unchanged(employee, employee.salary_records.all()):
            response = as_user(org.a.officer).post(self.url(employee), payload, format="json")
        refused(response, "step_not_in_scale", field="salary_step")

    def test_decision_older_than_the_latest_is_refused(self, as_user, org):
        employee = org.a.staff.employee
        SalaryRecord.objects.create(
            employee=employee,
            rank=employee.rank,
            salary_step=employee.salary_step,
            coefficient=employee.salary_coefficient,
            effective_date=datetime.date(2024, 6, 1),
        )
        payload = {"rank": employee.rank_id, "salary_step": employee.salary_step_id, "effective_date": "2024-06-01"}
        with unchanged(employee, employee.salary_records.all()):
            response = as_user(org.a.officer).post(self.url(employee), payload, format="json")
        refused(response, "before_latest_salary", field="effective_date")

    def test_manager_gets_403_and_other_officer_404(self, as_user, org):
        employee = org.a.staff.employee
        payload = {"rank": employee.rank_id, "salary_step": employee.salary_step_id, "effective_date": "2025-01-01"}
        assert as_user(org.a.manager).post(self.url(employee), payload, format="json").status_code == 403
        assert as_user(org.b.officer).post(self.url(employee), payload, format="json").status_code == 404


class TestHistoryAccess:
    def test_staff_reads_own_history_but_not_others(self, as_user, org):
        client = as_user(org.a.staff)
        assert client.get(detail(org.a.staff.employee, "history/")).status_code == 200
        assert client.get(detail(org.b.staff.employee, "history/")).status_code == 404

    def test_manager_reads_history_in_subtree(self, as_user, org):
        assert as_user(org.a.manager).get(detail(org.a.staff.employee, "history/")).status_code == 200
        assert as_user(org.a.manager).get(detail(org.b.staff.employee, "history/")).status_code == 404


def test_reverse_names_exist():
    assert reverse("employee-list") == LIST
