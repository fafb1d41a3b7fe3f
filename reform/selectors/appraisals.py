"""Reads of reform appraisals: scoped lists, the detail with its scores, the ranking, the head's cap."""

import django_filters
from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from backend.api.filters import IdFilter, YearFilter
from hr.models import OrgUnit, User
from reform.access import appraisal_scope_q
from reform.models import Appraisal, AppraisalScore, AppraisalStatus, Evidence, TargetLevel


class AppraisalFilter(django_filters.FilterSet):
    year = YearFilter(field_name="index_set__year")
    level = django_filters.ChoiceFilter(field_name="index_set__target_level", choices=TargetLevel.choices)
    status = django_filters.ChoiceFilter(choices=AppraisalStatus.choices)
    unit = IdFilter(field_name="unit_id")

    class Meta:
        model = Appraisal
        fields = ["year", "level", "status", "unit"]


class RankingFilter(django_filters.FilterSet):
    year = YearFilter(field_name="index_set__year", required=True)
    level = django_filters.ChoiceFilter(
        field_name="index_set__target_level", choices=TargetLevel.choices, required=True
    )

    class Meta:
        model = Appraisal
        fields = ["year", "level"]


def appraisal_list(*, user: User, filters=None) -> QuerySet[Appraisal]:
    """Appraisals the user may read, with unit, index set and band joined."""
    queryset = Appraisal.objects.filter(appraisal_scope_q(user)).select_related("unit", "index_set", "band")
    return AppraisalFilter(filters or {}, queryset=queryset).qs


def appraisal_with_scores(queryset: QuerySet[Appraisal]) -> QuerySet[Appraisal]:
    """The detail: every score with its criterion, area and evidence, in index order."""
    scores = AppraisalScore.objects.select_related("criterion__area", "criterion__parent").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk"))
    )
    return queryset.prefetch_related(Prefetch("scores", queryset=scores))


def published_rank():
    """Competition ranking among the published results of the same index set (year and level):
    equal percentages share a rank and the next rank skips (1, 1, 3)."""
    ahead = (
        Appraisal.objects.filter(
            index_set=OuterRef("index_set"),
            status=AppraisalStatus.PUBLISHED,
            percentage__gt=OuterRef("percentage"),
        )
        .order_by()
        .values("index_set")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + Value(1)


def appraisal_ranking(*, user: User, filters) -> QuerySet[Appraisal]:
    """Published results of one year and level, ranked; ranks count every unit, rows only those the user may read."""
    queryset = (
        Appraisal.objects.filter(appraisal_scope_q(user), status=AppraisalStatus.PUBLISHED)
        .select_related("unit", "index_set", "band")
        .annotate(rank=published_rank())
        .order_by("rank", "unit__name", "pk")
    )
    return RankingFilter(filters, queryset=queryset)


def head_rating_cap(*, unit: OrgUnit, year: int) -> tuple[str, str | None] | None:
    """For a published appraisal of `unit` in `year`: (band code, the highest rating its head may get or None
    for no cap); None when nothing is published."""
    appraisal = (
        Appraisal.objects.filter(unit=unit, index_set__year=year, status=AppraisalStatus.PUBLISHED)
        .select_related("band")
        .first()
    )
    if appraisal is None or appraisal.band is None:
        return None
    return appraisal.band.code, appraisal.band.head_rating_cap or None
