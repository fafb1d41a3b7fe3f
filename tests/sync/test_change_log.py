"""hr's services log each change of a person's record, in their own transaction, with the groups it touches."""

import datetime

import pytest

from hr.models import Assignment, Award, PersonChange, SalaryRecord, SalaryStep
from hr.services.changes import person_changes_sequence
from hr.services.discipline import discipline_record_annul
from hr.services.employees import employee_change_salary, employee_transfer, employee_update
from sync.registry import groups_of_change
from tests.matrix.discipline import commendation, discipline, initiative
from tests.refusals import refusal, unchanged
from tests.sync.helpers import hire, rate

pytestmark = pytest.mark.django_db


def logged(employee):
    return list(PersonChange.objects.filter(employee=employee).order_by("id").values_list("source", "fields"))


def test_hiring_logs_the_person_the_assignment_and_the_salary_record(org):
    employee = hire(org.a.room)
    assert logged(employee) == [("hr.employee", []), ("hr.assignment", []), ("hr.salaryrecord", [])]
    change = PersonChange.objects.get(employee=employee, source="hr.employee")
    # A new person touches every group hr fills.
    assert groups_of_change(change.source, change.fields) == ["identity", "career", "education", "work"]


def test_a_correction_logs_the_fields_and_touches_their_group_only(org):
    employee = hire(org.a.room)
    employee_update(employee=employee, actor=org.admin, full_name="Lò Thị Hường")
    change = PersonChange.objects.filter(employee=employee).latest("id")
    assert (change.source, change.fields) == ("hr.employee", ["full_name"])
    assert groups_of_change(change.source, change.fields) == ["identity"]
    employee_update(employee=employee, actor=org.admin, education_level="THAC_SI")
    change = PersonChange.objects.filter(employee=employee).latest("id")
    assert groups_of_change(change.source, change.fields) == ["education"]


def test_a_transfer_logs_the_closed_and_the_new_assignment_and_the_post(org):
    employee = hire(org.a.room)
    before = PersonChange.objects.count()
    new = employee_transfer(employee=employee, actor=org.admin, unit=org.a.unit, start_date=datetime.date(2024, 5, 2))
    rows = list(PersonChange.objects.order_by("id")[before:].values_list("source", "object_id", "fields"))
    closed = Assignment.objects.filter(employee=employee).exclude(pk=new.pk).get()
    assert rows == [
        ("hr.assignment", closed.pk, ["end_date"]),
        ("hr.assignment", new.pk, []),
        ("hr.employee", employee.pk, ["position", "unit"]),
    ]
    assert groups_of_change("hr.employee", ["position", "unit"]) == ["work"]
    assert groups_of_change("hr.assignment", []) == ["career"]


def test_a_salary_decision_logs_the_record_and_the_post(org):
    employee = hire(org.a.room)
    step = SalaryStep.objects.get(scale=employee.rank.scale, step=3)
    record = employee_change_salary(
        employee=employee,
        actor=org.admin,
        rank=employee.rank,
        salary_step=step,
        effective_date=datetime.date(2024, 1, 1),
    )
    assert logged(employee)[-2:] == [
        ("hr.salaryrecord", []),
        ("hr.employee", ["rank", "salary_coefficient", "salary_date", "salary_step"]),
    ]
    assert PersonChange.objects.filter(source="hr.salaryrecord", object_id=record.pk).exists()
    assert groups_of_change("hr.salaryrecord", []) == ["work"]


def test_a_rating_is_logged_when_new_or_changed_never_when_the_same(org):
    employee = hire(org.a.room)
    before = PersonChange.objects.count()
    rate(employee, 2025, "HTTNV")
    rate(employee, 2025, "HTTNV")
    rate(employee, 2025, "HTXSNV")
    rows = list(PersonChange.objects.order_by("id")[before:].values_list("source", "fields"))
    assert rows == [("hr.annualrating", []), ("hr.annualrating", ["rating"])]


def test_a_refused_change_logs_nothing(org):
    employee = hire(org.a.room)
    with unchanged(PersonChange.objects.all(), SalaryRecord.objects.all()), refusal("before_latest_salary"):
        employee_change_salary(
            employee=employee,
            actor=org.admin,
            rank=employee.rank,
            salary_step=SalaryStep.objects.get(scale=employee.rank.scale, step=3),
            effective_date=datetime.date(2019, 1, 1),
        )


def test_changes_are_numbered_after_commit_in_order_once(org):
    first = hire(org.a.room)
    assert not PersonChange.objects.filter(sequence__isnull=False).exists()
    person_changes_sequence()
    numbered = list(PersonChange.objects.order_by("id").values_list("sequence", flat=True))
    assert numbered == [1, 2, 3]
    rate(first)
    person_changes_sequence()
    person_changes_sequence()
    assert list(PersonChange.objects.order_by("id").values_list("sequence", flat=True)) == [1, 2, 3, 4]


def test_discipline_commendation_and_initiative_are_logged_and_annulments_too(org):
    employee = hire(org.a.room)
    award = commendation(employee=employee)
    found = initiative(employee)
    record = discipline(employee)
    commendation(unit=org.a.unit, award=Award.ADVANCED_COLLECTIVE)  # a unit's: nobody's dossier
    discipline_record_annul(
        actor=None, record=record, annulled_on=datetime.date(2025, 10, 1), annulling_decision_number="30/QĐ"
    )
    assert logged(employee)[-4:] == [
        ("hr.commendation", []),
        ("hr.initiative", []),
        ("hr.disciplinerecord", []),
        ("hr.disciplinerecord", ["annulled_on", "annulling_decision_number", "annulment_reason"]),
    ]
    assert {groups_of_change(source, fields)[0] for source, fields in logged(employee)[-4:]} == {"work"}
    assert PersonChange.objects.filter(source="hr.commendation").values_list("object_id", flat=True).get() == award.pk
    assert PersonChange.objects.filter(source="hr.initiative", object_id=found.pk).exists()
