"""The decision: the rating rules of the rule set, the quota lock, the frozen record and the yearly result."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from backend.api.exceptions import Conflict, Forbidden
from backend.queue import task_after_commit
from evaluations.models import (
    Evaluation,
    HeadRuleScope,
    MissingUnitRatingPolicy,
    PolicyKind,
    ProvincePolicy,
    QuotaGroup,
    Transition,
)
from evaluations.selectors.quota import quota_standing
from evaluations.services.forms import build_snapshot
from evaluations.services.scoring import evaluation_recompute, plain
from hr.models import RATING_ORDER, OrgUnit, RatingLevel, RatingSource, UnitRating, UnitReformResult, User
from hr.selectors.discipline import disciplined_for_duty_in_year
from hr.selectors.heads import CompetentPerson, competent_person_on, higher_agency
from hr.services.ratings import annual_rating_record


def _label(rating: str) -> str:
    return str(RatingLevel(rating).label)


def _above(rating: str, limit: str) -> bool:
    return RATING_ORDER[RatingLevel(rating)] > RATING_ORDER[RatingLevel(limit)]


def _refuse(message: str, *, code: str) -> None:
    raise ValidationError({"final_rating": ValidationError(message, code=code)})


def _check_absence(evaluation: Evaluation, rating: str) -> None:
    """Old regime: absent from 3 to under 6 months → not above HTNV."""
    rule_set = evaluation.rule_set
    if not rule_set.absence_cap_rating or rule_set.absence_cap_from_months is None:
        return
    upper = rule_set.absence_cap_to_months
    absent = evaluation.months_absent
    in_range = absent >= rule_set.absence_cap_from_months and (upper is None or absent < upper)
    if in_range and _above(rating, rule_set.absence_cap_rating):
        _refuse(
            _("Absent for %(months)s months in the year: the rating may not be above “%(rating)s”.")
            % {"months": plain(absent), "rating": _label(rule_set.absence_cap_rating)},
            code="absence_cap",
        )


def _check_head(evaluation: Evaluation, rating: str) -> dict | None:
    """A head is not rated above their unit (NĐ 233 Điều 12.7); a missing unit rating follows the rule set."""
    rule_set = evaluation.rule_set
    applies = evaluation.is_agency_head or (
        rule_set.head_rule_scope == HeadRuleScope.ALL_HEADS and evaluation.is_unit_head
    )
    if not rule_set.head_not_above_unit or not applies:
        return None
    year = evaluation.cycle.year
    unit_rating = UnitRating.objects.filter(unit_id=evaluation.unit_id, year=year).first()
    if unit_rating is None:
        if rule_set.missing_unit_rating == MissingUnitRatingPolicy.REFUSE:
            raise Conflict(
                _(
                    "The quality rating of “%(unit)s” for %(year)s is not recorded yet; its head cannot be "
                    "rated before it is."
                )
                % {"unit": evaluation.unit.name, "year": year},
                code="unit_rating_missing",
            )
        return {"rule": "head_not_above_unit", "detail": "unit rating missing, allowed by the rule set"}
    if _above(rating, unit_rating.rating):
        _refuse(
            _("A head may not be rated above their unit, which is rated “%(rating)s” for %(year)s.")
            % {"rating": _label(unit_rating.rating), "year": year},
            code="head_above_unit",
        )
    return {"rule": "head_not_above_unit", "unit_rating": unit_rating.rating}


def _head_reform_policy(evaluation: Evaluation) -> ProvincePolicy | None:
    """The province's head-cap policy covering the agency, in force on the last day of the evaluated period."""
    agency_path = evaluation.agency.path
    policies = ProvincePolicy.objects.in_force_on(evaluation.cycle.period_end).filter(kind=PolicyKind.HEAD_REFORM_CAP)
    # The policy of the nearest unit wins over a wider one (the whole province has no unit).
    covering = [p for p in policies.select_related("unit") if p.unit is None or agency_path.startswith(p.unit.path)]
    return max(covering, key=lambda p: len(p.unit.path) if p.unit else 0, default=None)


def _check_leader_units(evaluation: Evaluation, rating: str) -> dict | None:
    """NĐ 90/2020: a head rated HTTNV or better answers for the ratings of the units directly under them.

    The rule set's `leader_unit_rules` rows at or below the rating decided must all hold, over the units under
    the person's unit in existence during the year (their `hr.UnitRating` of the year).
    """
    rules = [r for r in evaluation.rule_set.leader_unit_rules.all() if not _above(r.leader_rating, rating)]
    if not rules or not evaluation.is_unit_head:
        return None
    year = evaluation.cycle.year
    units = list(
        OrgUnit.objects.filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=datetime.date(year, 1, 1)),
            parent_id=evaluation.unit_id,
            valid_from__lte=datetime.date(year, 12, 31),
        ).order_by("path")
    )
    if not units:
        return None
    ratings = dict(UnitRating.objects.filter(unit__in=units, year=year).values_list("unit_id", "rating"))
    unrated = [u.name for u in units if u.pk not in ratings]
    if unrated and any(r.unrated_units == MissingUnitRatingPolicy.REFUSE for r in rules):
        raise Conflict(
            _("The units this head leads need their %(year)s rating first: %(units)s.")
            % {"year": year, "units": ", ".join(unrated)},
            code="led_units_unrated",
        )
    rated = list(ratings.values())
    good = sum(not _above(RatingLevel.GOOD, r) for r in rated)
    for rule in sorted(rules, key=lambda r: RATING_ORDER[RatingLevel(r.leader_rating)], reverse=True):
        if any(_above(rule.min_unit_rating, r) for r in rated):
            _refuse(
                _("To be rated “%(rating)s”, every unit this head leads must be rated “%(unit)s” or better.")
                % {"rating": _label(rule.leader_rating), "unit": _label(rule.min_unit_rating)},
                code="led_unit_below",
            )
        if rule.min_good_pct is not None and good * 100 < rule.min_good_pct * len(rated):
            _refuse(
                _(
                    "To be rated “%(rating)s”, at least %(pct)s%% of the units this head leads must be rated "
                    "well-completed or better (%(good)s of %(count)s are)."
                )
                % {
                    "rating": _label(rule.leader_rating),
                    "pct": plain(rule.min_good_pct),
                    "good": good,
                    "count": len(rated),
                },
                code="led_units_share",
            )
    return {"rule": "leader_units", "units": len(units), "rated": len(rated), "good_or_better": good}


def _check_reform(evaluation: Evaluation, rating: str) -> dict | None:
    """Sơn La's reform plan: a head of agency answers for the agency's published reform (PAR) result."""
    if not evaluation.is_agency_head:
        return None
    policy = _head_reform_policy(evaluation)
    if policy is None:
        return None
    year = evaluation.cycle.year
    # Written by the reform app when it published the agency's appraisal (the band and cap of that day).
    result = UnitReformResult.objects.filter(unit_id=evaluation.agency_id, year=year).first()
    if result is None:
        return None
    band, cap = result.band, result.head_rating_cap or None
    if cap and _above(rating, cap):
        _refuse(
            _(
                "“%(unit)s” is in band %(band)s of the %(year)s reform appraisal, so its head may not be rated "
                "above “%(rating)s”."
            )
            % {"unit": evaluation.agency.name, "band": band, "year": year, "rating": _label(cap)},
            code="head_cap",
        )
    return {"rule": "head_reform_band", "band": band, "cap": cap, "legal_basis": policy.legal_basis}


def _check_quota(evaluation: Evaluation) -> dict:
    """HTXSNV within the quota of the agency and of the duty group, serialised by a lock on the agency's row."""
    group, _created = QuotaGroup.objects.get_or_create(cycle_id=evaluation.cycle_id, unit_id=evaluation.agency_id)
    group = QuotaGroup.objects.select_for_update().get(pk=group.pk)
    standing = quota_standing(evaluation=evaluation, outstanding=group.outstanding)
    applied = {"rule": "quota", "pct": str(standing["pct"]), "outstanding": standing["outstanding"], "groups": []}
    for row in standing["groups"]:
        if row["used"] + 1 > row["allowed"]:
            raise Conflict(
                _(
                    "The quota for “excellently completed” in %(group)s is full: at most %(allowed)s "
                    "(%(pct)s%% of %(basis)s people rated well-completed or better; %(size)s people), "
                    "and %(used)s already decided."
                )
                % {**row, "group": row["label"], "pct": plain(standing["pct"])},
                code="quota_exceeded",
            )
        applied["groups"].append(
            {"size": row["size"], "basis": row["basis"], "allowed": row["allowed"], "used": row["used"] + 1}
        )
    return applied


def _competent_person(evaluation: Evaluation, actor: User | None, day) -> CompetentPerson | None:
    """The head who decides (Luật CBCC 2025 Điều 25), and the rule that whoever proposed does not decide.

    None when the personnel records name no head on the day: the form then names the competent office and
    leaves the name to be signed by hand, never printing whoever entered the decision.
    """
    competent = competent_person_on(
        agency=evaluation.agency,
        employee_id=evaluation.employee_id,
        is_agency_head=evaluation.is_agency_head,
        day=day,
    )
    proposer = evaluation.proposed_by
    if proposer is not None and (
        (actor is not None and proposer.pk == actor.pk)
        or (competent is not None and proposer.employee_id == competent.employee.pk)
    ):
        raise Forbidden(
            _("Whoever proposed the rating may neither decide it nor enter the decision."),
            code="proposer_decides",
        )
    return competent


def _head_office(evaluation: Evaluation) -> str:
    """The competent office when no head is recorded: the head of the agency, or of the higher one for its head."""
    agency = higher_agency(evaluation.agency) if evaluation.is_agency_head else evaluation.agency
    if agency is None:
        return ""
    with translation.override("vi"):
        return _("Head of %(agency)s") % {"agency": agency.name}


def decide(*, evaluation: Evaluation, actor: User, transition: Transition, today) -> Evaluation:
    """Apply every rule of the rule set, freeze the record and its printed form, and write the yearly result."""
    rule_set = evaluation.rule_set
    competent = _competent_person(evaluation, actor, today)
    evaluation_recompute(evaluation)
    computed = evaluation.computed_rating
    if not computed:
        _refuse(_("The scores are incomplete, so the rules give no rating yet."), code="scores_incomplete")
    rating = evaluation.final_rating or evaluation.proposed_rating or computed
    if _above(rating, computed):
        _refuse(
            _("The rating may not be above the one the rules give for this evaluation (“%(rating)s”).")
            % {"rating": _label(computed)},
            code="above_computed_rating",
        )
    reasons: list[dict] = []
    cycle = evaluation.cycle
    if cycle.is_annual:
        forced = rule_set.discipline_rating
        if forced and disciplined_for_duty_in_year(employee=evaluation.employee, year=cycle.year):
            reasons.append({"rule": "discipline", "from": rating, "to": forced})
            rating = forced
        _check_absence(evaluation, rating)
        checks = (
            _check_head(evaluation, rating),
            _check_leader_units(evaluation, rating),
            _check_reform(evaluation, rating),
        )
        for applied in checks:
            if applied:
                reasons.append(applied)
        if rating == RatingLevel.EXCELLENT and rule_set.quota_pct is not None:
            reasons.append(_check_quota(evaluation))

    evaluation.final_rating = rating
    evaluation.forced_reasons = reasons
    evaluation.decided_on = today
    evaluation.decided_by = actor
    if competent is not None:
        evaluation.competent_person = competent.employee
        evaluation.competent_title = competent.title
        evaluation.competent_name = competent.employee.full_name
    else:
        evaluation.competent_person = None
        evaluation.competent_title = _head_office(evaluation)
        evaluation.competent_name = ""
    evaluation.status = transition.target.code
    evaluation.snapshot = build_snapshot(evaluation)
    # The form's PDF and its SHA-256 are produced by a task once this commits, outside the quota lock, so
    # decisions in one agency wait for each other's rules only; until then the form is being issued.
    evaluation.pdf_sha256 = ""
    evaluation.pdf_version = None
    evaluation._history_user = actor
    evaluation.full_clean()
    evaluation.save()
    if cycle.is_annual:
        annual_rating_record(
            actor=actor,
            employee=evaluation.employee,
            year=cycle.year,
            rating=rating,
            source=RatingSource.EVALUATION,
            decision_number=evaluation.decision_number,
        )
    task_after_commit("evaluations.tasks.evaluation_form_issue", evaluation.pk, evaluation.version)
    return evaluation
