"""Evaluation cycles: opening one, its deadlines, generating everyone's evaluation, the outstanding-unit flag."""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from backend.api.exceptions import ApplicationError, Forbidden
from evaluations.access import ancestor_paths
from evaluations.models import (
    NOT_RATED,
    PERIODS_PER_YEAR,
    Evaluation,
    EvaluationCycle,
    QuotaGroup,
    RuleSet,
    WorkflowState,
)
from evaluations.selectors.transitional import older_rules_chosen
from evaluations.services.scoring import plain
from hr.access import access_unit_for_write
from hr.models import Assignment, Employee, EmploymentStatus, OrgUnit, User

# People still in service are evaluated: on leave or suspended they are rated on the time worked.
RATED_STATUSES = (EmploymentStatus.ACTIVE, EmploymentStatus.ON_LEAVE, EmploymentStatus.SUSPENDED)
EDITABLE_CYCLE_FIELDS = frozenset({"name", "self_assessment_deadline", "decision_deadline"})
MONTH_DAYS = Decimal(31)


def rule_set_for(category: str, rule_sets: list[RuleSet]) -> RuleSet | None:
    """The one of `rule_sets` (all in force on the cycle's last day) covering the category."""
    return next((r for r in rule_sets if category in r.categories), None)


def _default_decision_deadline(cycle: EvaluationCycle) -> datetime.date | None:
    """For annual cycles, the earliest deadline of the rule sets in force (before 15/12: the 14th)."""
    if not cycle.is_annual:
        return None
    deadlines = [
        datetime.date(cycle.year, r.annual_deadline_month, r.annual_deadline_day)
        for r in RuleSet.objects.in_force_on(cycle.period_end)
    ]
    return min(deadlines, default=None)


def _check_period(cycle: EvaluationCycle) -> None:
    count = PERIODS_PER_YEAR.get(cycle.period_kind)
    if count is not None and not 1 <= cycle.period_number <= count:
        raise ValidationError(
            {
                "period_number": ValidationError(
                    _("The period number must be between 1 and %(count)s.") % {"count": count},
                    code="period_out_of_range",
                )
            }
        )
    early, late = cycle.self_assessment_deadline, cycle.decision_deadline
    if early and late and early > late:
        raise ValidationError(
            {
                "decision_deadline": ValidationError(
                    _("The decision deadline cannot be before the self-assessment deadline."), code="deadline_order"
                )
            }
        )


@transaction.atomic
def cycle_create(*, actor: User, **fields) -> EvaluationCycle:
    """Open a cycle; an annual one gets the decision deadline of the rules in force unless one is given."""
    if "scope_unit" in fields:
        access_unit_for_write(actor, fields["scope_unit"], field="scope_unit")
    cycle = EvaluationCycle(created_by=actor, **fields)
    if cycle.is_annual:
        cycle.period_number = 1
    _check_period(cycle)
    if cycle.decision_deadline is None and cycle.year:
        cycle.decision_deadline = _default_decision_deadline(cycle)
    if not cycle.name:
        cycle.name = _cycle_name(cycle)
    cycle._history_user = actor
    cycle.full_clean()
    cycle.save()
    return cycle


def _cycle_name(cycle: EvaluationCycle) -> str:
    if cycle.period_kind == "MONTHLY":
        period = _("month %(number)s/%(year)s") % {"number": cycle.period_number, "year": cycle.year}
    elif cycle.period_kind == "QUARTERLY":
        period = _("quarter %(number)s/%(year)s") % {"number": cycle.period_number, "year": cycle.year}
    else:
        period = _("year %(year)s") % {"year": cycle.year}
    return _("Evaluation of %(period)s – %(unit)s") % {"period": period, "unit": cycle.scope_unit.name}


@transaction.atomic
def cycle_update(*, actor: User, cycle: EvaluationCycle, **fields) -> EvaluationCycle:
    """Change the name or deadlines; the period and the unit are fixed once people are evaluated in it."""
    access_unit_for_write(actor, cycle.scope_unit, field=None)
    fixed = set(fields) - EDITABLE_CYCLE_FIELDS
    if fixed:
        message = _("Fixed when the cycle is opened.")
        raise ValidationError({name: ValidationError(message, code="fixed_field") for name in sorted(fixed)})
    for name, value in fields.items():
        setattr(cycle, name, value)
    _check_period(cycle)
    cycle._history_user = actor
    cycle.full_clean()
    cycle.save()
    return cycle


def months_worked(employee: Employee, year: int) -> Decimal:
    """Months of the year in service: the union of the person's assignments (else from recruitment) in the year.

    A period counts its whole calendar months plus its remaining days as a
    fraction of 31, so 1 July–31 December is exactly 6 and 2 July–31 December is not.
    """
    start_of_year, end_of_year = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    first_day = max(start_of_year, employee.recruitment_date)
    periods = [
        (max(a.start_date, first_day), min(a.end_date or end_of_year, end_of_year)) for a in employee.assignments.all()
    ] or [(first_day, end_of_year)]
    periods = sorted((s, e) for s, e in periods if s <= e)
    merged: list[list[datetime.date]] = []
    for start, end in periods:
        if merged and start <= merged[-1][1] + datetime.timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    total = Decimal(0)
    for start, end in merged:
        span = relativedelta(end + datetime.timedelta(days=1), start)
        total += Decimal(span.years * 12 + span.months) + Decimal(span.days) / MONTH_DAYS
    return min(Decimal(12), total).quantize(Decimal("0.01"))


def _agency_of(unit: OrgUnit, units_by_path: dict[str, OrgUnit]) -> OrgUnit:
    for path in reversed(ancestor_paths(unit.path)):
        candidate = units_by_path.get(path)
        if candidate is not None and candidate.is_agency:
            return candidate
    return unit


def cycle_generate(*, actor: User, cycle: EvaluationCycle) -> dict:
    """Create the evaluation of everyone in service in the cycle's subtree; a re-run adds only newcomers.

    Under the annual rules, people who worked fewer months than the rule set
    requires get a NOT_RATED row with the reason. People whose category no rule
    set covers on the period's last day are returned as not applicable.
    Runs a fixed number of queries whatever the number of people.
    """
    access_unit_for_write(actor, cycle.scope_unit, field=None)
    with transaction.atomic():
        cycle = EvaluationCycle.objects.select_for_update().select_related("scope_unit").get(pk=cycle.pk)
        scope = cycle.scope_unit
        units = list(OrgUnit.objects.filter(Q(path__startswith=scope.path) | Q(path__in=ancestor_paths(scope.path))))
        units_by_path = {u.path: u for u in units}
        units_by_id = {u.pk: u for u in units}
        period_end = cycle.period_end
        year_assignments = Assignment.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(cycle.year, 1, 1)),
            start_date__lte=datetime.date(cycle.year, 12, 31),
        )
        employees = (
            Employee.objects.filter(
                unit__path__startswith=scope.path, status__in=RATED_STATUSES, recruitment_date__lte=period_end
            )
            .select_related("position")
            .prefetch_related(Prefetch("assignments", queryset=year_assignments))
            .order_by("pk")
        )
        existing = set(Evaluation.objects.filter(cycle=cycle).values_list("employee_id", flat=True))
        # The rules in force on the period's last day: one rule set per category on a day.
        rule_sets = list(RuleSet.objects.in_force_on(period_end))
        # NĐ 233/2026 Điều 20.1: units that chose to rate the year under the older rules.
        older = older_rules_chosen(year=cycle.year)
        initial = dict(
            WorkflowState.objects.filter(
                is_initial=True, workflow_id__in={r.workflow_id for r in [*rule_sets, *older.values()]}
            ).values_list("workflow_id", "code")
        )
        new: list[Evaluation] = []
        not_applicable: list[dict] = []
        for employee in employees:
            if employee.pk in existing:
                continue
            rule_set = rule_set_for(employee.category, rule_sets)
            if rule_set is not None:
                agency = _agency_of(units_by_id[employee.unit_id], units_by_path)
                rule_set = older.get((agency.pk, rule_set.pk), rule_set)
            reason = ""
            if rule_set is None:
                reason = _("No evaluation rules cover this category of staff on %(day)s.") % {
                    "day": period_end.strftime("%d/%m/%Y")
                }
            elif not cycle.is_annual and not rule_set.supports_periodic:
                reason = _("%(rules)s has no monthly or quarterly scoring.") % {"rules": rule_set.name}
            if reason:
                not_applicable.append({"employee": employee.pk, "full_name": employee.full_name, "reason": reason})
                continue
            new.append(_new_evaluation(cycle, employee, rule_set, initial, units_by_id, units_by_path))
        if new:
            bulk_create_with_history(new, Evaluation, batch_size=500, default_user=actor)
            QuotaGroup.objects.bulk_create(
                [QuotaGroup(cycle=cycle, unit_id=agency_id) for agency_id in {e.agency_id for e in new}],
                ignore_conflicts=True,
            )
        cycle.generated_at = timezone.now()
        cycle._history_user = actor
        cycle.save(update_fields=["generated_at"])
    not_rated = list(
        Evaluation.objects.filter(cycle=cycle, status=NOT_RATED)
        .select_related("employee")
        .order_by("employee__full_name", "pk")
    )
    return {
        "created": len(new),
        "existing": len(existing),
        "not_rated": [
            {
                "evaluation": e.pk,
                "employee": e.employee_id,
                "full_name": e.employee.full_name,
                "reason": e.not_rated_reason,
            }
            for e in not_rated
        ],
        "not_applicable": not_applicable,
    }


def _new_evaluation(cycle, employee, rule_set, initial, units_by_id, units_by_path) -> Evaluation:
    unit = units_by_id[employee.unit_id]
    agency = _agency_of(unit, units_by_path)
    position = employee.position
    is_head = bool(position and position.is_head)
    evaluation = Evaluation(
        cycle=cycle,
        employee=employee,
        unit=unit,
        agency=agency,
        position=position,
        category=employee.category,
        is_leader=bool(position and position.is_leadership),
        is_unit_head=is_head,
        is_agency_head=is_head and unit.is_agency,
        rule_set=rule_set,
        rule_set_version=f"{rule_set.code} {rule_set.version}",
        status=initial[rule_set.workflow_id],
    )
    if cycle.is_annual:
        worked = months_worked(employee, cycle.year)
        evaluation.months_worked = worked
        if rule_set.min_months_worked is not None and worked < rule_set.min_months_worked:
            evaluation.status = NOT_RATED
            evaluation.not_rated_reason = _(
                "Worked %(months)s months in %(year)s, fewer than the %(minimum)s months required to be rated."
            ) % {"months": plain(worked), "year": cycle.year, "minimum": plain(rule_set.min_months_worked)}
    return evaluation


@transaction.atomic
def cycle_set_outstanding(
    *, actor: User, cycle: EvaluationCycle, unit: OrgUnit, outstanding: bool, note: str = ""
) -> QuotaGroup:
    """The competent authority (the province administration) marks an agency of the cycle outstanding: 25 %."""
    if actor is not None and not actor.is_province_admin:
        raise Forbidden(_("Only the province administration marks an agency outstanding."), code="permission_denied")
    if not unit.path.startswith(cycle.scope_unit.path) or not unit.is_agency:
        raise ApplicationError(
            _("Choose an agency within the cycle's unit."), field="unit", code="agency_outside_cycle"
        )
    group, _created = QuotaGroup.objects.get_or_create(cycle=cycle, unit=unit)
    group = QuotaGroup.objects.select_for_update().get(pk=group.pk)
    group.outstanding = outstanding
    group.note = note
    group.set_by = actor
    group._history_user = actor
    group.full_clean()
    group.save()
    return group
