"""Enrolment by personnel officers: single, bulk by list or unit, refusals with reasons, withdrawal, scoping."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import EmployeeFactory
from tests.refusals import refused, unchanged
from tests.training.factories import disciplined, enrol, open_class
from training.models import ClassStatus, Enrolment, EnrolmentStatus

pytestmark = pytest.mark.django_db
URL = "/api/v1/training/classes/{}/enrol/"


def post(client, training_class, body):
    return client.post(URL.format(training_class.pk), body, format="json")


def refused_enrolment(client, training_class, body, code, *, field="employee", status=None) -> str:
    """The enrolment is refused by the rule `code` on `field`, and nobody was enrolled or withdrawn."""
    with unchanged(Enrolment.objects.all()):
        response = post(client, training_class, body)
    return refused(response, code, field=field, status=status)


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
        body = {"employee": org.b.staff.employee_id}
        message = refused_enrolment(as_user(org.a.officer), open_class(org), body, "out_of_scope", status=400)
        assert "phạm vi" in message
        assert org.b.staff.employee.full_name not in message  # not revealed to another agency's officer

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_managers_and_staff_may_not_enrol(self, as_user, org, role):
        user = getattr(org.a, role)
        body = {"employee": user.employee_id}
        refused_enrolment(as_user(user), open_class(org), body, "permission_denied", field=None, status=403)

    def test_duplicate_is_refused_with_reason(self, as_user, org):
        training_class = open_class(org)
        enrol(org.admin, training_class, org.a.staff.employee)
        body = {"employee": org.a.staff.employee_id}
        message = refused_enrolment(as_user(org.admin), training_class, body, "already_enrolled")
        assert "Chuyên viên SNV" in message
        assert Enrolment.objects.count() == 1

    def test_discipline_restriction_refuses_nomination(self, as_user, org):
        person = org.a.staff.employee
        disciplined(org.admin, person, on=timezone.localdate() - datetime.timedelta(days=10))
        body = {"employee": person.pk}
        message = refused_enrolment(as_user(org.a.officer), open_class(org), body, "restricted_by_discipline")
        assert "kỷ luật" in message
        assert not Enrolment.objects.exists()

    def test_expired_discipline_no_longer_refuses(self, as_user, org):
        person = org.a.staff.employee
        disciplined(org.admin, person, on=timezone.localdate() - datetime.timedelta(days=800))
        assert post(as_user(org.a.officer), open_class(org), {"employee": person.pk}).status_code == 201

    def test_full_class_is_refused(self, as_user, org):
        training_class = open_class(org, capacity=1)
        enrol(org.admin, training_class, org.a.manager.employee)
        body = {"employee": org.a.staff.employee_id}
        message = refused_enrolment(as_user(org.admin), training_class, body, "class_full")
        assert message.endswith("(số chỗ 1)")  # the capacity

    def test_not_working_person_is_refused(self, as_user, org):
        retired = EmployeeFactory(unit=org.a.room, status="RETIRED")
        refused_enrolment(as_user(org.admin), open_class(org), {"employee": retired.pk}, "not_in_service")

    @pytest.mark.parametrize("status", [ClassStatus.DRAFT, ClassStatus.IN_PROGRESS, ClassStatus.COMPLETED])
    def test_only_open_classes_take_enrolments(self, as_user, org, status):
        body = {"employee": org.a.staff.employee_id}
        refused_enrolment(as_user(org.admin), open_class(org, status=status), body, "class_not_open", field=None)

    @pytest.mark.parametrize(
        ("body", "field", "code"),
        [
            ({}, "employee", "invalid"),
            ({"employee": "abc"}, "employee", "incorrect_type"),
            ({"employee": 999999}, "employee", "does_not_exist"),
            ({"employees": []}, "employees", "empty"),
            ({"employees": [999999]}, "employees", "invalid"),
            ({"employees": "1,2"}, "employees", "not_a_list"),
            ({"unit": 999999}, "unit", "does_not_exist"),
            ({"employee": "staff", "unit": "room"}, "employee", "invalid"),  # both: real ids, filled in below
        ],
    )
    def test_bad_input_names_a_field(self, as_user, org, body, field, code):
        real = {"staff": org.a.staff.employee_id, "room": org.a.room.pk}
        body = {key: real.get(value, value) if isinstance(value, str) else value for key, value in body.items()}
        refused_enrolment(as_user(org.admin), open_class(org), body, code, field=field, status=400)

    def test_missing_class_is_404(self, as_user, org):
        response = as_user(org.admin).post(URL.format(999999), {"employee": 1}, format="json")
        assert response.status_code == 404


class BulkEnrolmentTests:
    def test_by_list_all_or_nothing(self, as_user, org):
        training_class = open_class(org)
        restricted = EmployeeFactory(unit=org.a.room)
        disciplined(org.admin, restricted, on=timezone.localdate())
        ids = [org.a.staff.employee_id, restricted.pk, org.a.manager.employee_id]
        with unchanged(Enrolment.objects.all()):
            response = post(as_user(org.a.officer), training_class, {"employees": ids})
        refused(response, "restricted_by_discipline", field="employees")
        assert len(response.json()["employees"]) == 1
        assert not Enrolment.objects.exists()

    def test_refusals_for_different_rules_carry_each_code(self, as_user, org):
        training_class = open_class(org)
        enrol(org.admin, training_class, org.a.manager.employee)
        retired = EmployeeFactory(unit=org.a.room, status="RETIRED")
        ids = [org.a.manager.employee_id, retired.pk, org.b.staff.employee_id]
        with unchanged(Enrolment.objects.all()):
            response = post(as_user(org.a.officer), training_class, {"employees": ids})
        refused(response, "invalid", field="employees", status=400)  # several rules: the body's code is generic
        codes = [message.code for message in response.data["fields"]["employees"]]
        assert codes == ["already_enrolled", "not_in_service", "out_of_scope"]

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
        codes = {row["employee"]: row["code"] for row in body["refused"]}
        assert codes == {
            org.a.manager.employee_id: "already_enrolled",
            extra.pk: "class_full",
            org.b.staff.employee_id: "out_of_scope",
        }
        names = {row["employee"]: row["full_name"] for row in body["refused"]}
        assert names[org.b.staff.employee_id] == ""  # outside the officer's area: id only
        assert training_class.enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == 2

    def test_by_unit_takes_the_working_people_of_the_subtree(self, as_user, org):
        training_class = open_class(org)
        EmployeeFactory(unit=org.a.room, status="RETIRED")
        response = post(as_user(org.a.officer), training_class, {"unit": org.a.unit.pk})
        assert response.status_code == 201, response.data
        enrolled = set(training_class.enrolments.values_list("employee_id", flat=True))
        # The officer's own record is not theirs to nominate: the authority above them does that.
        assert enrolled == {org.a.manager.employee_id, org.a.staff.employee_id}

    def test_by_unit_outside_scope_is_refused(self, as_user, org):
        training_class = open_class(org)
        response = post(as_user(org.a.officer), training_class, {"unit": org.b.unit.pk})
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert "unit" in response.data["fields"]
        assert not training_class.enrolments.exists()

    def test_listed_twice_is_refused(self, as_user, org):
        ids = [org.a.staff.employee_id, org.a.staff.employee_id]
        refused_enrolment(as_user(org.admin), open_class(org), {"employees": ids}, "duplicate_entry", field="employees")


class WithdrawAndListTests:
    def test_officer_withdraws_and_frees_the_place(self, as_user, org):
        training_class = open_class(org, capacity=1)
        (enrolment,) = enrol(org.admin, training_class, org.a.staff.employee)
        client = as_user(org.a.officer)
        response = client.post(f"/api/v1/training/enrolments/{enrolment.pk}/withdraw/")
        assert response.status_code == 200
        assert response.json()["status"] == "WITHDRAWN"
        with unchanged(Enrolment.objects.all()):
            refused(client.post(f"/api/v1/training/enrolments/{enrolment.pk}/withdraw/"), "result_recorded")
        assert post(client, training_class, {"employee": org.a.staff.employee_id}).status_code == 201

    def test_withdraw_roles(self, as_user, org):
        (enrolment,) = enrol(org.admin, open_class(org), org.a.staff.employee)
        url = f"/api/v1/training/enrolments/{enrolment.pk}/withdraw/"
        with unchanged(enrolment):
            refused(as_user(org.a.staff).post(url), "permission_denied", status=403)
            refused(as_user(org.a.manager).post(url), "permission_denied", status=403)
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
