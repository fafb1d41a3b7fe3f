"""Enrolment by personnel officers, single or bulk, with the refusals the rules require."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict, OwnRecord
from hr.access import (
    OWN_RECORD,
    access_employee_for_write,
    access_unit_for_write,
    can_manage_unit,
    employee_manage_q,
    is_own_record,
)
from hr.models import Employee, EmploymentStatus, OrgUnit, Restriction, User
from hr.selectors.discipline import employees_with_restriction
from training.models import ClassStatus, Enrolment, EnrolmentStatus, Result, TrainingClass
from training.notices import enrolments_notices


@dataclass
class Refusal:
    """Why one person was not enrolled."""

    employee: Employee
    reason: str
    # People outside the officer's area are named by id only: the refusal must not reveal who they are.
    in_scope: bool = True
    # The stable code of the rule that refused (see the README), carried by the 400's message.
    code: str = "invalid"

    @property
    def full_name(self) -> str:
        return self.employee.full_name if self.in_scope else ""

    @property
    def message(self) -> str:
        if not self.in_scope:
            return f"{self.employee.pk}: {self.reason}"
        return f"{self.employee.full_name} ({self.employee.pk}): {self.reason}"


def unit_people_to_enrol(*, actor: User | None, unit: OrgUnit) -> list[Employee]:
    """Everyone working in `unit`'s subtree whom `actor` may nominate, for a whole-unit enrolment."""
    access_unit_for_write(actor, unit, field="unit")
    people = Employee.objects.filter(unit__path__startswith=unit.path, status=EmploymentStatus.ACTIVE)
    if actor is not None:
        people = people.filter(employee_manage_q(actor))
    return list(people.order_by("full_name", "pk"))


def _restricted_ids(employee_ids: list[int]) -> set[int]:
    # Nomination happens today, so a decision in force today bars it (Luật CBCC 2025 Điều 38).
    return employees_with_restriction(
        restriction=Restriction.TRAINING, on=timezone.localdate(), employee_ids=employee_ids
    )


def _refusals(*, actor: User, training_class: TrainingClass, employees: list[Employee]) -> list[Refusal]:
    ids = [e.pk for e in employees]
    if actor is None:
        manageable = set(ids)
    else:
        manageable = set(Employee.objects.filter(employee_manage_q(actor), pk__in=ids).values_list("pk", flat=True))
    enrolled = set(
        training_class.enrolments.filter(status=EnrolmentStatus.ENROLLED, employee_id__in=ids).values_list(
            "employee_id", flat=True
        )
    )
    restricted = _restricted_ids(ids)
    refusals, seen = [], set()
    for employee in employees:
        if actor is not None and is_own_record(actor, employee):
            reason, code = _("your own record: the competent authority above you nominates you"), "own_record"
        elif employee.pk not in manageable:
            reason, code = _("outside your area of responsibility"), "out_of_scope"
        elif employee.pk in seen:
            reason, code = _("listed more than once"), "duplicate_entry"
        elif employee.pk in enrolled:
            reason, code = _("already enrolled in this class"), "already_enrolled"
        elif employee.status != EmploymentStatus.ACTIVE:
            reason, code = _("not currently working"), "not_in_service"
        elif employee.pk in restricted:
            reason, code = _("under a discipline restriction on training nomination"), "restricted_by_discipline"
        else:
            reason, code = "", ""
        seen.add(employee.pk)
        if reason:
            refusals.append(Refusal(employee, reason, in_scope=employee.pk in manageable, code=code))
    return refusals


@transaction.atomic
def enrolment_bulk_create(
    *,
    actor: User,
    training_class: TrainingClass,
    employees: list[Employee],
    skip_ineligible: bool = False,
    field: str = "employees",
) -> tuple[list[Enrolment], list[Refusal]]:
    """Enrol people in an open class; all or nothing, unless `skip_ineligible` enrols those who may be.

    The class row is locked first so simultaneous enrolments never over-book the last seats.
    """
    training_class = TrainingClass.objects.select_for_update().get(pk=training_class.pk)
    if training_class.status != ClassStatus.OPEN:
        raise Conflict(_("The class is not open for enrolment."), code="class_not_open")
    if not employees:
        raise ApplicationError(_("Nobody to enrol."), field=field, code="nobody_to_enrol")
    refusals = _refusals(actor=actor, training_class=training_class, employees=employees)
    refused = {r.employee.pk for r in refusals}
    eligible = list({e.pk: e for e in employees if e.pk not in refused}.values())
    free = training_class.capacity - training_class.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()
    if len(eligible) > free:
        full = _("the class is full (capacity %(capacity)d)") % {"capacity": training_class.capacity}
        refusals.extend(Refusal(e, full, code="class_full") for e in eligible[max(free, 0) :])
        eligible = eligible[: max(free, 0)]
    if refusals and not skip_ineligible:
        raise ValidationError({field: [ValidationError(r.message, code=r.code) for r in refusals]})
    created = []
    for employee in eligible:
        enrolment = Enrolment(employee=employee, training_class=training_class, enrolled_by=actor)
        enrolment._history_user = actor
        # Duplicates were refused above under the class lock; skip one constraint query per person.
        enrolment.full_clean(validate_constraints=False)
        enrolment.save()
        created.append(enrolment)
    enrolments_notices(created)
    return created, refusals


def enrolment_create(*, actor: User, training_class: TrainingClass, employee: Employee) -> Enrolment:
    """Enrol one person; refusals answer 400 on `employee` with the reason."""
    created, _refused = enrolment_bulk_create(
        actor=actor, training_class=training_class, employees=[employee], field="employee"
    )
    return created[0]


@transaction.atomic
def enrolment_withdraw(*, actor: User, enrolment: Enrolment) -> Enrolment:
    """Withdraw a person before their result is recorded: by their officer, or by whoever runs the class."""
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("training_class__organiser", "employee__unit")
        .get(pk=enrolment.pk)
    )
    if actor is not None and not can_manage_unit(actor, enrolment.training_class.organiser):
        access_employee_for_write(actor, enrolment.employee)
    elif actor is not None and is_own_record(actor, enrolment.employee):
        raise OwnRecord(OWN_RECORD)
    if enrolment.status != EnrolmentStatus.ENROLLED or enrolment.result != Result.PENDING:
        raise Conflict(_("Only an enrolment without a result can be withdrawn."), code="result_recorded")
    if enrolment.training_class.status not in (ClassStatus.OPEN, ClassStatus.IN_PROGRESS):
        raise Conflict(_("Enrolments change only while the class is open or in progress."), code="enrolments_closed")
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment._history_user = actor
    enrolment.full_clean(validate_constraints=False)
    enrolment.save(update_fields=["status"])
    return enrolment
