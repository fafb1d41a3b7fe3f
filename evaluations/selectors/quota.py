"""How full the "excellently completed" quota of an evaluation's agency (and duty group) is: read by the decision
and shown before deciding."""

import functools
import math
import operator

from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _

from evaluations.models import NOT_RATED, SUPERSEDED, Evaluation, QuotaBasis, QuotaGroup, RuleSet
from evaluations.services.scoring import locked_state_codes
from hr.models import RatingLevel
from hr.selectors.discipline import disciplined_for_duty_in_year_ids


def _current_rating():
    return Coalesce(
        NullIf("final_rating", Value("")), NullIf("proposed_rating", Value("")), NullIf("computed_rating", Value(""))
    )


def held_below_basis_q(rule_set: RuleSet, *, year: int, basis_levels: list[str]) -> Q | None:
    """Members the rules keep below the basis whatever was proposed: forced by discipline, capped by absence.

    The basis counts people by the rating the rules allow them (DOMAIN.md §1.2): a person disciplined for
    duty in the year is decided KHTNV, so proposing HTTNV for them does not widen the quota.
    """
    held = []
    if rule_set.discipline_rating and rule_set.discipline_rating not in basis_levels:
        held.append(Q(employee_id__in=disciplined_for_duty_in_year_ids(year=year)))
    cap = rule_set.absence_cap_rating
    if cap and rule_set.absence_cap_from_months is not None and cap not in basis_levels:
        absent = Q(months_absent__gte=rule_set.absence_cap_from_months)
        if rule_set.absence_cap_to_months is not None:
            absent &= Q(months_absent__lt=rule_set.absence_cap_to_months)
        held.append(absent)
    return functools.reduce(operator.or_, held) if held else None


def quota_standing(*, evaluation: Evaluation, outstanding: bool) -> dict:
    """Each quota group of `evaluation` counted as if it were rated HTXSNV.

    Per group: `size` and `basis` (people, this one included), `allowed` and `used` (HTXSNV already decided for
    the others). The agency's raised quota applies when it is `outstanding` and the rule set has one.
    """
    rule_set = evaluation.rule_set
    outstanding = outstanding and rule_set.quota_outstanding_pct is not None
    pct = rule_set.quota_outstanding_pct if outstanding else rule_set.quota_pct
    basis_levels = (
        [RatingLevel.GOOD]
        if rule_set.quota_basis == QuotaBasis.GOOD_ONLY
        else [RatingLevel.GOOD, RatingLevel.EXCELLENT]
    )
    locked = locked_state_codes(rule_set)
    held = held_below_basis_q(rule_set, year=evaluation.cycle.year, basis_levels=basis_levels)
    members = (
        Evaluation.objects.filter(cycle_id=evaluation.cycle_id, agency_id=evaluation.agency_id, rule_set=rule_set)
        .exclude(status__in=[NOT_RATED, SUPERSEDED])
        .exclude(pk=evaluation.pk)
        .annotate(current=_current_rating())
    )
    groups = [(_("the agency"), members)]
    if evaluation.duty_group:
        groups.append(
            (
                _("the group “%(group)s”") % {"group": evaluation.duty_group},
                members.filter(duty_group=evaluation.duty_group),
            )
        )
    rows = []
    for label, queryset in groups:
        counts = queryset.aggregate(
            size=Count("id"),
            basis=Count("id", filter=Q(current__in=basis_levels) & ~held if held else Q(current__in=basis_levels)),
            used=Count("id", filter=Q(status__in=locked, final_rating=RatingLevel.EXCELLENT)),
        )
        size = counts["size"] + 1
        basis = counts["basis"] + (1 if RatingLevel.EXCELLENT in basis_levels else 0)
        if size < rule_set.quota_small_group_size:
            allowed = rule_set.quota_small_group_max
        else:
            allowed = math.floor(basis * pct / 100)
        rows.append({"label": label, "size": size, "basis": basis, "allowed": allowed, "used": counts["used"]})
    return {"pct": pct, "outstanding": outstanding, "groups": rows}


def quota_preview(*, evaluation: Evaluation) -> dict | None:
    """The standing shown before deciding, without taking the lock; None when no quota applies to the evaluation."""
    if evaluation.rule_set_id is None or evaluation.rule_set.quota_pct is None or not evaluation.cycle.is_annual:
        return None
    outstanding = QuotaGroup.objects.filter(
        cycle_id=evaluation.cycle_id, unit_id=evaluation.agency_id, outstanding=True
    ).exists()
    return quota_standing(evaluation=evaluation, outstanding=outstanding)
