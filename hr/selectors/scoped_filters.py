"""FilterSets that drop the caller's scope condition when their unit filter already implies it."""

from django.db.models import Q, QuerySet

from hr.access import can_read_unit_subtree
from hr.models import User


class ScopeImpliedByUnitMixin:
    """A FilterSet mixin: filtered to a `unit` whose whole subtree the caller reads, the scope is dropped.

    The rows of that subtree all lie within the caller's scope, so the scope adds no row and removes
    none, but a second condition on the unit's path makes PostgreSQL multiply the two selectivities,
    expect a handful of rows instead of thousands, and join and sort the whole subtree (issue 15). The
    queryset is left as it is unless its only condition is exactly one of `scope_forms(user)`: the
    forms the list's `*_visible` selector may have written for that user.
    """

    unit_filter = "unit"
    # Conditions the list's selector writes beside the scope, as keyword filters: they stay when the scope goes.
    scope_kept: dict = {}

    def scope_forms(self, user: User) -> list[Q]:
        raise NotImplementedError

    def filter_queryset(self, queryset):
        unit = self.form.cleaned_data.get(self.unit_filter)
        user = getattr(self.request, "user", None)
        if unit is not None and getattr(user, "is_authenticated", False) and can_read_unit_subtree(user, unit):
            queryset = without_scope(queryset, self.scope_forms(user), kept=self.scope_kept)
        return super().filter_queryset(queryset)


def without_scope(queryset: QuerySet, scopes: list[Q], *, kept: dict | None = None) -> QuerySet:
    """`queryset` without its conditions, when they are exactly one of `scopes` and nothing else.

    `kept` are keyword conditions written beside the scope (`filter(scope, **kept)`): they are matched with
    it and kept. Rebuilt from the model's manager with the same joins to read (`select_related`),
    prefetches and loaded columns, so the scope's joins go too. A queryset that annotates, orders or is
    distinct is left as it is.
    """
    query = queryset.query
    if query.annotations or query.extra or query.order_by or query.distinct:
        return queryset
    model = queryset.model
    kept = kept or {}
    if query.where not in [model._default_manager.filter(scope, **kept).query.where for scope in scopes]:
        return queryset
    unscoped = model._default_manager.filter(**kept)
    unscoped.query.select_related = query.select_related
    unscoped.query.deferred_loading = query.deferred_loading
    return unscoped.prefetch_related(*queryset._prefetch_related_lookups)
