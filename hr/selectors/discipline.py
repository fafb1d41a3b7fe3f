"""Reads of discipline decisions: what other apps ask ("under discipline on D?") and the scoped list.

"In force" throughout: a decision counts on day D when it is not annulled and
`effect_start <= D <= effect_end`. The service computes both dates from the rule
row the decision was taken under (effect from the effective date, or from the
Party decision's date when there is one; `effect_months` later, counted as the
civil code counts months), so a decision lapses by itself the day after
`effect_end`, with no scheduled job. An annulled decision is void from the start:
it counts for no date and no year, including the days before its annulment.
"""

import datetime

import django_filters
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from backend.api.filters import IdFilter, YearFilter
from hr.access import employee_scope_forms, employee_scope_q
from hr.models import (
    DisciplineForm,
    DisciplineRecord,
    DisciplineRestrictionRule,
    Employee,
    Restriction,
    User,
    forms_at_or_above,
)
from hr.models.discipline import PREFETCHED_PAUSES
from hr.selectors.brief import PERSON_BRIEF, brief, own_columns
from hr.selectors.scoped_filters import ScopeImpliedByUnitMixin
from hr.selectors.units import UnitSubtreeFilter


def valid_q() -> Q:
    """Decisions that were not annulled."""
    return Q(annulled_on__isnull=True)


def in_force_q(on: datetime.date, *, prefix: str = "") -> Q:
    """Decisions in force on `on`."""
    return Q(
        **{
            f"{prefix}annulled_on__isnull": True,
            f"{prefix}effect_start__lte": on,
            f"{prefix}effect_end__gte": on,
        }
    )


def disciplined_for_duty_in_year(*, employee, year: int) -> bool:
    """Reprimand level or above, violation related to public duty, decision dated in `year`, not annulled.

    Discipline for acts unrelated to public duty does not count toward the rating
    (Luật CBCC 2025 Điều 38); such a decision forces KHTNV otherwise (DOMAIN §1, §2).
    """
    return DisciplineRecord.objects.filter(
        valid_q(),
        employee=employee,
        duty_related=True,
        decision_date__year=year,
        form__in=forms_at_or_above(DisciplineForm.REPRIMAND),
    ).exists()


def disciplined_for_duty_in_year_ids(*, year: int) -> QuerySet:
    """The people `disciplined_for_duty_in_year` answers yes for, as a subquery of employee ids (one query)."""
    return DisciplineRecord.objects.filter(
        valid_q(),
        duty_related=True,
        decision_date__year=year,
        form__in=forms_at_or_above(DisciplineForm.REPRIMAND),
    ).values("employee_id")


def is_under_discipline(*, employee, on: datetime.date) -> bool:
    """Whether a decision about the person is in force on `on` (see the module docstring)."""
    return DisciplineRecord.objects.filter(in_force_q(on), employee=employee).exists()


def restrictions_in_force(*, employee, on: datetime.date) -> set[str]:
    """`Restriction` values the person is subject to on `on`, from the rules of the decisions in force."""
    return set(
        DisciplineRestrictionRule.objects.filter(
            rule__in=DisciplineRecord.objects.filter(in_force_q(on), employee=employee).values("rule")
        ).values_list("restriction", flat=True)
    )


def employees_with_restriction(*, restriction: str, on: datetime.date, employee_ids=None) -> set[int]:
    """Ids of people (among `employee_ids`, if given) subject to `restriction` on `on`, in one query."""
    if restriction not in Restriction.values:
        raise ValueError(f"Unknown restriction {restriction!r}; use hr.models.Restriction.")
    qs = DisciplineRecord.objects.filter(in_force_q(on), rule__restrictions__restriction=restriction)
    if employee_ids is not None:
        qs = qs.filter(employee_id__in=list(employee_ids))
    return set(qs.values_list("employee_id", flat=True))


def disciplined_count_in_year(*, unit, year: int) -> int:
    """Distinct people now in `unit`'s subtree with a non-annulled decision dated in `year` (reform appraisal)."""
    return (
        DisciplineRecord.objects.filter(valid_q(), employee__unit__path__startswith=unit.path, decision_date__year=year)
        .values("employee_id")
        .distinct()
        .count()
    )


def disciplined_at_or_above_in_year(*, employee_ids, year: int, form_level: str) -> set[int]:
    """Ids among `employee_ids` with a non-annulled decision dated in `year` at `form_level` or heavier."""
    if form_level not in DisciplineForm.values:
        raise ValueError(f"Unknown discipline form {form_level!r}; use hr.models.DisciplineForm.")
    return set(
        DisciplineRecord.objects.filter(
            valid_q(),
            employee_id__in=list(employee_ids),
            decision_date__year=year,
            form__in=forms_at_or_above(form_level),
        ).values_list("employee_id", flat=True)
    )


def is_leader_on(*, employee: Employee, on: datetime.date) -> bool:
    """Whether the person held a leadership post on `on`, from their dated assignments.

    Falls back to the current post when no assignment covers the date (records
    imported without their history).
    """
    assignment = (
        employee.assignments.filter(Q(end_date__isnull=True) | Q(end_date__gte=on), start_date__lte=on)
        .select_related("position")
        .order_by("-start_date")
        .first()
    )
    if assignment is not None:
        return bool(assignment.position_id and assignment.position.is_leadership)
    return bool(employee.position_id and employee.position.is_leadership)


class DisciplineRecordFilter(ScopeImpliedByUnitMixin, django_filters.FilterSet):
    employee = IdFilter(field_name="employee_id")
    unit = UnitSubtreeFilter(unit_field="employee__unit", label=_("Unit (whole subtree)"))
    form = django_filters.MultipleChoiceFilter(choices=DisciplineForm.choices)
    year = YearFilter(field_name="decision_date__year", label=_("Year of the decision"))
    in_force_on = django_filters.DateFilter(method="filter_in_force_on", label=_("In force on date"))
    annulled = django_filters.BooleanFilter(field_name="annulled_on", lookup_expr="isnull", exclude=True)
    processed_late = django_filters.BooleanFilter(
        method="filter_processed_late",
        label=_("Decided after the processing deadline (records without a discovery date never match)"),
    )

    class Meta:
        model = DisciplineRecord
        fields = ["employee", "unit", "form", "year", "in_force_on", "annulled", "processed_late"]

    def scope_forms(self, user: User) -> list[Q]:
        return employee_scope_forms(user, prefix="employee__")

    def filter_in_force_on(self, queryset, name, value):
        return queryset.filter(in_force_q(value))

    def filter_processed_late(self, queryset, name, value):
        return queryset.filter(processed_late_q() if value else processed_in_time_q())


def processed_late_q() -> Q:
    """Decisions taken after their processing deadline."""
    return Q(processing_deadline__isnull=False, decision_date__gt=F("processing_deadline"))


def processed_in_time_q() -> Q:
    """Decisions taken by their processing deadline."""
    return Q(processing_deadline__isnull=False, decision_date__lte=F("processing_deadline"))


def discipline_visible(*, user: User) -> QuerySet[DisciplineRecord]:
    """Decisions about people the caller may read (staff: their own)."""
    return (
        DisciplineRecord.objects.filter(employee_scope_q(user, prefix="employee__"))
        .select_related("employee", "employee__unit", "rule", "repeat_of", "created_by")
        .prefetch_related(Prefetch("pauses", to_attr=PREFETCHED_PAUSES))
    )


def discipline_list(*, user: User, filters=None) -> QuerySet[DisciplineRecord]:
    visible = discipline_visible(user=user)
    return DisciplineRecordFilter(filters, queryset=visible).qs if filters else visible


def discipline_list_rows(*, user: User) -> QuerySet[DisciplineRecord]:
    """`discipline_visible` with only the joins a list row shows (`DisciplineOutputSerializer`)."""
    return (
        DisciplineRecord.objects.filter(employee_scope_q(user, prefix="employee__"))
        .select_related("employee", "rule")
        # The person and the rule only as the row shows them (`hr.selectors.brief`).
        .only(*own_columns(DisciplineRecord), *brief("employee", PERSON_BRIEF), "rule__legal_basis")
        .prefetch_related(Prefetch("pauses", to_attr=PREFETCHED_PAUSES))
    )


def decisions_in_force_for(*, employee: Employee, on: datetime.date, exclude_pk=None) -> QuerySet[DisciplineRecord]:
    """The person's decisions in force on `on`, heaviest last; used to detect a repeat offence."""
    qs = DisciplineRecord.objects.filter(in_force_q(on), employee=employee)
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    return qs.order_by("effect_start", "id")
