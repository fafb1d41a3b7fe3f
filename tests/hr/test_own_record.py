"""Nobody acts on their own record: an officer's discipline, salary, rank, awards and data are decided above them.

Every write path refuses with the code `own_record` and writes nothing: the API, the services the importers
call (the admin's own tests cover its pages), and the province administrator is bound the same way.
"""

import datetime

import pytest
from django.urls import reverse

from backend.api.exceptions import OwnRecord
from hr.models import Commendation, DisciplineRecord, Employee, Initiative, SalaryRecord, SalaryStep, User
from hr.services.discipline import discipline_record_create
from hr.services.employees import employee_update
from tests.factories import EmployeeFactory
from tests.matrix.discipline import discipline
from tests.refusals import refused
from tests.training.factories import enrol, open_class, start
from training.models import Enrolment, Result

pytestmark = pytest.mark.django_db

DECISION = {
    "form": "KHIEN_TRACH",
    "decision_number": "15/QĐ-SNV",
    "issuing_authority": "Giám đốc Sở Nội vụ",
    "decision_date": "2025-09-10",
    "effective_date": "2025-09-10",
    "violation_date": "2025-05-02",
    "reason": "Vi phạm quy chế làm việc",
    "severity": "IT_NGHIEM_TRONG",
}


def refused_as_own(response):
    assert response.status_code == 403, response.data
    assert response.data["code"] == "own_record"
    assert "cấp có thẩm quyền" in response.data["detail"]


class TestOfficerOnTheirOwnRecord:
    def test_edit_own_record(self, org, as_user):
        me = org.a.officer.employee
        response = as_user(org.a.officer).patch(
            reverse("employee-detail", args=[me.pk]), {"full_name": "Tự sửa"}, format="json"
        )
        refused_as_own(response)
        me.refresh_from_db()
        assert me.full_name != "Tự sửa"
        assert me.history.count() == 1

    def test_raise_own_salary_step(self, org, as_user):
        me = org.a.officer.employee
        higher = SalaryStep.objects.filter(scale=me.salary_step.scale, step__gt=me.salary_step.step).first()
        body = {"rank": me.rank_id, "salary_step": higher.pk, "effective_date": "2025-01-01"}
        response = as_user(org.a.officer).post(reverse("employee-salary-change", args=[me.pk]), body, format="json")
        refused_as_own(response)
        assert SalaryRecord.objects.filter(employee=me, salary_step=higher).count() == 0

    def test_transfer_oneself(self, org, as_user):
        me = org.a.officer.employee
        body = {"unit": org.a.room.pk, "start_date": "2025-12-01"}
        response = as_user(org.a.officer).post(reverse("employee-transfer", args=[me.pk]), body, format="json")
        refused_as_own(response)
        me.refresh_from_db()
        assert me.unit == org.a.unit

    def test_record_discipline_about_oneself(self, org, as_user):
        body = {**DECISION, "employee": org.a.officer.employee_id}
        response = as_user(org.a.officer).post(reverse("discipline-record-list"), body, format="json")
        assert (response.status_code, response.data["code"]) == (403, "own_record")
        assert "employee" in response.data["fields"]
        assert not DisciplineRecord.objects.exists()

    def test_annul_own_discipline(self, org, as_user):
        record = discipline(org.a.officer.employee)
        body = {"annulled_on": "2025-12-01", "annulling_decision_number": "1/QĐ"}
        response = as_user(org.a.officer).post(
            reverse("discipline-record-annul", args=[record.pk]), body, format="json"
        )
        refused_as_own(response)
        record.refresh_from_db()
        assert record.annulled_on is None

    def test_correct_own_discipline(self, org, as_user):
        record = discipline(org.a.officer.employee)
        response = as_user(org.a.officer).patch(
            reverse("discipline-record-detail", args=[record.pk]), {"reason": "Khác"}, format="json"
        )
        refused_as_own(response)
        record.refresh_from_db()
        assert record.reason == DECISION["reason"]

    def test_commend_oneself(self, org, as_user):
        body = {
            "employee": org.a.officer.employee_id,
            "award": "LDTT",
            "year": 2025,
            "decision_number": "05/QĐ-SNV",
            "issuing_authority": "Giám đốc Sở Nội vụ",
            "decision_date": "2026-01-10",
        }
        response = as_user(org.a.officer).post(reverse("commendation-list"), body, format="json")
        assert (response.status_code, response.data["code"]) == (403, "own_record")
        assert not Commendation.objects.exists()

    def test_initiative_for_oneself(self, org, as_user):
        body = {
            "employee": org.a.officer.employee_id,
            "title": "Sáng kiến",
            "recognition_level": "CO_SO",
            "year": 2025,
            "decision_number": "1/QĐ",
            "recognised_on": "2025-11-01",
        }
        response = as_user(org.a.officer).post(reverse("initiative-list"), body, format="json")
        assert (response.status_code, response.data["code"]) == (403, "own_record")
        assert not Initiative.objects.exists()

    def test_change_own_account(self, org, as_user):
        response = as_user(org.a.officer).patch(
            reverse("account-detail", args=[org.a.officer.pk]), {"scope_unit": org.province.pk}, format="json"
        )
        assert (response.status_code, response.data["code"]) == (403, "own_record")
        org.a.officer.refresh_from_db()
        assert org.a.officer.scope_unit == org.a.unit

    def test_enrol_oneself(self, org, as_user):
        training_class = open_class(org)
        response = as_user(org.a.officer).post(
            reverse("training-class-enrol", args=[training_class.pk]),
            {"employee": org.a.officer.employee_id},
            format="json",
        )
        # A refusal among the people listed: 400 on the list, the rule's code on its message.
        assert "cấp có thẩm quyền" in refused(response, "own_record", field="employee", status=400)
        assert not Enrolment.objects.exists()

    def test_own_result_in_a_class_one_runs(self, org, as_user):
        training_class = open_class(org)
        (mine,) = enrol(org.admin, training_class, org.a.officer.employee)
        start(org.admin, training_class)
        body = {"results": [{"enrolment": mine.pk, "result": "PASSED", "periods_credited": 400}]}
        response = as_user(org.a.officer).post(
            reverse("training-class-results", args=[training_class.pk]), body, format="json"
        )
        assert (response.status_code, response.data["code"]) == (403, "own_record")
        mine.refresh_from_db()
        assert (mine.result, mine.periods_credited) == (Result.PENDING, 0)

    def test_the_authority_above_may(self, org, as_user):
        """The province administration decides on an officer: the refusal is about the person, not the act."""
        record = discipline(org.a.officer.employee)
        body = {"annulled_on": "2025-12-01", "annulling_decision_number": "1/QĐ"}
        response = as_user(org.admin).post(reverse("discipline-record-annul", args=[record.pk]), body, format="json")
        assert response.status_code == 200


class TestEveryoneIsBound:
    def test_province_admin_with_a_record_cannot_edit_it(self, org, as_user):
        me = EmployeeFactory(unit=org.province)
        admin = User.objects.create_user(username="admin2", password="x", role="PROVINCE_ADMIN", employee=me)
        response = as_user(admin).patch(reverse("employee-detail", args=[me.pk]), {"full_name": "X"}, format="json")
        refused_as_own(response)

    def test_services_refuse_without_the_api(self, org):
        """Importers and the admin call these services; the refusal is theirs too."""
        officer = org.a.officer
        with pytest.raises(OwnRecord):
            employee_update(employee=officer.employee, actor=officer, full_name="X")
        with pytest.raises(OwnRecord):
            discipline_record_create(
                actor=officer,
                employee=officer.employee,
                **{
                    **DECISION,
                    "decision_date": datetime.date(2025, 9, 10),
                    "effective_date": datetime.date(2025, 9, 10),
                    "violation_date": datetime.date(2025, 5, 2),
                },
            )
        assert Employee.objects.get(pk=officer.employee_id).full_name != "X"
        assert not DisciplineRecord.objects.exists()

    def test_system_actor_is_not_refused(self, org):
        """`actor=None` is the system itself (demo builder, commands)."""
        employee_update(employee=org.a.officer.employee, actor=None, full_name="Hệ thống")
        assert Employee.objects.get(pk=org.a.officer.employee_id).full_name == "Hệ thống"
