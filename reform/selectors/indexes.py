"""Reads of the reform index sets: areas, criteria (with sub-criteria) and bands, in order."""

from django.db.models import Prefetch, QuerySet

from reform.models import Band, IndexArea, IndexCriterion, IndexSet


def index_set_list() -> QuerySet[IndexSet]:
    """Index sets with everything a form needs, in a constant number of queries."""
    areas = IndexArea.objects.order_by("order").prefetch_related(
        Prefetch("criteria", queryset=IndexCriterion.objects.order_by("order", "pk"))
    )
    return IndexSet.objects.prefetch_related(
        Prefetch("areas", queryset=areas), Prefetch("bands", queryset=Band.objects.order_by("-min_pct"))
    )
