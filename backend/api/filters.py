"""Query-string filters (ids and years as whole numbers in range, so odd input is a 400) and list-only backends."""

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter, SearchFilter

from backend.api.strict import blank_parameters

# Primary keys are 32-bit (AutoField) on every database we run; larger values cannot name a row.
MAX_ID = 2**31 - 1
# Years a personnel record can sensibly carry (recruitments of the 1950s to the plan's horizon and beyond).
FIRST_YEAR, LAST_YEAR = 1900, 2100


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """The id of a related row (`employee=12`): a positive whole number that fits the column."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR})
class YearFilter(django_filters.NumberFilter):
    """A calendar year: a whole number in a sane range, so `year=0.0` or `year=1e308` is a 400."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class DetailAware:
    """A filter backend that narrows lists only: a detail route (`/evaluations/72/pdf/?status=DRAFT`)
    names its record by id, so list filters in its query never turn it into a 404."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "detail", False):
            return queryset
        return super().filter_queryset(request, queryset, view)


class ListFilterBackend(DetailAware, DjangoFilterBackend):
    """django-filter's backend, for lists only; an empty value of a filter that is not free text is a 400."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is not None:
            text = {name: type(f.field) is forms.CharField for name, f in filterset.filters.items()}
            blanks = blank_parameters(request.query_params, text)
            if blanks:
                raise ValidationError(blanks, code="invalid")
        return filterset


class ListSearchFilter(DetailAware, SearchFilter):
    """`?search=`, for lists only."""


class ListOrderingFilter(DetailAware, OrderingFilter):
    """`?ordering=`, for lists only. The caller's order ends with the primary key, in the direction of its last
    term: rows with equal values (decisions of the same day) keep one order, so paging neither repeats nor skips
    them. A list of grouped values (`values().annotate()`) keeps the caller's order as it is: its rows have no
    primary key to order by."""

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if not request.query_params.get(self.ordering_param) or not ordering:
            return ordering
        query = queryset.query
        if query.values_select or isinstance(query.group_by, tuple):
            return ordering
        terms = [term for term in ordering if isinstance(term, str)]
        if len(terms) != len(ordering) or {term.lstrip("-") for term in terms} & {"id", "pk"}:
            return ordering
        return [*ordering, "-pk" if terms[-1].startswith("-") else "pk"]
