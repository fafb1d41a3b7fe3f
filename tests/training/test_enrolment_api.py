"""Enrolment by personnel officers: single, bulk by list or unit, refusals with reasons, withdrawal, scoping."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import EmployeeFactory
from tests.training.factories import disciplined, enrol, open_class
from training.models import ClassStatus, Enrolment, EnrolmentStatus

pytestmark = pytest.mark.django_db
URL = "/api/v1/training/classes/{}/enrol/"


def post(client, training_class, body):
    return client.post(URL.format(training_class.pk), body, format="json")


class SingleEnrolmentTests:
    def test_officer_enrols_own_agency_person(self, as_user, org):
        training_class = open_class(org, organiser=org.b.unit)  # a class run by another agency is open to all
        response = post(as_user(org.a.officer), training_class, {"employee": org.a.staff.employee_id})
        assert response.status_code == 201, response.data
        assert response.json()["enrolled"][0]["employee"]["id"] == org.a.staff.employee_id
        enrolment = Enrolment.objects.get()
        assert enrolment.enrolled_by == org.a.officer
        assert enrolment.history.first().history_user == org.a.officer

    def test_person_outside_the_officers_agency_is_refused(self, as_user, org):
        response = post(as_user(org.a.officer), open_class(org), {"employee": org.b.staff.employee_id})
        assert response.status_code == 400
        message = response.json()["employee"][0]
        assert "phạm vi" in message
        assert org.b.staff.employee.full_name not in message  # not revealed to another agency's officer

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_managers_and_staff_may_not_enrol(self, as_user, org, role):
        user = getattr(org.a, role)
        response = post(as_user(user), open_class(org), {"employee": user.employee_id})
        assert response.status_code == 403

    def test_duplicate_is_refused_with_reason(self, as_user, org):
        training_class = open_class(org)
        enrol(org.admin, training_class, org.a.staff.employee)
        response = post(
            as_user(org.admin),
            training_class,
            {"employee": org.a.staff.employee_id},
        )
        assert response.status_code == 400
        assert "Chuyên viên SNV" in response.json()["employee"][0]
        assert Enrolment.objects.count() == 1

    def test_discipline_restriction_refuses_nomination(self, as_user, org):
        person = org.a.staff.employee
        disciplined(org.admin, person, on=timezone.localdate() - datetime.timedelta(days=10))
        response = post(as_user(org.a.officer), open_class(org), {"employee": person.pk})
        assert response.status_code == 400
        assert "kỷ luật" in response.json()["employee"][0]
        assert not Enrolment.objects.exists()

    def test_expired_discipline_no_longer_refuses(self, as_user, org):
        person = org.a.staff.employee
        disciplined(org.admin, person, on=timezone.localdate() - datetime.timedelta(days=800))
        assert post(as_user(org.a.officer), open_class(org), {"employee": person.pk}).status_code == 201

    def test_full_class_is_refused(self, as_user, org):
        training_class = open_class(org, capacity=1)
        enrol(org.admin, training_class, org.a.manager.employee)
        response = post(as_user(org.admin), training_class, {"employee": org.a.staff.employee_id})
        assert response.status_code == 400
        assert "1" in response.json()["employee"][0]  # the capacity

    def test_not_working_person_is_refused(self, as_user, org):
        retired = EmployeeFactory(unit=org.a.room, status="RETIRED")
        response = post(as_user(org.admin), open_class(org), {"employee": retired.pk})
        assert response.status_code == 400

    @pytest.mark.parametrize("status", [ClassStatus.DRAFT, ClassStatus.IN_PROGRESS, ClassStatus.COMPLETED])
    def test_only_open_classes_take_enrolments(self, as_user, org, status):
        response = post(as_user(org.admin), open_class(org, status=status), {"employee": org.a.staff.employee_id})
        assert response.status_code == 409

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"employee": "abc"},
            {"employee": 999999},
            {"employees": []},
            {"employees": [999999]},
            {"employees": "1,2"},
            {"unit": 999999},
            {"employee": 1, "unit": 1},
        ],
    )
    def test_bad_input_names_a_field(self, as_user, org, body):
        response = post(as_user(org.admin), open_class(org), body)
        assert response.status_code == 400, response.data
        assert set(response.json()) & {"employee", "employees", "unit"}

    def test_missing_class_is_404(self, as_user, org):
        response = as_user(org.admin).post(URL.format(999999), {"employee": 1}, format="json")
        assert response.status_code == 404


class BulkEnrolmentTests:
    def test_by_list_all_or_nothing(self, as_user, org):
        training_class = open_class(org)
        restricted = EmployeeFactory(unit=org.a.room)
        disciplined(org.admin, restricted, on=timezone.localdate())
        ids = [org.a.staff.employee_id, restricted.pk, org.a.manager.employee_id]
        response = post(as_user(org.a.officer), training_class, {"employees": ids})
        assert response.status_code == 400
        assert len(response.json()["employees"]) == 1
        assert not Enrolment.objects.exists()

    def test_by_list_skipping_the_ineligible(self, as_user, org):
        training_class = open_class(org, capacity=2)
        enrol(org.admin, training_class, org.a.manager.employee)
        extra = EmployeeFactory(unit=org.a.room)
        ids = [org.a.manager.employee_id, org.a.staff.employee_id, extra.pk, org.b.staff.employee_id]
        response = post(as_user(org.a.officer), training_class, {"employees": ids, "skip_ineligible": True})
        assert response.status_code == 201, response.data
        body = response.json()
        assert [row["employee"]["id"] for row in body["enrolled"]] == [org.a.staff.employee_id]
        refused = {row["employee"]: row["reason"] for row in body["refused"]}
        assert set(refused) == {org.a.manager.employee_id, extra.pk, org.b.staff.employee_id}
        assert "đầy" in refused[extra.pk]  # the class is full
        names = {row["employee"]: row["full_name"] for row in body["refused"]}
        assert names[org.b.staff.employee_id] == ""  # outside the officer's area: id only
        assert training_class.enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == 2

    def test_by_unit_takes_the_working_people_of_the_subtree(self, as_user, org):
        training_class = open_class(org)
        EmployeeFactory(unit=org.a.room, status="RETIRED")
        response = post(as_user(org.a.officer), training_class, {"unit": org.a.unit.pk})
        assert response.status_code == 201, response.data
        enrolled = set(training_class.enrolments.values_list("employee_id", flat=True))
        assert enrolled == {org.a.officer.employee_id, org.a.manager.employee_id, org.a.staff.employee_id}

    def test_by_unit_outside_scope_is_refused(self, as_user, org):
        response = post(as_user(org.a.officer), open_class(org), {"unit": org.b.unit.pk})
        assert response.status_code == 400
        assert "unit" in response.json()

    def test_listed_twice_is_refused(self, as_user, org):
        ids = [org.a.staff.employee_id, org.a.staff.employee_id]
        response = post(as_user(org.admin), open_class(org), {"employees": ids})
        assert response.status_code == 400


class WithdrawAndListTests:
    def test_officer_withdraws_and_frees_the_place(self, as_user, org):
        training_class = open_class(org, capacity=1)
        (enrolment,) = enrol(org.admin, training_class, org.a.staff.employee)
        client = as_user(org.a.officer)
        response = client.post(f"/api/v1/training/enrolments/{enrolment.pk}/withdraw/")
        assert response.status_code == 200
        assert response.json()["status"] == "WITHDRAWN"
        assert client.post(f"/api/v1/training/enrolments/{enrolment.pk}/withdraw/").status_code == 409
        assert post(client, training_class, {"employee": org.a.staff.employee_id}).status_code == 201

    def test_withdraw_roles(self, as_user, org):
        (enrolment,) = enrol(org.admin, open_class(org), org.a.staff.employee)
        url = f"/api/v1/training/enrolments/{enrolment.pk}/withdraw/"
        assert as_user(org.a.staff).post(url).status_code == 403
        assert as_user(org.a.manager).post(url).status_code == 403
        assert as_user(org.b.officer).post(url).status_code == 404

    def test_enrolment_list_is_scoped(self, as_user, org):
        training_class = open_class(org, organiser=org.b.unit)
        enrol(org.admin, training_class, org.a.staff.employee, org.a.manager.employee, org.b.staff.employee)

        def people(user):
            rows = as_user(user).get("/api/v1/training/enrolments/").json()["results"]
            return {row["employee"]["id"] for row in rows}

        assert people(org.a.staff) == {org.a.staff.employee_id}
        assert people(org.a.manager) == {org.a.staff.employee_id, org.a.manager.employee_id}
        # officer B runs the class, so sees its whole list
        assert len(people(org.b.officer)) == 3
        assert people(org.b.manager) == {org.b.staff.employee_id}
        class_list = as_user(org.a.manager).get(f"/api/v1/training/classes/{training_class.pk}/enrolments/")
        assert len(class_list.json()["results"]) == 2

    def test_enrolment_detail_out_of_scope_is_404(self, as_user, org):
        (enrolment,) = enrol(org.admin, open_class(org), org.a.staff.employee)
        assert as_user(org.b.staff).get(f"/api/v1/training/enrolments/{enrolment.pk}/").status_code == 404
        assert as_user(org.a.staff).get(f"/api/v1/training/enrolments/{enrolment.pk}/").status_code == 200

    def test_enrolment_list_runs_constant_queries(self, as_user, org, django_assert_num_queries):
        client = as_user(org.admin)
        training_class = open_class(org)
        enrol(org.admin, training_class, org.a.staff.employee)
        with django_assert_num_queries(4) as few:
            client.get("/api/v1/training/enrolments/")
        people = EmployeeFactory.create_batch(8, unit=org.a.room)
        enrol(org.admin, training_class, *people)
        with django_assert_num_queries(len(few.captured_queries)):
            assert len(client.get("/api/v1/training/enrolments/").json()["results"]) == 9


@pytest.mark.parametrize(
    "query", [{"year": "0.0"}, {"year": "-66101009830521810"}, {"employee": "99999999999999999999"}]
)
def test_out_of_range_filters_are_400(as_user, org, query):
    response = as_user(org.admin).get("/api/v1/training/enrolments/", query)
    assert response.status_code == 400
    assert set(query) <= set(response.json())
