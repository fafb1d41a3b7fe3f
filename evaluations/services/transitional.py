"""Recording a unit's choice to rate a year under the older rules a transitional clause allows (NĐ 233 Điều 20.1)."""

from django.db import transaction
from django.utils.translation import gettext as _

from backend.api.exceptions import ApplicationError, Conflict
from evaluations.models import SUPERSEDED, Evaluation, TransitionalRules, UnitRulesChoice
from hr.access import access_unit_for_write
from hr.models import OrgUnit, User


@transaction.atomic
def unit_rules_choice_record(
    *, actor: User, unit: OrgUnit, year: int, basis: str, decision_number: str = ""
) -> UnitRulesChoice:
    """Record that `unit` rates its people of `year` under the older rules; once, before they are evaluated.

    Refused when no transitional clause covers the year or the unit's kind, when the unit already chose, and
    once the unit's people have evaluations of the year under the new rules (the choice would not apply to them).
    """
    access_unit_for_write(actor, unit)
    clauses = list(TransitionalRules.objects.filter(year=year).select_related("rule_set", "older_rule_set"))
    if not clauses:
        raise ApplicationError(
            _("No transitional clause lets a unit keep the older evaluation rules for %(year)s.") % {"year": year},
            field="year",
            code="no_transitional_rules",
        )
    clause = next((c for c in clauses if unit.kind in c.unit_kinds), None)
    if clause is None:
        raise ApplicationError(
            _("Only a public service unit may keep the older evaluation rules for %(year)s.") % {"year": year},
            field="unit",
            code="unit_kind_not_transitional",
        )
    if UnitRulesChoice.objects.select_for_update().filter(unit=unit, year=year).exists():
        raise Conflict(
            _("“%(unit)s” has already recorded its choice for %(year)s.") % {"unit": unit.name, "year": year},
            code="rules_choice_exists",
        )
    evaluated = Evaluation.objects.filter(cycle__year=year, agency=unit, rule_set=clause.rule_set).exclude(
        status=SUPERSEDED
    )
    if evaluated.exists():
        raise Conflict(
            _("The people of “%(unit)s” are already being evaluated for %(year)s under %(rules)s.")
            % {"unit": unit.name, "year": year, "rules": clause.rule_set.name},
            code="rules_choice_too_late",
        )
    choice = UnitRulesChoice(
        unit=unit,
        year=year,
        transitional=clause,
        basis=basis.strip(),
        decision_number=decision_number,
        recorded_by=actor,
    )
    choice._history_user = actor
    choice.full_clean()
    choice.save()
    return choice
