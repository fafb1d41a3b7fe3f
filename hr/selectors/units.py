"""Reads of the organisation tree."""

import datetime

import django_filters
from django.db.models import BooleanField, F, Func, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from hr.models import OrgUnit, UnitKind, UnitLevel, UnitLevelRule


@extend_schema_field(OpenApiTypes.INT)
class UnitSubtreeFilter(django_filters.ModelChoiceFilter):
    """Rows whose unit lies in the chosen unit's subtree.

    `path_field` reaches the unit's path from the filtered model, e.g. "unit__path" for employees or
    "employee__unit__path" for records of people: one prefix match on the materialised path, joined.
    `unit_field` instead names the unit itself ("employee__unit") and tests its id against the subtree's
    ids (`InUnitSubtree`): for records of people, PostgreSQL then finds the people by the index on their
    unit and their records by the index on the person, where a join on the path reads the whole employee
    table (issue 15).
    """

    def __init__(self, *, path_field: str = "path", unit_field: str | None = None, **kwargs):
        # The subtree is found by the unit's path: its other columns are not read.
        kwargs.setdefault("queryset", OrgUnit.objects.only("id", "path"))
        super().__init__(**kwargs)
        self.path_field = path_field
        self.unit_field = unit_field

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        if self.unit_field is not None:
            return qs.filter(InUnitSubtree(self.unit_field, value))
        return qs.filter(**{f"{self.path_field}__startswith": value.path})


def subtree_unit_ids(unit: OrgUnit) -> list[int]:
    """The ids of `unit`'s subtree, `unit` included (one query)."""
    return list(OrgUnit.objects.filter(path__startswith=unit.path).order_by().values_list("pk", flat=True))


class UnitSubtreeIdsFilter(UnitSubtreeFilter):
    """`UnitSubtreeFilter` by the subtree's unit ids, read first and written into the list's query as constants.

    For the employee list at national scale (issue 15). With the ids as constants PostgreSQL counts the
    subtree's people from its statistics of `hr_employee.unit_id` (`hr` migration 0022 keeps one per unit),
    and so chooses how to read a page by name: along the name index for a department of 198,250 people
    among 2,500,000 (2 ms), by the unit index for an empty unit (0.05 ms; a join on the path walked the
    whole name index: 1.2 s). Estimated counts past the exact limit come out right too (196,507 for
    198,250; 72,752 before). One query more than a join.
    """

    def __init__(self, *, unit_field: str = "unit", **kwargs):
        super().__init__(unit_field=unit_field, **kwargs)

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        return qs.filter(**{f"{self.unit_field}__in": subtree_unit_ids(value)})


class InUnitSubtree(Func):
    """A condition: the unit reached by `unit_field` lies in `unit`'s subtree, tested on the unit id.

    `Model.objects.filter(InUnitSubtree("unit", unit))` reads the subtree's unit ids in the same
    statement, so the rows are found through an index on the unit column instead of a join on the
    path. On PostgreSQL it is `unit_id = ANY(ARRAY(SELECT id … WHERE path LIKE 'p%'))`: the ids are
    computed once before the scan and the `(unit_id, …)` index takes them as its condition. Written as
    a join on the path, or as `IN (SELECT …)`, the planner cannot know how many people the subtree
    holds and, at a million people, reads the whole employee table sequentially (issue 15). Elsewhere
    it is the portable `unit_id IN (SELECT …)`.
    """

    template = "%(expressions)s"
    arg_joiner = " IN "
    output_field = BooleanField()
    conditional = True

    def __init__(self, unit_field: str, unit: OrgUnit):
        subtree = OrgUnit.objects.filter(path__startswith=unit.path).order_by().values("pk")
        super().__init__(F(unit_field), Subquery(subtree))

    def as_postgresql(self, compiler, connection, **extra_context):
        # "unit_id = ANY(ARRAY" + "(SELECT …)" + ")": the subquery brings its own parentheses.
        return self.as_sql(
            compiler, connection, arg_joiner=" = ANY(ARRAY", template="%(expressions)s)", **extra_context
        )


class UnitFilter(django_filters.FilterSet):
    within = UnitSubtreeFilter(label=_("Within the subtree of unit"))
    kind = django_filters.MultipleChoiceFilter(choices=UnitKind.choices)
    level = django_filters.ChoiceFilter(choices=UnitLevel.choices)
    parent = django_filters.ModelChoiceFilter(queryset=OrgUnit.objects.all())
    valid_on = django_filters.DateFilter(method="filter_valid_on", label=_("Valid on date"))

    class Meta:
        model = OrgUnit
        fields = ["within", "kind", "level", "parent", "valid_on"]

    def filter_valid_on(self, queryset, name, value):
        return queryset.filter(units_valid_on_q(value))


def units_valid_on_q(day: datetime.date, *, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def level_ban_during(*, level: str, valid_from: datetime.date, valid_to: datetime.date | None) -> UnitLevelRule | None:
    """The earliest rule row by which no unit of `level` may exist on some day of `valid_from`..`valid_to`.

    `valid_to` None is a unit valid until further notice. None when the level is permitted the whole time.
    """
    rules = UnitLevelRule.objects.filter(level=level, permitted=False)
    # In force on some day of the span: the rows in force on its first day, or starting within it.
    starts_within = Q(valid_from__gte=valid_from) if valid_to is None else Q(valid_from__range=(valid_from, valid_to))
    return (rules.in_force_on(valid_from) | rules.filter(starts_within)).order_by("valid_from").first()


def unit_list(*, filters=None) -> QuerySet[OrgUnit]:
    """Units in tree order; the organisation chart is readable by everyone signed in."""
    qs = OrgUnit.objects.select_related("parent").prefetch_related("predecessors")
    return UnitFilter(filters or {}, queryset=qs).qs


def unit_subtree(*, unit: OrgUnit) -> QuerySet[OrgUnit]:
    """`unit` and everything below it, in one query on the materialised path."""
    return OrgUnit.objects.filter(path__startswith=unit.path)


def unit_agency(*, unit: OrgUnit) -> OrgUnit:
    """The nearest agency at or above `unit` (a room's sở or UBND xã)."""
    ancestor_paths = [unit.path[: i + 7] for i in range(0, len(unit.path), 7)]
    ancestors = OrgUnit.objects.filter(path__in=ancestor_paths).order_by("-depth")
    return next((a for a in ancestors if a.is_agency), unit)
