"""Working days on the loaded calendar (migration 0012): Tết, 30/4–1/5, 2/9, weekends, swapped and compensatory days."""

import datetime

import pytest

from hr.models import CalendarDay, DayBasis, DayKind
from hr.selectors.calendar import WorkingCalendar, add_working_days, is_working_day, working_days_between

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 13), True),  # Friday before Tết 2026
        (D(2026, 2, 16), False),  # 29 Tết, first of the five days
        (D(2026, 2, 17), False),  # mùng 1
        (D(2026, 2, 20), False),  # last of the five days
        (D(2026, 2, 23), True),  # Monday after
        (D(2025, 4, 26), True),  # Saturday worked in exchange for 02/5/2025
        (D(2025, 5, 2), False),  # the Friday given for it
        (D(2025, 9, 1), False),  # adjacent day of 2/9
        (D(2026, 4, 27), False),  # compensatory day: Giỗ Tổ fell on Sunday 26/4/2026
        (D(2027, 2, 10), False),  # compensatory: mùng 1 Tết 2027 on a Saturday
        (D(2027, 2, 12), True),
        (D(2027, 5, 3), False),  # compensatory: 1/5/2027 is a Saturday
        (D(2026, 12, 5), False),  # an ordinary Saturday
        (D(2026, 12, 7), True),  # an ordinary Monday
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


def test_three_working_days_across_tet_2026():
    # Thursday 12/02: Fri 13 is the 1st, then nine days off (14–22/02), Mon 23 the 2nd, Tue 24 the 3rd.
    assert add_working_days(D(2026, 2, 12), 3) == D(2026, 2, 24)
    assert add_working_days(D(2026, 2, 12), 1) == D(2026, 2, 13)
    assert add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)


def test_working_days_across_2_september():
    # 2025: Fri 29/8 → Wed 3/9 is the first working day after (30/8–2/9 off).
    assert add_working_days(D(2025, 8, 29), 1) == D(2025, 9, 3)
    # 2026: Mon 31/8 → Tue 1/9 and Wed 2/9 off; Thu 3/9, Fri 4/9, Mon 7/9.
    assert add_working_days(D(2026, 8, 31), 3) == D(2026, 9, 7)
    assert add_working_days(D(2026, 8, 31), 2) == D(2026, 9, 4)
    # 2027: Wed 1/9 → 2/9 and 3/9 off; Mon 6/9.
    assert add_working_days(D(2027, 9, 1), 1) == D(2027, 9, 6)


def test_swapped_saturday_counts_and_its_friday_does_not():
    # Thu 24/4/2025: Fri 25 (1), Sat 26 worked (2), Mon 28 (3); then 30/4–4/5 off, Mon 5/5.
    assert add_working_days(D(2025, 4, 24), 3) == D(2025, 4, 28)
    assert add_working_days(D(2025, 4, 29), 1) == D(2025, 5, 5)


def test_weekend_start_counts_from_monday():
    assert add_working_days(D(2026, 12, 5), 1) == D(2026, 12, 7)
    assert add_working_days(D(2026, 12, 4), 0) == D(2026, 12, 4)


@pytest.mark.parametrize("start", [D(2025, 1, 20), D(2026, 2, 10), D(2026, 8, 27), D(2027, 2, 3), D(2025, 4, 22)])
@pytest.mark.parametrize("n", [0, 1, 3, 5, 12])
def test_between_inverts_add(start, n):
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    assert working_days_between(end, start) == -n
    # The day before the deadline is one working day short (when n > 0).
    if n:
        assert working_days_between(start, end - datetime.timedelta(days=1)) == n - 1


def test_between_counts_holidays_out():
    # January 2025: 23 weekdays, minus 1/1 and 27–31/01 (Tết) = 17.
    assert working_days_between(D(2024, 12, 31), D(2025, 1, 31)) == 17


def test_new_row_changes_the_count_without_code():
    CalendarDay.objects.create(
        date=D(2028, 1, 3), kind=DayKind.DAY_OFF, name="Nghỉ bù", basis=DayBasis.NOTICE, source="Thông báo thử"
    )
    assert add_working_days(D(2027, 12, 31), 1) == D(2028, 1, 4)


def test_last_start_overdue_walks_back_over_holidays():
    calendar = WorkingCalendar(D(2026, 8, 1), D(2026, 9, 30))
    # On Tue 8/9/2026 a 3-working-day deadline has ended for anything up to Wed 2/9: changes of Mon 31/8 and
    # of the two days off after it all have Mon 7/9 as their deadline.
    assert calendar.last_start_overdue(D(2026, 9, 8), 3) == D(2026, 9, 2)
    assert add_working_days(D(2026, 9, 2), 3) == D(2026, 9, 7)
    assert add_working_days(D(2026, 9, 3), 3) == D(2026, 9, 8)
    # On Mon 7/9 the deadline of 31/8 is today, not over: the latest late start is Fri 28/8 (deadline 3/9).
    assert calendar.last_start_overdue(D(2026, 9, 7), 3) == D(2026, 8, 30)
    assert add_working_days(D(2026, 8, 30), 3) < D(2026, 9, 7) <= add_working_days(D(2026, 8, 31), 3)


def test_every_loaded_row_names_its_source_and_basis():
    rows = CalendarDay.objects.filter(date__year__in=[2025, 2026, 2027])
    assert rows.count() == 39
    assert not rows.filter(source="").exists()
    assert set(rows.values_list("basis", flat=True)) == {DayBasis.STATUTORY, DayBasis.RECALLED_NOTICE}
    assert not rows.filter(date__year=2027).exclude(basis=DayBasis.STATUTORY).exists()
