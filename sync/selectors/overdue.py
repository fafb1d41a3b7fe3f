"""Changes not acknowledged within their deadline: 3 working days (NĐ 27/2026), ratings 5 (NĐ 233/2026).

A change follows the `SyncDeadlineRule` of its kind in force on the day it was made (the province's day); its
deadline ends with the `days`-th working day after it (or calendar day, if the rule says so). Before the rules
start (NĐ 27 is in force from 01/7/2026) a change has no deadline. The list is filtered in SQL: for each rule,
the latest day whose deadline already ended is found once on the working-day calendar, so the query and the
count stay constant whatever the number of changes.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from hr.models import PersonChange
from hr.selectors.calendar import WorkingCalendar
from sync.models import DeadlineKind, SyncDeadlineRule
from sync.registry import groups_of_change, rating_sources
from sync.selectors.changes import change_list

ONE_DAY = datetime.timedelta(days=1)


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _kind_q(kind: str, ratings: set[str]) -> Q:
    return Q(source__in=ratings) if kind == DeadlineKind.RATING else ~Q(source__in=ratings)


@dataclass
class OverdueReport:
    """The overdue changes (a queryset to paginate) and what computes each one's deadline."""

    changes: QuerySet
    today: datetime.date
    rules: list[SyncDeadlineRule]
    ratings: set[str]

    def kind_of(self, change: PersonChange) -> str:
        return DeadlineKind.RATING if change.source in self.ratings else DeadlineKind.OPERATIONAL

    def rule_for(self, change: PersonChange) -> SyncDeadlineRule | None:
        day = timezone.localdate(change.changed_at)
        kind = self.kind_of(change)
        for rule in self.rules:
            if rule.kind == kind and rule.valid_from <= day and (rule.valid_to is None or day <= rule.valid_to):
                return rule
        return None

    def describe(self, changes: list[PersonChange]) -> None:
        """Set `kind`, `groups`, `deadline`, `rule` and `working_days_late` on each change of a page (one query)."""
        if not changes:
            return
        first = min(timezone.localdate(change.changed_at) for change in changes)
        calendar = WorkingCalendar(first, self.today)
        for change in changes:
            rule = self.rule_for(change)
            day = timezone.localdate(change.changed_at)
            change.kind = self.kind_of(change)
            change.groups = groups_of_change(change.source, change.fields)
            change.rule = rule
            if rule is None:
                change.deadline = change.working_days_late = None
                continue
            change.deadline = calendar.add(day, rule.days) if rule.working_days else day + rule.days * ONE_DAY
            change.working_days_late = calendar.between(change.deadline, self.today)


def overdue_report(*, today: datetime.date | None = None) -> OverdueReport:
    """Changes not acknowledged whose deadline ended before `today` (the province's today by default)."""
    today = today or timezone.localdate()
    rules = list(SyncDeadlineRule.objects.filter(valid_from__lt=today).order_by("kind", "valid_from"))
    ratings = rating_sources()
    calendar = WorkingCalendar(today - datetime.timedelta(days=62), today)
    late = Q(pk__in=[])
    for rule in rules:
        if rule.working_days:
            cutoff = calendar.last_start_overdue(today, rule.days)
        else:
            cutoff = today - (rule.days + 1) * ONE_DAY
        last = min(cutoff, rule.valid_to) if rule.valid_to else cutoff
        if last < rule.valid_from:
            continue
        late |= (
            _kind_q(rule.kind, ratings)
            & Q(changed_at__gte=_start_of(rule.valid_from))
            & Q(changed_at__lt=_start_of(last + ONE_DAY))
        )
    changes = change_list().filter(late, acknowledged_at__isnull=True).order_by("changed_at", "id")
    return OverdueReport(changes, today, rules, ratings)
