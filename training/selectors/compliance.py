"""Credited periods per person and year against the yearly minimum, per person and per unit (DB aggregates)."""

import datetime
import operator
from decimal import Decimal
from functools import reduce

import django_filters
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from backend.api.exceptions import ApplicationError
from hr.access import employee_scope_forms, employee_scope_q
from hr.models import Category, Employee, EmploymentStatus, OrgUnit, User
from hr.selectors.scoped_filters import ScopeImpliedByUnitMixin
from hr.selectors.units import InUnitSubtree, UnitSubtreeIdsFilter
from training.models import (
    ClassStatus,
    CreditRule,
    CreditSource,
    EnrolmentStatus,
    Holder,
    PeriodMinimum,
    Programme,
    ProgrammeType,
    Result,
    TeachingAssignment,
    TeachingStatus,
)

FIRST_YEAR, LAST_YEAR = 2000, 2100


def check_year(year) -> int:
    """The year as an int, or a 400 on `year`."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ApplicationError(_("Enter a year such as 2025."), field="year") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ApplicationError(_("Enter a year such as 2025."), field="year")
    return year


def minima_in_force(*, year: int, rules: list[PeriodMinimum] | None = None) -> dict[tuple[str, str], int]:
    """(category, holder) → minimum periods for `year`, from the rows in force on 31 December (one per key).

    Category "" is everyone else; holder ANY is leaders and non-leaders alike. `rules`, when given, are all
    the rows (loaded once for several years).
    """
    year_end = datetime.date(year, 12, 31)
    if rules is None:
        rules = list(PeriodMinimum.objects.in_force_on(year_end))
    return {(r.category, r.holder): r.min_periods for r in rules if r.is_in_force_on(year_end)}


def _most_specific_first(minima: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    # Category and holder, then category, then holder, then the general row.
    return sorted(minima, key=lambda key: (key[0] == "", key[1] == Holder.ANY))


def minimum_for(
    *, category: str, year: int, leader: bool = False, rules: list[PeriodMinimum] | None = None
) -> int | None:
    """The minimum for one person in `year`, or None when no rule was in force."""
    minima = minima_in_force(year=year, rules=rules)
    holder = Holder.LEADER if leader else Holder.NON_LEADER
    for key in _most_specific_first(minima):
        if key[0] in ("", category) and key[1] in (Holder.ANY, holder):
            return minima[key]
    return None


def _holder_q(holder: str, prefix: str) -> Q:
    if holder == Holder.LEADER:
        return Q(**{f"{prefix}position__is_leadership": True})
    if holder == Holder.NON_LEADER:
        return Q(**{f"{prefix}position__isnull": True}) | Q(**{f"{prefix}position__is_leadership": False})
    return Q()


def _minimum_expression(year: int, *, prefix: str = "", minima: dict[tuple[str, str], int] | None = None):
    """Each person's minimum as a CASE over category and leadership post (the current post)."""
    if minima is None:
        minima = minima_in_force(year=year)
    if not minima:
        raise ApplicationError(_("No yearly training minimum was in force in %(year)d.") % {"year": year}, field="year")
    whens = []
    for category, holder in _most_specific_first(minima):
        if (category, holder) == ("", Holder.ANY):
            continue  # the general row is the CASE's default
        condition = _holder_q(holder, prefix)
        if category:
            condition &= Q(**{f"{prefix}category": category})
        whens.append(When(condition, then=Value(minima[(category, holder)])))
    # Someone no row covers (no general row that year) owes nothing.
    general = minima.get(("", Holder.ANY), 0)
    return Case(*whens, default=Value(general), output_field=IntegerField())


def credit_rules_in_force(*, year: int, rules: list[CreditRule] | None = None) -> dict[tuple[str, str, str], bool]:
    """(source, category, holder) → whether it counts in `year`, from the rows in force on 31 December."""
    year_end = datetime.date(year, 12, 31)
    if rules is None:
        rules = list(CreditRule.objects.in_force_on(year_end))
    # One row per key is in force on a day (EffectiveDated.overlap_key), so the keys do not collide.
    return {(r.source, r.category, r.holder): r.counts for r in rules if r.is_in_force_on(year_end)}


def source_counts(*, in_force: dict[tuple[str, str, str], bool], source: str, category: str, leader: bool) -> bool:
    """Whether periods from `source` count for a person; the most specific row decides, no row counts nothing."""
    holder = Holder.LEADER if leader else Holder.NON_LEADER
    keys = [(c, h) for (s, c, h) in in_force if s == source and c in ("", category) and h in (Holder.ANY, holder)]
    for category_key, holder_key in _most_specific_first(dict.fromkeys(keys, 0)):
        return in_force[(source, category_key, holder_key)]
    return False


def _credit_conditions(year: int, in_force: dict[tuple[str, str, str], bool] | None = None) -> tuple[Q, Q]:
    """Which enrolments' programme types count for whom, and whose teaching counts, in `year` (one rule query).

    People are told apart by category and leadership post (the current post, as for the minimum). The
    people for whom the same programme types count are named together (`_people_q`): one condition per
    distinct list of types instead of one per category and post, which the database plans and Django
    compiles for every page of the compliance list (issue 15).
    """
    if in_force is None:
        in_force = credit_rules_in_force(year=year)
    by_types: dict[tuple[str, ...], list[tuple[str, bool]]] = {}
    teachers: list[tuple[str, bool]] = []
    for category in Category.values:
        for leader in (True, False):
            types = tuple(
                kind
                for kind in ProgrammeType.values
                if source_counts(in_force=in_force, source=kind, category=category, leader=leader)
            )
            by_types.setdefault(types, []).append((category, leader))
            if source_counts(in_force=in_force, source=CreditSource.TEACHING, category=category, leader=leader):
                teachers.append((category, leader))
    nobody = Q(pk__in=[])
    programmes = [
        _people_q(people) & Q(training_enrolments__training_class__programme__programme_type__in=list(types))
        for types, people in by_types.items()
        if types
    ]
    teaching = _people_q(teachers) if teachers else nobody
    return reduce(operator.or_, programmes, nobody), teaching


def _people_q(people: list[tuple[str, bool]]) -> Q:
    """People of these (category, leader) pairs, in as few conditions as the pairs allow."""
    by_post = {leader: sorted(c for c, is_leader in people if is_leader == leader) for leader in (True, False)}
    everyone = sorted(Category.values)

    def of(categories: list[str]) -> Q:
        return Q() if categories == everyone else Q(category__in=categories)

    if by_post[True] == by_post[False]:
        return of(by_post[True])
    parts = [
        of(categories) & _holder_q(Holder.LEADER if leader else Holder.NON_LEADER, "")
        for leader, categories in by_post.items()
        if categories
    ]
    return reduce(operator.or_, parts)


def taught_in_year(year: int) -> QuerySet[TeachingAssignment]:
    """Teaching whose periods fall in `year`: recorded, in a class completed and ended that year."""
    return TeachingAssignment.objects.filter(
        status=TeachingStatus.RECORDED,
        training_class__status=ClassStatus.COMPLETED,
        training_class__end_date__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
    )


def credited_in_year_q(year: int, *, prefix: str = "") -> Q:
    """Enrolments whose periods count for `year`: passed, in a class completed and ended that year."""
    return Q(
        **{
            f"{prefix}status": EnrolmentStatus.ENROLLED,
            f"{prefix}result": Result.PASSED,
            f"{prefix}training_class__status": ClassStatus.COMPLETED,
            f"{prefix}training_class__end_date__range": (datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
        }
    )


def with_compliance(
    qs: QuerySet[Employee],
    *,
    year: int,
    minima: dict[tuple[str, str], int] | None = None,
    in_force: dict[tuple[str, str, str], bool] | None = None,
) -> QuerySet[Employee]:
    """Employees annotated with `learned`, `taught`, `credited`, `minimum`, `compliant` and `reform_trained`.

    One grouped pass over the people's enrolments (a LEFT JOIN with filtered aggregates) rather than a
    correlated subquery per person; reform programmes are matched by id so their tags multiply no rows.
    `learned` counts only the programme types the credit rules count for the person; `taught` is their
    teaching in classes that ended in `year` when the rules count it (a leader's, NĐ 171/2025 Điều 3.4): a
    subquery, so the teaching rows multiply no enrolment row. `credited` is the sum of both. `minima` and
    `in_force` are the rules of `year` when the caller has read them already.
    """
    counted = credited_in_year_q(year, prefix="training_enrolments__")
    programme_counts, teaching_counts = _credit_conditions(year, in_force)
    reform_programmes = Programme.objects.filter(tags__is_reform=True).values("pk")
    teaching = (
        taught_in_year(year)
        .filter(employee=OuterRef("pk"))
        .order_by()
        .values("employee")
        .annotate(total=Sum("periods"))
        .values("total")
    )
    return qs.annotate(
        learned=Coalesce(Sum("training_enrolments__periods_credited", filter=counted & programme_counts), 0),
        taught=Case(
            When(teaching_counts, then=Coalesce(Subquery(teaching, output_field=IntegerField()), 0)),
            default=Value(0),
            output_field=IntegerField(),
        ),
        reform_count=Count(
            "training_enrolments",
            filter=counted & Q(training_enrolments__training_class__programme__in=reform_programmes),
        ),
        minimum=_minimum_expression(year, minima=minima),
    ).annotate(
        # As `_derive` computes them for a page.
        credited=F("learned") + F("taught"),
        compliant=ExpressionWrapper(Q(credited__gte=F("minimum")), output_field=BooleanField()),
        reform_trained=ExpressionWrapper(Q(reform_count__gt=0), output_field=BooleanField()),
    )


class ComplianceFilter(ScopeImpliedByUnitMixin, django_filters.FilterSet):
    # By the subtree's unit ids, as the employee list: a join on the path beside the caller's own scope made
    # PostgreSQL expect a handful of people and sort the whole subtree (issue 15).
    unit = UnitSubtreeIdsFilter(label=gettext_lazy("Unit (whole subtree)"))
    category = django_filters.MultipleChoiceFilter(choices=Category.choices)
    compliant = django_filters.BooleanFilter(field_name="compliant")
    reform_trained = django_filters.BooleanFilter(field_name="reform_trained")

    # The list's rows are the working people: that condition stays when the scope goes.
    scope_kept = {"status": EmploymentStatus.ACTIVE}

    class Meta:
        model = Employee
        fields = ["unit", "category", "compliant", "reform_trained"]

    def scope_forms(self, user: User) -> list[Q]:
        return employee_scope_forms(user)


# The list's filters that read a person's figures; without them the people are chosen before they are figured.
FIGURE_FILTERS = ("compliant", "reform_trained")


def compliance_people(*, user: User) -> QuerySet[Employee]:
    """Working people the caller may read: the rows of the compliance list, before their figures."""
    return Employee.objects.filter(employee_scope_q(user), **ComplianceFilter.scope_kept).select_related("unit")


def compliance_list(*, user: User, year: int, filters=None) -> QuerySet[Employee]:
    """Working people the caller may read, each with their credited periods for `year`."""
    qs = with_compliance(compliance_people(user=user), year=year)
    return ComplianceFilter(filters, queryset=qs).qs if filters else qs


# The figures' SQL for a page, compiled once per year, rules in force and page length (issue 15): building the
# annotated query and compiling it took more time than the database took to run it. The rules are read on
# every call and are part of the key, so a rule that changes makes a new entry.
_PAGE_FIGURES_SQL: dict[tuple, tuple[str, tuple, int]] = {}
PAGE_FIGURES_SQL_ENTRIES = 256
# The counted annotations of `with_compliance`; `_derive` gives the others from them, as its second `annotate`
# does. Selecting those too repeats every counted expression in the SQL: PostgreSQL took 3.6 ms to plan the
# page's query, 1.4 ms without them.
COUNTED = ("learned", "taught", "reform_count", "minimum")


def _derive(person: Employee) -> None:
    person.credited = person.learned + person.taught
    person.compliant = person.credited >= person.minimum
    person.reform_trained = person.reform_count > 0


# Stand-ins for the page's ids while the SQL is compiled: no row has a negative id.
_ID_MARK = -(10**15)


def _page_figures_sql(*, year: int, size: int) -> tuple[str, tuple, int]:
    """The SQL of `with_compliance` for `size` (at least one) people, its parameters, and where their ids go."""
    minima, in_force = minima_in_force(year=year), credit_rules_in_force(year=year)
    key = (connection.vendor, year, size, tuple(sorted(minima.items())), tuple(sorted(in_force.items())))
    entry = _PAGE_FIGURES_SQL.get(key)
    if entry is None:
        marks = [_ID_MARK - position for position in range(size)]
        figured = with_compliance(Employee.objects.filter(pk__in=marks), year=year, minima=minima, in_force=in_force)
        sql, params = figured.order_by().values_list("pk", *COUNTED).query.sql_with_params()
        start = list(params).index(marks[0])
        if list(params[start : start + size]) != marks:
            raise RuntimeError("the page's ids are not one run of the compiled query's parameters")
        if len(_PAGE_FIGURES_SQL) >= PAGE_FIGURES_SQL_ENTRIES:
            _PAGE_FIGURES_SQL.clear()
        entry = _PAGE_FIGURES_SQL[key] = (sql, tuple(params), start)
    return entry


def with_figures(people: list[Employee], *, year: int) -> list[Employee]:
    """`people` (a page of the list), each given the `with_compliance` figures for `year` as attributes.

    One aggregate over the page's people only: the figures of the people not shown are never computed.
    Its SQL is compiled once per year, rules and page length (`_page_figures_sql`); the two rule tables
    are read on every call.
    """
    if not people:
        _minimum_expression(year)  # a year without a minimum in force is refused, whatever the page holds
        return people
    sql, params, start = _page_figures_sql(year=year, size=len(people))
    values = list(params)
    values[start : start + len(people)] = [person.pk for person in people]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = {row[0]: row[1:] for row in cursor.fetchall()}
    for person in people:
        for name, value in zip(COUNTED, rows[person.pk], strict=True):
            setattr(person, name, int(value))
        _derive(person)
    return people


def _pct(part: int, whole: int) -> Decimal:
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))


def unit_compliance_figures(*, unit: OrgUnit, year: int) -> dict:
    """{'staff': int, 'compliant': int, 'reform_trained': int, 'compliant_pct': Decimal, 'reform_trained_pct': Decimal}

    for active staff in unit's subtree (OrgUnit.path prefix); one aggregate query (after the small rule lookup).
    """
    # By the subtree's unit ids, not a join on the path: at a million people the join made PostgreSQL
    # read the whole employee table (issue 15); the ids go through the (unit_id, status) index.
    staff = Employee.objects.filter(InUnitSubtree("unit", unit), status=EmploymentStatus.ACTIVE)
    # Django wraps the grouped per-person query and counts over it: one statement.
    figures = with_compliance(staff, year=year).aggregate(
        staff=Count("pk"),
        compliant=Count("pk", filter=Q(credited__gte=F("minimum"))),
        reform_trained=Count("pk", filter=Q(reform_count__gt=0)),
    )
    return {
        "staff": figures["staff"],
        "compliant": figures["compliant"],
        "reform_trained": figures["reform_trained"],
        "compliant_pct": _pct(figures["compliant"], figures["staff"]),
        "reform_trained_pct": _pct(figures["reform_trained"], figures["staff"]),
    }
