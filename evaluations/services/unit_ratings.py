"""Recording a unit's own yearly quality rating (by the province administration), under the rules of its kind."""

import datetime
import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict
from evaluations.access import ancestor_paths
from evaluations.models import UnitRatingRule
from hr.access import access_province_admin
from hr.models import OrgUnit, RatingLevel, UnitRating, User
from hr.selectors.heads import higher_agency

GOOD_OR_BETTER = (RatingLevel.GOOD, RatingLevel.EXCELLENT)


def unit_rating_rule_for(*, unit: OrgUnit, year: int) -> UnitRatingRule | None:
    """The rule for `unit`'s kind in force on 31 December of `year` (one per kind on a day: EffectiveDated)."""
    rules = UnitRatingRule.objects.in_force_on(datetime.date(year, 12, 31))
    return next((r for r in rules.order_by("-valid_from", "code") if unit.kind in r.unit_kinds), None)


def _in_year_q(year: int) -> Q:
    return Q(valid_from__lte=datetime.date(year, 12, 31)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=datetime.date(year, 1, 1))
    )


def _check_components(unit: OrgUnit, year: int) -> None:
    """HTXSNV needs no component unit (a unit directly under it, in the year) rated KHTNV."""
    failed = list(
        UnitRating.objects.filter(
            unit__in=OrgUnit.objects.filter(_in_year_q(year), parent=unit), year=year, rating=RatingLevel.NOT_COMPLETED
        )
        .select_related("unit")
        .order_by("unit__path")
    )
    if failed:
        raise ValidationError(
            {
                "rating": ValidationError(
                    _(
                        "A unit one of whose component units did not complete its duties (%(units)s) is not "
                        "rated “%(rating)s”."
                    )
                    % {"units": ", ".join(r.unit.name for r in failed), "rating": RatingLevel.EXCELLENT.label},
                    code="unit_component_failed",
                )
            }
        )


def _managed_by(manager: OrgUnit | None, *, kinds: list[str], year: int, exclude: OrgUnit) -> list[OrgUnit]:
    """Units of `kinds` in the year whose nearest agency above is `manager`: one query over its subtree."""
    subtree = list(OrgUnit.objects.filter(path__startswith=manager.path if manager else ""))
    by_path = {u.path: u for u in subtree}
    in_year = set(OrgUnit.objects.filter(_in_year_q(year), pk__in=[u.pk for u in subtree]).values_list("pk", flat=True))

    def nearest_agency_above(candidate: OrgUnit) -> OrgUnit | None:
        for path in reversed(ancestor_paths(candidate.path)[:-1]):
            above = by_path.get(path)
            if above is not None and above.is_agency:
                return above
        return None

    return [
        u
        for u in subtree
        if u.kind in kinds and u.pk in in_year and u.pk != exclude.pk and nearest_agency_above(u) == manager
    ]


def _check_quota(unit: OrgUnit, year: int, rule: UnitRatingRule) -> None:
    """HTXSNV units within the quota of the group rated by the same authority; the managing agency's row is locked.

    The group is every unit of the rule's kinds in existence in the year under the same managing agency, rated
    or not; its basis is those rated HTTNV or better, this one included.
    """
    manager = higher_agency(unit)
    if manager is not None:
        OrgUnit.objects.select_for_update().filter(pk=manager.pk).first()
    group = _managed_by(manager, kinds=rule.unit_kinds, year=year, exclude=unit)
    others = UnitRating.objects.filter(unit__in=group, year=year)
    size = len(group) + 1
    basis = others.filter(rating__in=GOOD_OR_BETTER).count() + 1
    used = others.filter(rating=RatingLevel.EXCELLENT).count()
    small = size < rule.small_group_size
    allowed = rule.small_group_max if small else math.floor(basis * rule.quota_pct / 100)
    if used + 1 > allowed:
        raise Conflict(
            _(
                "The quota of units rated “excellently completed” is full: at most %(allowed)s of the %(size)s "
                "units managed by %(manager)s (%(basis)s rated well-completed or better), and %(used)s already are."
            )
            % {
                "allowed": allowed,
                "size": size,
                "manager": manager.name if manager else "—",
                "basis": basis,
                "used": used,
            },
            code="unit_quota_exceeded",
        )


@transaction.atomic
def unit_rating_record(*, actor: User, unit: OrgUnit, year: int, rating: str, decision_number: str = "") -> UnitRating:
    """Create or correct the unit's rating for the year; earlier values stay in the history.

    Under a `UnitRatingRule` of the unit's kind (NĐ 233/2026 for public service units from 2026), an
    HTXSNV rating needs no component unit rated KHTNV and a place within the group's quota.
    """
    access_province_admin(actor)
    record = UnitRating.objects.select_for_update().filter(unit=unit, year=year).first() or UnitRating(
        unit=unit, year=year
    )
    rule = unit_rating_rule_for(unit=unit, year=year)
    if rule is not None and rating == RatingLevel.EXCELLENT:
        if rule.excellent_needs_components:
            _check_components(unit, year)
        if rule.quota_pct is not None:
            _check_quota(unit, year, rule)
    record.rating = rating
    record.decision_number = decision_number
    record.recorded_by = actor
    record._history_user = actor
    record.full_clean()
    record.save()
    return record
