"""Which emulation titles and commendations a person or a unit qualifies for in a year, and why not.

DOMAIN §3.1, §3.3. The criteria combine as Luật TĐKT 2022 Điều 22–27 say; their figures
(minimum rating, consecutive years, member share, disqualifying discipline, the alternative
"either … or …" criterion of a rule) come from the award rule in force on 31 December of the
year. Ratings are `AnnualRating` rows (`UnitRating` for a unit); titles already given and
initiatives count unless annulled. A title of the year asked also counts when the same answer
finds it met: titles and commendations of a year are decided together.

Forms of commendation answered: Giấy khen (individual) and Bằng khen Chủ tịch UBND tỉnh
(individual and collective). Collective Giấy khen is left out: DOMAIN gives no criteria for it.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from hr.models import (
    INITIATIVE_ORDER,
    RATING_ORDER,
    AnnualRating,
    Award,
    AwardRule,
    Commendation,
    DisciplineForm,
    Employee,
    EmploymentStatus,
    Initiative,
    InitiativeLevel,
    OrgUnit,
    RatingLevel,
    Recipient,
    UnitRating,
    award_rules_day,
)
from hr.selectors.discipline import disciplined_at_or_above_in_year

INDIVIDUAL_TITLES = [Award.ADVANCED_WORKER, Award.GRASSROOTS_SOLDIER, Award.PROVINCIAL_SOLDIER, Award.NATIONAL_SOLDIER]
COLLECTIVE_TITLES = [Award.ADVANCED_COLLECTIVE, Award.EXCELLENT_COLLECTIVE]
INDIVIDUAL_FORMS = [Award.CERTIFICATE, Award.PROVINCIAL_MERIT]
COLLECTIVE_FORMS = [Award.PROVINCIAL_MERIT]
TITLES = frozenset(INDIVIDUAL_TITLES + COLLECTIVE_TITLES)


@dataclass
class Verdict:
    award: str
    eligible: bool = True
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def refuse(self, reason: str) -> None:
        self.eligible = False
        self.reasons.append(reason)

    def as_dict(self) -> dict:
        answer = {
            "award": self.award,
            "name": str(Award(self.award).label),
            "eligible": self.eligible,
            "reasons": self.reasons,
        }
        if self.award not in TITLES:  # forms of commendation also carry notes
            answer["notes"] = self.notes
        return answer


def split_titles_and_forms(verdicts: list[dict]) -> tuple[list[dict], list[dict]]:
    """The answers about emulation titles, then those about forms of commendation."""
    return [v for v in verdicts if v["award"] in TITLES], [v for v in verdicts if v["award"] not in TITLES]


def _span(rules) -> int:
    """How many years up to the year asked the criteria of `rules` read."""
    return max([r.consecutive_years for r in rules] + [r.alt_consecutive_years or 0 for r in rules] + [1])


def _missing_years(years: range, ratings: dict[int, str], level: str) -> list[int]:
    return [y for y in years if y not in ratings or RATING_ORDER[ratings[y]] < RATING_ORDER[level]]


def _council_note(verdict: Verdict, rule: AwardRule) -> None:
    if rule.council_judgement:
        verdict.notes.append(
            _("The achievement in emulation this form also requires is for the emulation council to judge.")
        )


def _alternative_note(verdict: Verdict, rule: AwardRule) -> None:
    verdict.notes.append(
        _("Met through the alternative criterion: %(count)s consecutive years rated “%(rating)s”.")
        % {"count": rule.alt_consecutive_years, "rating": _rating_label(rule.alt_min_rating)}
    )


def _combine(verdict: Verdict, main: list[str], alternative: list[str] | None, rule: AwardRule) -> None:
    """Eligible when the main criteria or the alternative hold; else every reason of both."""
    if not main:
        return
    if alternative is not None and not alternative:
        _alternative_note(verdict, rule)
        return
    for reason in main + (alternative or []):
        verdict.refuse(reason)


def _rules(*, recipient: str, year: int) -> dict[str, AwardRule]:
    """The emulation year's award rules (one per award on a day), as the commendation records them."""
    return {
        rule.award: rule for rule in AwardRule.objects.in_force_on(award_rules_day(year)).filter(recipient=recipient)
    }


def _rating_label(code: str) -> str:
    return str(RatingLevel(code).label)


def _form_label(code: str) -> str:
    return str(DisciplineForm(code).label)


class _Person:
    """Everything the criteria read about one person, loaded in a fixed number of queries."""

    def __init__(self, employee: Employee, year: int, rules: dict[str, AwardRule]):
        self.year = year
        self.rules = rules
        first = year - _span(rules.values()) + 1
        self.ratings = dict(
            AnnualRating.objects.filter(employee=employee, year__range=(first, year)).values_list("year", "rating")
        )
        self.titles = set(
            Commendation.objects.filter(
                employee=employee, year__range=(first, year), annulled_on__isnull=True
            ).values_list("award", "year")
        )
        self.initiatives = list(
            Initiative.objects.filter(
                employee=employee, year__range=(first, year), annulled_on__isnull=True
            ).values_list("recognition_level", "year")
        )
        forms = {r.disqualifying_form for r in rules.values() if r.disqualifying_form}
        self.disciplined = {
            form
            for form in forms
            if disciplined_at_or_above_in_year(employee_ids=[employee.pk], year=year, form_level=form)
        }
        self.verdicts: dict[str, Verdict] = {}

    def has_title(self, award: str, year: int) -> bool:
        """Given that year, or (for the year asked) qualifying now: titles are decided together."""
        if (award, year) in self.titles:
            return True
        return year == self.year and award in self.verdicts and self.verdicts[award].eligible

    def initiative_at_least(self, level: str, years: range) -> bool:
        return any(INITIATIVE_ORDER[lvl] >= INITIATIVE_ORDER[level] and y in years for lvl, y in self.initiatives)

    def initiatives_in(self, years: range) -> int:
        return sum(1 for _lvl, y in self.initiatives if y in years)

    def rating_at_least(self, level: str) -> bool:
        rating = self.ratings.get(self.year)
        return rating is not None and RATING_ORDER[rating] >= RATING_ORDER[level]

    def judge(self, award: str) -> Verdict:
        verdict = Verdict(award)
        rule = self.rules.get(award)
        if rule is None:
            verdict.refuse(_("No rule for this title is in force in %(year)s.") % {"year": self.year})
            return verdict
        main = Verdict(award)
        self._check_rating(main, rule)
        self._check_prerequisite(main, rule)
        self._check_initiative(main, rule)
        alternative = self._check_alternative(rule) if rule.has_alternative else None
        _combine(verdict, main.reasons, alternative, rule)
        _council_note(verdict, rule)
        if rule.disqualifying_form in self.disciplined:
            verdict.refuse(
                _("Disciplined in %(year)s with “%(form)s” or a heavier form.")
                % {"year": self.year, "form": _form_label(rule.disqualifying_form)}
            )
        self.verdicts[award] = verdict
        return verdict

    def _check_rating(self, verdict: Verdict, rule: AwardRule) -> None:
        if not rule.min_rating:
            return
        rating = self.ratings.get(self.year)
        # The rule may let an initiative of the year stand in for the rating (CSTĐCS: Luật TĐKT 2022 Điều 23).
        alternative = rule.initiative_replaces_rating and rule.initiative_level
        if self.rating_at_least(rule.min_rating):
            return
        if alternative and self.initiative_at_least(rule.initiative_level, range(self.year, self.year + 1)):
            return
        if rating is None:
            verdict.refuse(_("No quality rating is recorded for %(year)s.") % {"year": self.year})
        elif alternative:
            verdict.refuse(
                _("Rated “%(rating)s” in %(year)s: needs “%(needed)s” or an initiative recognised that year.")
                % {"rating": _rating_label(rating), "year": self.year, "needed": _rating_label(rule.min_rating)}
            )
        else:
            verdict.refuse(
                _("Rated “%(rating)s” in %(year)s: needs “%(needed)s” or better.")
                % {"rating": _rating_label(rating), "year": self.year, "needed": _rating_label(rule.min_rating)}
            )

    def _check_prerequisite(self, verdict: Verdict, rule: AwardRule) -> None:
        if not rule.prerequisite or not rule.consecutive_years:
            return
        years = range(self.year - rule.consecutive_years + 1, self.year + 1)
        missing = [y for y in years if not self.has_title(rule.prerequisite, y)]
        if missing:
            verdict.refuse(
                _("Needs “%(title)s” in each of %(count)s consecutive years up to %(year)s; missing: %(missing)s.")
                % {
                    "title": Award(rule.prerequisite).label,
                    "count": rule.consecutive_years,
                    "year": self.year,
                    "missing": ", ".join(str(y) for y in missing),
                }
            )

    def _check_alternative(self, rule: AwardRule) -> list[str]:
        """Why the alternative criterion fails (each reason starts with “Or”), or nothing when it holds."""
        years = range(self.year - rule.alt_consecutive_years + 1, self.year + 1)
        reasons = []
        missing = _missing_years(years, self.ratings, rule.alt_min_rating)
        if missing:
            reasons.append(
                _(
                    "Or: rated “%(needed)s” or better in each of %(count)s consecutive years up to %(year)s; "
                    "not so in: %(missing)s."
                )
                % {
                    "needed": _rating_label(rule.alt_min_rating),
                    "count": rule.alt_consecutive_years,
                    "year": self.year,
                    "missing": ", ".join(str(y) for y in missing),
                }
            )
        if rule.alt_initiative_count:
            found = self.initiatives_in(years)
            if found < rule.alt_initiative_count:
                reasons.append(
                    _(
                        "Or: needs %(needed)s recognised initiatives or science projects "
                        "in %(first)s–%(last)s; has %(found)s."
                    )
                    % {"needed": rule.alt_initiative_count, "first": years[0], "last": years[-1], "found": found}
                )
        return reasons

    def _check_initiative(self, verdict: Verdict, rule: AwardRule) -> None:
        if not rule.initiative_level or rule.initiative_replaces_rating:
            return
        years = range(self.year - max(rule.consecutive_years, 1) + 1, self.year + 1)
        if not self.initiative_at_least(rule.initiative_level, years):
            verdict.refuse(
                _(
                    "Needs an initiative or science project recognised at %(level)s level or above "
                    "in %(first)s–%(last)s."
                )
                % {
                    "level": str(InitiativeLevel(rule.initiative_level).label).lower(),
                    "first": years[0],
                    "last": years[-1],
                }
            )


def employee_eligibility(*, employee: Employee, year: int) -> list[dict]:
    """Each individual title, then each form of commendation, for `year`: eligible or not, and why not."""
    person = _Person(employee, year, _rules(recipient=Recipient.INDIVIDUAL, year=year))
    # Lighter titles first: each heavier one, and each commendation, may rest on one before it in the same year.
    return [person.judge(award).as_dict() for award in INDIVIDUAL_TITLES + INDIVIDUAL_FORMS]


def _unit_ratings(unit: OrgUnit, years: range) -> dict[int, str]:
    return dict(UnitRating.objects.filter(unit=unit, year__range=(years[0], years[-1])).values_list("year", "rating"))


def unit_eligibility(*, unit: OrgUnit, year: int) -> list[dict]:
    """Each collective title, then each form of commendation, for `year`, for the unit and the people
    now working in its subtree."""
    rules = _rules(recipient=Recipient.COLLECTIVE, year=year)
    span = range(year - _span(rules.values()) + 1, year + 1)
    members = list(
        Employee.objects.filter(unit__path__startswith=unit.path, status=EmploymentStatus.ACTIVE).values_list(
            "pk", flat=True
        )
    )
    ratings = dict(AnnualRating.objects.filter(employee_id__in=members, year=year).values_list("employee_id", "rating"))
    titles: set[tuple[int, str]] = set()  # (member, individual title) of the year
    unit_titles: set[tuple[str, int]] = set()  # (collective title, year) of the unit itself
    for employee_id, award, title_year in Commendation.objects.filter(
        Q(employee_id__in=members, year=year, award__in=INDIVIDUAL_TITLES)
        | Q(unit=unit, year__range=(span[0], year), award__in=COLLECTIVE_TITLES),
        annulled_on__isnull=True,
    ).values_list("employee_id", "award", "year"):
        if employee_id is None:
            unit_titles.add((award, title_year))
        else:
            titles.add((employee_id, award))
    unit_ratings = _unit_ratings(unit, span)
    unit_rating = unit_ratings.get(year)
    punished_by_form: dict[str, set[int]] = {}
    judged: dict[str, Verdict] = {}

    def unit_has_title(award: str, title_year: int) -> bool:
        if (award, title_year) in unit_titles:
            return True
        return title_year == year and award in judged and judged[award].eligible

    verdicts = []
    for award in COLLECTIVE_TITLES + COLLECTIVE_FORMS:
        verdict = Verdict(award)
        rule = rules.get(award)
        if rule is None:
            verdict.refuse(_("No rule for this title is in force in %(year)s.") % {"year": year})
            verdicts.append(verdict.as_dict())
            continue
        main = Verdict(award)
        if not members:
            verdict.refuse(_("The unit has no working members."))
        if rule.min_rating:
            if unit_rating is None:
                main.refuse(_("No rating of the unit itself is recorded for %(year)s.") % {"year": year})
            elif RATING_ORDER[unit_rating] < RATING_ORDER[rule.min_rating]:
                main.refuse(
                    _("The unit was rated “%(rating)s” in %(year)s: needs “%(needed)s” or better.")
                    % {"rating": _rating_label(unit_rating), "year": year, "needed": _rating_label(rule.min_rating)}
                )
        if members and rule.member_share_pct is not None:
            advanced = sum(1 for m in members if (m, Award.ADVANCED_WORKER) in titles)
            if advanced * 100 < rule.member_share_pct * len(members):
                main.refuse(
                    _("%(count)s of %(total)s members hold “Lao động tiên tiến” for %(year)s: needs %(pct)s%%.")
                    % {"count": advanced, "total": len(members), "year": year, "pct": rule.member_share_pct}
                )
        if rule.member_min_rating and members:
            below = [m for m in members if RATING_ORDER.get(ratings.get(m), -1) < RATING_ORDER[rule.member_min_rating]]
            if below:
                main.refuse(
                    _("%(count)s members are not rated “%(rating)s” or better for %(year)s.")
                    % {"count": len(below), "rating": _rating_label(rule.member_min_rating), "year": year}
                )
        # A prerequisite that is an individual title (CSTĐCS for Tập thể LĐXS) is held by at least one member.
        individual_prerequisite = rule.prerequisite and rule.prerequisite not in COLLECTIVE_TITLES
        if individual_prerequisite and members and not any((m, rule.prerequisite) in titles for m in members):
            main.refuse(
                _("No member holds “%(title)s” for %(year)s.") % {"title": Award(rule.prerequisite).label, "year": year}
            )
        if rule.prerequisite in COLLECTIVE_TITLES and rule.consecutive_years:
            years = range(year - rule.consecutive_years + 1, year + 1)
            missing = [y for y in years if not unit_has_title(rule.prerequisite, y)]
            if missing:
                main.refuse(
                    _(
                        "The unit needs “%(title)s” in each of %(count)s consecutive years up to %(year)s; "
                        "missing: %(missing)s."
                    )
                    % {
                        "title": Award(rule.prerequisite).label,
                        "count": rule.consecutive_years,
                        "year": year,
                        "missing": ", ".join(str(y) for y in missing),
                    }
                )
        alternative = None
        if rule.has_alternative:
            years = range(year - rule.alt_consecutive_years + 1, year + 1)
            missing = _missing_years(years, unit_ratings, rule.alt_min_rating)
            alternative = []
            if missing:
                alternative.append(
                    _(
                        "Or: the unit rated “%(needed)s” or better in each of %(count)s consecutive years "
                        "up to %(year)s; not so in: %(missing)s."
                    )
                    % {
                        "needed": _rating_label(rule.alt_min_rating),
                        "count": rule.alt_consecutive_years,
                        "year": year,
                        "missing": ", ".join(str(y) for y in missing),
                    }
                )
        _combine(verdict, main.reasons, alternative, rule)
        _council_note(verdict, rule)
        if rule.disqualifying_form and members:
            if rule.disqualifying_form not in punished_by_form:
                punished_by_form[rule.disqualifying_form] = disciplined_at_or_above_in_year(
                    employee_ids=members, year=year, form_level=rule.disqualifying_form
                )
            punished = punished_by_form[rule.disqualifying_form]
            if punished:
                verdict.refuse(
                    _("%(count)s members were disciplined in %(year)s with “%(form)s” or a heavier form.")
                    % {"count": len(punished), "year": year, "form": _form_label(rule.disqualifying_form)}
                )
        judged[award] = verdict
        verdicts.append(verdict.as_dict())
    return verdicts
