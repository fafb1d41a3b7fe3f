"""Page-number pagination with a caller-chosen page size, capped; a bounded count for lists at national scale."""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


def _positive_whole(raw: str) -> bool:
    return raw.isascii() and raw.isdigit() and int(raw) > 0


class PageFirstPaginator(Paginator):
    """Reads the page before counting: a page that is not full tells the count, so `COUNT(*)` is not run.

    Most lists a caller opens fit in their first page (one person's decisions, a department's
    commendations); for those the count query was a third of the database work (issue 15). A full page,
    or a number past the end, is counted as Django does (the count decides whether the page exists).
    """

    def rows(self, bottom: int, top: int) -> list:
        """The rows `bottom` to `top` of the list, in its order."""
        return list(self.object_list[bottom:top])

    def page(self, number):
        if self.orphans or not hasattr(self.object_list, "query"):
            return super().page(number)
        try:
            whole = int(number)
        except (TypeError, ValueError):
            return super().page(number)  # Django's own refusal (PageNotAnInteger)
        if whole < 1:
            return super().page(number)
        if "count" in self.__dict__:
            # Counted already (DRF counts to find `?page=last`): Django's page, its rows read by `rows`.
            whole = self.validate_number(whole)
            bottom = (whole - 1) * self.per_page
            return self._get_page(self.rows(bottom, min(bottom + self.per_page, self.count)), whole, self)
        bottom = (whole - 1) * self.per_page
        rows = self.rows(bottom, bottom + self.per_page)
        if 0 < len(rows) < self.per_page or (whole == 1 and not rows):
            self.__dict__["count"] = bottom + len(rows)  # the cached_property's slot
            return self._get_page(rows, whole, self)
        return self._get_page(rows, self.validate_number(whole), self)


class StandardPagination(PageNumberPagination):
    """`page` and `page_size` must be whole numbers from 1 (DRF would fall back to the default page size, and
    read an empty `page` as the first): an odd value is a 400 on that parameter. A page size above the cap is
    cut to it. The page is read before the count (`PageFirstPaginator`)."""

    django_paginator_class = PageFirstPaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not _positive_whole(raw):
            message = _("Give a whole number of at least 1 (at most %(max)d are listed).") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]}, code="invalid")
        return super().get_page_size(request)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and raw not in self.last_page_strings and not _positive_whole(raw):
            raise ValidationError({self.page_query_param: [_("Give a page number of at least 1.")]}, code="invalid")
        return super().get_page_number(request, paginator)


# Up to this many matching rows the count is exact; past it, PostgreSQL's estimate.
EXACT_COUNT_LIMIT = 10_000


class BoundedCountPaginator(PageFirstPaginator):
    """Counts at most `EXACT_COUNT_LIMIT + 1` rows; a larger result is counted by the planner's estimate.

    `COUNT(*)` of a subtree grows with it (tens of milliseconds at a million people); stopping at the
    limit keeps it flat. Other databases (SQLite, development) count exactly.
    """

    estimated = False

    @cached_property
    def count(self) -> int:
        if not hasattr(self.object_list, "query"):  # a list of rows
            return len(self.object_list)
        queryset = self.object_list.order_by()
        if connections[queryset.db].vendor != "postgresql":
            return queryset.count()
        capped = queryset[: EXACT_COUNT_LIMIT + 1].count()
        if capped <= EXACT_COUNT_LIMIT:
            return capped
        self.estimated = True
        sql, params = queryset.query.sql_with_params()
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return max(capped, int(plan[0]["Plan"]["Plan Rows"]))


class KeysFirstPaginator(BoundedCountPaginator):
    """Reads a page in two steps: its primary keys by the list's conditions and order alone, then those rows.

    A list ordered by columns of joined tables (a class's start date, then the person's name) otherwise
    joins every table the serializer reads to every matching row before it sorts them and keeps 50: at
    tens of thousands of rows most of the time goes to joins whose result is thrown away (issue 15). The
    second query finds its rows by primary key and brings the select_related joins and prefetches for
    those rows only. A DISTINCT list is read in one step.
    """

    def rows(self, bottom: int, top: int) -> list:
        if self.object_list.query.distinct:
            return super().rows(bottom, top)
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=keys)} if keys else {}
        return [rows[key] for key in keys if key in rows]


class BoundedCountPagination(StandardPagination):
    """`StandardPagination` with `count_estimated`: true when more than 10,000 rows match and `count` is an estimate."""

    django_paginator_class = BoundedCountPaginator

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "count_estimated": self.page.paginator.estimated,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["count"]["description"] = (
            f"Matching rows: exact up to {EXACT_COUNT_LIMIT:,}; past that, PostgreSQL's estimate"
            " (see count_estimated), so the last page numbers are approximate."
        )
        response["properties"] = {
            "count": response["properties"]["count"],
            "count_estimated": {
                "type": "boolean",
                "description": f"True when more than {EXACT_COUNT_LIMIT:,} rows match and count is an estimate.",
            },
            **{k: v for k, v in response["properties"].items() if k != "count"},
        }
        response["required"] = [*response.get("required", []), "count_estimated"]
        return response


class KeysFirstPagination(BoundedCountPagination):
    """`BoundedCountPagination` reading each page by its keys first (`KeysFirstPaginator`)."""

    django_paginator_class = KeysFirstPaginator


class BoundedListCountMixin:
    """For a viewset whose lists grow with the province's people: `BoundedCountPagination` on `bounded_actions`.

    Its other paginated actions (a record's history) stay on `StandardPagination`: they list one record's
    versions. A serializer paginated by two views has one schema component (`Paginated…List`), so every
    view listing it pages the same way. `page_keys_first` reads each page by its keys first (a list sorted
    by columns of joined tables; `KeysFirstPaginator`).
    """

    bounded_actions = ("list",)
    page_keys_first = False

    @property
    def pagination_class(self):
        if getattr(self, "action", None) not in self.bounded_actions:
            return StandardPagination
        return KeysFirstPagination if self.page_keys_first else BoundedCountPagination
