"""Classes: creation by officers of the organiser, the status lifecycle and its rules, edits, bad input."""

import pytest

from tests.refusals import refused, unchanged
from tests.training.factories import ProgrammeFactory, TrainingClassFactory, enrol, open_class, start
from training.models import ClassStatus, Enrolment, TrainingClass

pytestmark = pytest.mark.django_db
URL = "/api/v1/training/classes/"


def payload(org, **overrides) -> dict:
    return {
        "code": "LOP-2025-01",
        "programme": ProgrammeFactory().pk,
        "organiser": org.a.unit.pk,
        "provider": "Trường Chính trị tỉnh Sơn La",
        "start_date": "2025-06-02",
        "end_date": "2025-06-06",
        "delivery": "BLENDED",
        "capacity": 40,
        **overrides,
    }


def set_status(client, training_class, status):
    return client.post(f"{URL}{training_class.pk}/status/", {"status": status}, format="json")


class ClassCreateTests:
    def test_officer_creates_a_draft_for_own_agency(self, as_user, org):
        response = as_user(org.a.officer).post(URL, payload(org, organiser=org.a.room.pk), format="json")
        assert response.status_code == 201, response.data
        assert response.json()["status"] == "DRAFT"
        assert response.json()["free_places"] == 40

    def test_officer_may_not_organise_for_another_agency(self, as_user, org):
        response = as_user(org.a.officer).post(URL, payload(org, organiser=org.b.unit.pk), format="json")
        assert (response.status_code, response.data["code"]) == (403, "out_of_scope")
        assert "organiser" in response.json()
        assert not TrainingClass.objects.filter(organiser=org.b.unit).exists()

    @pytest.mark.parametrize("role", ["manager", "staff"])
    def test_readers_may_not_create(self, as_user, org, role):
        with unchanged(TrainingClass.objects.all()):
            response = as_user(getattr(org.a, role)).post(URL, payload(org), format="json")
        refused(response, "permission_denied", status=403)

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("end_date", "2025-06-01", "dates_reversed"),
            ("start_date", "02/06/2025", "invalid"),
            ("capacity", 0, "min_value"),
            ("capacity", "nhiều", "invalid"),
            ("delivery", "POSTAL", "invalid_choice"),
            ("programme", 999999, "does_not_exist"),
            ("organiser", 999999, "does_not_exist"),
            ("provider", "", "blank"),
        ],
    )
    def test_bad_input_names_the_field(self, as_user, org, field, value, code):
        with unchanged(TrainingClass.objects.all()):
            response = as_user(org.admin).post(URL, payload(org, **{field: value}), format="json")
        refused(response, code, field=field, status=400)

    def test_inactive_programme_is_refused(self, as_user, org):
        with unchanged(TrainingClass.objects.all()):
            response = as_user(org.admin).post(
                URL, payload(org, programme=ProgrammeFactory(is_active=False).pk), format="json"
            )
        refused(response, "programme_inactive", field="programme")


class ClassLifecycleTests:
    def test_full_lifecycle(self, as_user, org):
        training_class = open_class(org, status=ClassStatus.DRAFT)
        client = as_user(org.a.officer)
        for status in ("OPEN", "IN_PROGRESS"):
            response = set_status(client, training_class, status)
            assert response.status_code == 200, response.data
            assert response.json()["status"] == status
        assert set_status(client, training_class, "COMPLETED").status_code == 200
        assert TrainingClass.objects.get(pk=training_class.pk).history.count() == 4

    @pytest.mark.parametrize(
        ("current", "target"),
        [
            ("DRAFT", "IN_PROGRESS"),
            ("DRAFT", "COMPLETED"),
            ("OPEN", "COMPLETED"),
            ("IN_PROGRESS", "OPEN"),
            ("IN_PROGRESS", "CANCELLED"),
            ("COMPLETED", "IN_PROGRESS"),
            ("CANCELLED", "OPEN"),
        ],
    )
    def test_illegal_moves_are_conflicts(self, as_user, org, current, target):
        training_class = open_class(org, status=current)
        with unchanged(training_class):
            response = set_status(as_user(org.admin), training_class, target)
        refused(response, "wrong_state")

    def test_cannot_complete_while_a_result_is_pending(self, as_user, org):
        training_class = open_class(org)
        first, second = enrol(org.admin, training_class, org.a.staff.employee, org.a.manager.employee)
        start(org.admin, training_class)
        client = as_user(org.a.officer)
        results = f"{URL}{training_class.pk}/results/"
        assert (
            client.post(results, {"results": [{"enrolment": first.pk, "result": "PASSED"}]}, format="json").status_code
            == 200
        )
        with unchanged(training_class):
            response = set_status(client, training_class, "COMPLETED")
        assert "còn 1 người" in refused(response, "results_pending")
        assert (
            client.post(results, {"results": [{"enrolment": second.pk, "result": "ABSENT"}]}, format="json").status_code
            == 200
        )
        assert set_status(client, training_class, "COMPLETED").status_code == 200

    def test_withdrawn_people_do_not_block_completion(self, as_user, org):
        training_class = open_class(org)
        (enrolment,) = enrol(org.admin, training_class, org.a.staff.employee)
        client = as_user(org.a.officer)
        assert client.post(f"/api/v1/training/enrolments/{enrolment.pk}/withdraw/").status_code == 200
        start(org.admin, training_class)
        assert set_status(client, training_class, "COMPLETED").status_code == 200

    def test_bad_status_value(self, as_user, org):
        training_class = open_class(org)
        with unchanged(training_class):
            response = set_status(as_user(org.admin), training_class, "FINISHED")
        refused(response, "invalid_choice", field="status", status=400)

    def test_other_agency_officer_and_manager_are_forbidden(self, as_user, org):
        training_class = open_class(org)
        with unchanged(training_class):
            refused(set_status(as_user(org.b.officer), training_class, "IN_PROGRESS"), "out_of_scope")
            for user in (org.a.manager, org.a.staff):
                refused(set_status(as_user(user), training_class, "IN_PROGRESS"), "permission_denied", status=403)

    def test_missing_class_is_404(self, as_user, org):
        assert set_status(as_user(org.admin), TrainingClass(pk=999999), "OPEN").status_code == 404


class ClassEditTests:
    def test_capacity_cannot_drop_below_enrolled(self, as_user, org):
        training_class = open_class(org, capacity=3)
        enrol(org.admin, training_class, org.a.staff.employee, org.a.manager.employee)
        client = as_user(org.a.officer)
        with unchanged(training_class, Enrolment.objects.all()):
            response = client.patch(f"{URL}{training_class.pk}/", {"capacity": 1}, format="json")
        refused(response, "capacity_below_enrolled", field="capacity")
        assert client.patch(f"{URL}{training_class.pk}/", {"capacity": 2}, format="json").status_code == 200

    def test_no_edit_once_started(self, as_user, org):
        training_class = open_class(org, status=ClassStatus.IN_PROGRESS)
        with unchanged(training_class):
            response = as_user(org.admin).patch(f"{URL}{training_class.pk}/", {"provider": "Khác"}, format="json")
        refused(response, "class_not_editable")

    def test_programme_changes_only_in_draft(self, as_user, org):
        training_class = open_class(org)
        other = ProgrammeFactory()
        with unchanged(training_class):
            response = as_user(org.admin).patch(f"{URL}{training_class.pk}/", {"programme": other.pk}, format="json")
        refused(response, "programme_fixed", field="programme")

    def test_dates_checked_on_edit(self, as_user, org):
        training_class = open_class(org)
        with unchanged(training_class):
            response = as_user(org.admin).patch(f"{URL}{training_class.pk}/", {"end_date": "2025-03-01"}, format="json")
        refused(response, "dates_reversed", field="end_date")

    def test_manager_forbidden_and_other_officer_forbidden(self, as_user, org):
        training_class = open_class(org)
        with unchanged(training_class):
            response = as_user(org.a.manager).patch(f"{URL}{training_class.pk}/", {"capacity": 5}, format="json")
            refused(response, "permission_denied", status=403)
            response = as_user(org.b.officer).patch(f"{URL}{training_class.pk}/", {"capacity": 5}, format="json")
            refused(response, "out_of_scope")


class ClassListTests:
    def test_everyone_browses_with_free_places_and_filters(self, as_user, org):
        full = open_class(org, capacity=1)
        enrol(org.admin, full, org.a.staff.employee)
        open_class(org, status=ClassStatus.DRAFT)
        rows = as_user(org.b.staff).get(URL, {"status": "OPEN"}).json()["results"]
        assert [(r["id"], r["free_places"]) for r in rows] == [(full.pk, 0)]

    def test_list_runs_constant_queries(self, as_user, org, django_assert_num_queries):
        client = as_user(org.a.staff)
        TrainingClassFactory(organiser=org.a.unit)
        with django_assert_num_queries(3) as few:  # savepoint pair, page (not full: no count)
            client.get(URL)
        TrainingClassFactory.create_batch(8, organiser=org.b.unit)
        with django_assert_num_queries(len(few.captured_queries)):
            assert len(client.get(URL).json()["results"]) == 9
