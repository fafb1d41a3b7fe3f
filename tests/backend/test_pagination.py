"""Pages read before the count, and read by their keys first: the same rows, counts and refusals as Django's paging."""

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.api.pagination import KeysFirstPaginator, PageFirstPaginator
from hr.models import Employee
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(org):
    EmployeeFactory.create_batch(7, unit=org.a.room)
    return Employee.objects.select_related("unit").order_by("full_name", "id")


def _same_as_django(paginator_class, queryset, per_page: int, number) -> None:
    expected = Paginator(queryset, per_page).page(number)
    page = paginator_class(queryset, per_page).page(number)
    assert list(page) == list(expected)
    got = (page.paginator.count, page.number, page.has_next())
    assert got == (expected.paginator.count, number, expected.has_next())


@pytest.mark.parametrize("paginator_class", [PageFirstPaginator, KeysFirstPaginator])
def test_every_page_is_djangos_page(people, paginator_class):
    total = people.count()
    for per_page in (1, 3, total, total + 5):
        for number in range(1, -(-total // per_page) + 1):
            _same_as_django(paginator_class, people, per_page, number)


@pytest.mark.parametrize("paginator_class", [PageFirstPaginator, KeysFirstPaginator])
def test_a_page_counted_first_is_djangos_page_read_by_rows(people, paginator_class, monkeypatch):
    # DRF counts before asking for `?page=last`: that page too is read by `rows` (keys first, for instance).
    total = people.count()
    read = []
    rows = paginator_class.rows
    monkeypatch.setattr(
        paginator_class, "rows", lambda self, bottom, top: read.append((bottom, top)) or rows(self, bottom, top)
    )
    for per_page in (1, 3, total, total + 5):
        paginator = paginator_class(people, per_page)
        last = paginator.num_pages
        page = paginator.page(last)
        expected = Paginator(people, per_page).page(last)
        assert (list(page), page.number, page.has_next()) == (list(expected), last, False)
        assert read[-1] == ((last - 1) * per_page, total)
    with pytest.raises(EmptyPage):
        counted = paginator_class(people, 3)
        counted.page(counted.num_pages + 1)


def test_a_page_that_is_not_full_tells_the_count(people):
    total = people.count()
    with CaptureQueriesContext(connection) as queries:
        page = PageFirstPaginator(people, 50).page(1)
        assert page.paginator.count == total
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert PageFirstPaginator(people, total - 1).page(2).paginator.count == total  # the last page, one row
    assert len(queries) == 1


def test_a_full_page_is_counted(people):
    total = people.count()
    with CaptureQueriesContext(connection) as queries:
        page = PageFirstPaginator(people, 2).page(1)
        assert page.paginator.count == total
    assert [q["sql"].startswith("SELECT COUNT") for q in queries.captured_queries] == [False, True]


def test_an_empty_list_has_its_first_page(org):
    page = PageFirstPaginator(Employee.objects.none(), 10).page(1)
    assert (list(page), page.paginator.count) == ([], 0)


@pytest.mark.parametrize("paginator_class", [PageFirstPaginator, KeysFirstPaginator])
def test_pages_past_the_end_and_bad_numbers_are_refused_as_before(people, paginator_class):
    with pytest.raises(EmptyPage):
        paginator_class(people, 3).page(9)
    with pytest.raises(EmptyPage):
        paginator_class(people, 3).page(0)
    with pytest.raises(PageNotAnInteger):
        paginator_class(people, 3).page("x")


def test_keys_first_reads_the_keys_then_the_rows_with_their_joins(people):
    with CaptureQueriesContext(connection) as queries:
        page = KeysFirstPaginator(people, 50).page(1)
        units = [person.unit.code for person in page]  # select_related: no query per row
    assert len(units) == people.count()
    keys, rows = (q["sql"] for q in queries.captured_queries)
    assert "hr_orgunit" not in keys.split("FROM")[0] and "hr_orgunit" in rows.split("FROM")[0]


def test_keys_first_reads_a_distinct_list_in_one_step(people):
    expected = list(people)
    with CaptureQueriesContext(connection) as queries:
        assert list(KeysFirstPaginator(people.distinct(), 50).page(1)) == expected
    assert len(queries) == 1


def test_the_api_page_is_the_same_with_and_without_a_count(org, as_user):
    EmployeeFactory.create_batch(4, unit=org.a.room)
    client = as_user(org.admin)
    whole = client.get("/api/v1/training/enrolments/", {"page_size": 500}).json()
    assert whole["count"] == len(whole["results"])
    people = client.get("/api/v1/employees/", {"page_size": 2, "page": 2}).json()
    assert people["count"] == Employee.objects.count() and people["next"] and people["previous"]
    assert client.get("/api/v1/employees/", {"page": 99}).status_code == 404
