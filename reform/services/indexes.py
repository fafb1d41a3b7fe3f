"""Writes to the reform index data: copying a year's set as the starting point of the next."""

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError
from hr.access import access_province_admin
from hr.models import User
from reform.models import Band, IndexArea, IndexCriterion, IndexSet

COPIED_CRITERION_FIELDS = [
    "code",
    "name",
    "order",
    "max_points",
    "is_leaf",
    "scoring_method",
    "evidence_required",
    "source",
    "computed_metric",
    "full_points_at_pct",
    "points_off_per_count",
]


def _copy_criterion(criterion: IndexCriterion, area: IndexArea, parent_id: int | None) -> IndexCriterion:
    copy = IndexCriterion(area=area, parent_id=parent_id, **{f: getattr(criterion, f) for f in COPIED_CRITERION_FIELDS})
    copy.full_clean()
    copy.save()
    return copy


@transaction.atomic
def index_set_copy(*, actor: User | None, source: IndexSet, year: int, name: str = "") -> IndexSet:
    """A new year's index for the same level: areas, criteria, sub-criteria and bands copied from `source`."""
    access_province_admin(actor)
    if IndexSet.objects.filter(year=year, target_level=source.target_level).exists():
        raise ApplicationError(
            _("An index set for this year and level already exists."), field="year", code="index_set_exists"
        )
    copy = IndexSet(
        year=year,
        target_level=source.target_level,
        name=name or source.name.replace(str(source.year), str(year)),
        legal_basis=source.legal_basis,
        max_points=source.max_points,
    )
    copy.full_clean()
    copy.save()
    for area in source.areas.order_by("order"):
        new_area = IndexArea.objects.create(
            index_set=copy, code=area.code, name=area.name, order=area.order, max_points=area.max_points
        )
        pending = list(area.criteria.order_by("order", "pk"))
        new_ids: dict[int, int] = {}
        # A criterion is copied once its parent is, whatever the depth of the tree.
        while pending:
            ready = [c for c in pending if c.parent_id is None or c.parent_id in new_ids]
            if not ready:  # a parent outside the area: the source data is broken, copy nothing
                raise ValueError(f"Criteria of area {area.pk} have parents outside it.")
            pending = [c for c in pending if c not in ready]
            for criterion in ready:
                new_ids[criterion.pk] = _copy_criterion(criterion, new_area, new_ids.get(criterion.parent_id)).pk
    Band.objects.bulk_create(
        Band(
            index_set=copy,
            code=band.code,
            name=band.name,
            min_pct=band.min_pct,
            head_rating_cap=band.head_rating_cap,
        )
        for band in source.bands.all()
    )
    return copy
