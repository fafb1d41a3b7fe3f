"""Changes not acknowledged within 3 working days (ratings 5), at the exact boundaries of the calendar."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.models import PersonChange
from hr.selectors.calendar import add_working_days
from hr.services.changes import person_changes_sequence
from sync.selectors.overdue import overdue_report
from tests.refusals import refused
from tests.sync.helpers import hire, rate

pytestmark = pytest.mark.django_db

URL = reverse("sync-overdue")
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
D = datetime.date


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HANOI)


def change(org, when: datetime.datetime, *, rating: bool = False) -> PersonChange:
    """A person's hiring (or their rating) logged at `when`, the province's time."""
    employee = hire(org.a.room)
    if rating:
        rate(employee)
        row = PersonChange.objects.filter(employee=employee, source="hr.annualrating").get()
    else:
        row = PersonChange.objects.filter(employee=employee, source="hr.employee").get()
    PersonChange.objects.filter(employee=employee).exclude(pk=row.pk).update(acknowledged_at=when)
    PersonChange.objects.filter(pk=row.pk).update(changed_at=when)
    row.refresh_from_db()
    return row


def overdue_on(day: datetime.date) -> set[int]:
    return set(overdue_report(today=day).changes.values_list("pk", flat=True))


def test_three_working_days_across_2_september(org):
    # Mon 31/8/2026: Tue 1/9 and Wed 2/9 are holidays; the deadline is the end of Mon 7/9.
    row = change(org, at(D(2026, 8, 31)))
    assert row.pk not in overdue_on(D(2026, 9, 7))
    assert row.pk in overdue_on(D(2026, 9, 8))


def test_ratings_have_five_working_days(org):
    row = change(org, at(D(2026, 8, 31)), rating=True)
    # 3, 4, 7, 8 and 9 September.
    assert row.pk not in overdue_on(D(2026, 9, 9))
    assert row.pk in overdue_on(D(2026, 9, 10))


def test_three_working_days_across_tet_2027(org):
    # Thu 4/02/2027: 5–11/02 off (Tết, its weekend, two compensatory days); Fri 12, Mon 15, Tue 16.
    row = change(org, at(D(2027, 2, 4)))
    assert row.pk not in overdue_on(D(2027, 2, 16))
    assert row.pk in overdue_on(D(2027, 2, 17))


def test_the_day_of_a_change_is_the_provinces(org):
    # 23:30 on Thu 3/9 in Sơn La (16:30 UTC) counts from Thursday; 00:30 on Fri 4/9 (17:30 UTC Thursday) from Friday.
    thursday = change(org, at(D(2026, 9, 3), 23, 30))
    friday = change(org, at(D(2026, 9, 4), 0, 30))
    assert overdue_on(D(2026, 9, 9)) == {thursday.pk}
    assert overdue_on(D(2026, 9, 10)) == {thursday.pk, friday.pk}


def test_no_deadline_before_the_decree(org):
    # NĐ 27/2026 is in force from 01/7/2026.
    before = change(org, at(D(2026, 6, 30)))
    on_the_day = change(org, at(D(2026, 7, 1)))
    assert overdue_on(D(2026, 12, 7)) == {on_the_day.pk}
    assert before.pk not in overdue_on(D(2027, 1, 4))


def test_acknowledged_changes_are_not_overdue(org):
    row = change(org, at(D(2026, 8, 31)))
    PersonChange.objects.filter(pk=row.pk).update(acknowledged_at=at(D(2026, 9, 10)))
    assert overdue_on(D(2026, 9, 30)) == set()


def test_each_change_gets_its_deadline_and_lateness(org):
    operational = change(org, at(D(2026, 8, 31)))
    rating = change(org, at(D(2026, 8, 31)), rating=True)
    report = overdue_report(today=D(2026, 9, 14))
    rows = list(report.changes)
    report.describe(rows)
    found = {row.pk: (row.kind, row.deadline, row.working_days_late, row.rule.days) for row in rows}
    assert found == {
        operational.pk: ("OPERATIONAL", D(2026, 9, 7), 5, 3),
        rating.pk: ("RATING", D(2026, 9, 9), 3, 5),
    }


def test_the_report_lists_with_deadlines_in_constant_queries(
    org, as_user, django_assert_num_queries, django_assert_max_num_queries
):
    today = timezone.localdate()
    old = change(org, timezone.now() - datetime.timedelta(days=40))
    change(org, timezone.now())  # its deadline is ahead
    client = as_user(org.admin)
    # Savepoint, the rules, the calendar for the cut-off days, page, count (the page is full), the calendar for the
    # page's deadlines.
    with django_assert_num_queries(7) as few:
        response = client.get(URL, {"page_size": 1})
    queries = len(few.captured_queries)
    assert response.status_code == 200
    assert [item["id"] for item in response.data["results"]] == [old.pk]
    item = response.data["results"][0]
    deadline = add_working_days(timezone.localtime(old.changed_at).date(), 3)
    assert item["deadline"] == deadline.isoformat()
    assert item["kind"] == "OPERATIONAL"
    assert item["legal_basis"].startswith("Nghị định 27/2026/NĐ-CP")
    assert item["working_days_late"] > 0
    assert today > deadline
    for n in range(5):
        change(org, timezone.now() - datetime.timedelta(days=30 + 20 * n))
    # A page that is not full needs no count: at most as many queries.
    with django_assert_max_num_queries(queries):
        assert len(client.get(URL, {"page_size": 50}).data["results"]) == 6


def test_numbering_does_not_change_the_report(org):
    row = change(org, at(D(2026, 8, 31)))
    person_changes_sequence()
    assert row.pk in overdue_on(D(2026, 9, 8))


@pytest.mark.parametrize("agency", ["a", "b"])
@pytest.mark.parametrize("role", ["officer", "manager", "staff"])
def test_only_the_province_administration_reads_the_report(org, as_user, agency, role):
    refused(as_user(getattr(getattr(org, agency), role)).get(URL), "permission_denied")
