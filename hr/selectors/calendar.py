"""Working days on the calendar of `hr.CalendarDay`: deadlines counted in working days (NĐ 27/2026 sync, ...).

A working day is a Monday to Friday that no row makes a day off, or a Saturday or Sunday that a row makes a
working day. A `WorkingCalendar` reads the rows of the span it is asked about in one query (and reads further
only if a count runs past it), so a list computing a deadline per row costs one query, not one per row. A year
with no rows is counted on the five-day week alone.
"""

import datetime

from hr.models.calendar import OFF_KINDS, CalendarDay, DayKind

ONE_DAY = datetime.timedelta(days=1)


def _margin(n: int) -> datetime.timedelta:
    # Days off never run more than about ten in a row: twice n plus a month covers any n working days.
    return datetime.timedelta(days=2 * n + 31)


class WorkingCalendar:
    """The calendar rows of a span of dates, read once; counts outside it read the missing rows."""

    def __init__(self, first: datetime.date, last: datetime.date):
        self.first, self.last = first, last
        self.exceptions = self._read(first, last)

    @staticmethod
    def _read(first: datetime.date, last: datetime.date) -> dict[datetime.date, str]:
        return dict(CalendarDay.objects.filter(date__range=(first, last)).values_list("date", "kind"))

    def _cover(self, day: datetime.date) -> None:
        if day < self.first:
            self.exceptions |= self._read(day - _margin(10), self.first - ONE_DAY)
            self.first = day - _margin(10)
        elif day > self.last:
            self.exceptions |= self._read(self.last + ONE_DAY, day + _margin(10))
            self.last = day + _margin(10)

    def is_working(self, day: datetime.date) -> bool:
        self._cover(day)
        kind = self.exceptions.get(day)
        if kind == DayKind.WORKING:
            return True
        if kind in OFF_KINDS:
            return False
        return day.weekday() < 5

    def add(self, start: datetime.date, n: int) -> datetime.date:
        """The day `n` working days after `start` (`start` itself not counted); `start` when `n` is 0."""
        if n < 0:
            raise ValueError("n must not be negative")
        day, counted = start, 0
        while counted < n:
            day += ONE_DAY
            counted += self.is_working(day)
        return day

    def between(self, a: datetime.date, b: datetime.date) -> int:
        """The working days after `a` up to and including `b`; negative when `b` is before `a`."""
        if b < a:
            return -self.between(b, a)
        count, day = 0, a + ONE_DAY
        while day <= b:
            count += self.is_working(day)
            day += ONE_DAY
        return count

    def last_start_overdue(self, today: datetime.date, n: int) -> datetime.date:
        """The latest start day whose `n`-working-day deadline ended before `today`: a start on it or earlier is late.

        That is the latest day `d` with `n` working days in `(d, today - 1]`, found walking back from `today`
        (the count grows as `d` moves back).
        """
        day, counted = today - ONE_DAY, 0
        while counted < n:
            counted += self.is_working(day)
            day -= ONE_DAY
        return day


def is_working_day(day: datetime.date) -> bool:
    """Whether `day` is a working day."""
    return WorkingCalendar(day, day).is_working(day)


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The day `n` working days after `start` (`start` not counted). A deadline of "within n working days" of an
    event on `start` ends at the end of this day."""
    return WorkingCalendar(start, start + _margin(n)).add(start, n)


def working_days_between(a: datetime.date, b: datetime.date) -> int:
    """The working days after `a` up to and including `b` (negative when `b` is before `a`);
    `working_days_between(a, add_working_days(a, n)) == n`."""
    return WorkingCalendar(min(a, b), max(a, b)).between(a, b)
