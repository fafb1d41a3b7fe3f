"""Id and year filters on every list: out-of-range or fractional numbers are a field-level 400, never a 500."""

import pytest
from django.db.models import Count
from rest_framework.request import Request

from backend.api.filters import ListOrderingFilter
from hr.models import DisciplineRecord
from tests.factories import EmployeeFactory
from tests.matrix.discipline import discipline

DISCIPLINE = "/api/v1/discipline-records/"
# (list path, filter) for every list filtering by a related id or by a year.
ID_AND_YEAR_FILTERS = [
    ("/api/v1/reform-appraisals/", "unit"),
    ("/api/v1/reform-appraisals/", "year"),
    ("/api/v1/commendations/", "employee"),
    ("/api/v1/commendations/", "unit"),
    ("/api/v1/commendations/", "year"),
    ("/api/v1/initiatives/", "employee"),
    ("/api/v1/initiatives/", "year"),
    ("/api/v1/discipline-records/", "employee"),
    ("/api/v1/discipline-records/", "year"),
    ("/api/v1/evaluations/", "employee"),
    ("/api/v1/evaluations/", "year"),
    ("/api/v1/evaluation-cycles/", "year"),
    ("/api/v1/training/enrolments/", "employee"),
    ("/api/v1/training/enrolments/", "year"),
]
BAD_VALUES = ["-1.7976931348623157e+308", "1e308", "0", "2024.5", "99999999999"]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), ID_AND_YEAR_FILTERS)
@pytest.mark.parametrize("value", BAD_VALUES)
def test_out_of_range_number_is_a_field_error(as_user, org, path, name, value):
    response = as_user(org.admin).get(path, {name: value})
    assert response.status_code == 400, response.content
    assert name in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), ID_AND_YEAR_FILTERS)
def test_a_sane_value_filters(as_user, org, path, name):
    value = 2026 if name == "year" else org.a.staff.employee_id
    response = as_user(org.admin).get(path, {name: value})
    assert response.status_code == 200, response.content
    assert "results" in response.json()


@pytest.mark.django_db
class TestOrderingTiebreak:
    """A caller's `?ordering=` ends with the id, so rows with equal values page once each, in one order."""

    def test_pages_of_equal_dates_cover_every_record_once(self, org, as_user):
        people = EmployeeFactory.create_batch(7, unit=org.a.room)
        for person in people:
            discipline(person)
        client = as_user(org.admin)
        for ordering in ("decision_date", "-decision_date"):
            seen = []
            for page in (1, 2, 3, 4):
                body = client.get(DISCIPLINE, {"ordering": ordering, "page_size": 2, "page": page}).json()
                seen += [row["id"] for row in body["results"]]
            assert len(seen) == len(set(seen)) == 7
            # Equal dates: the ids follow the last term's direction.
            assert seen == sorted(seen, reverse=ordering.startswith("-"))

    def test_an_order_naming_the_id_is_left_as_it_is(self, rf):
        class View:
            ordering_fields = ["decision_date", "id"]
            ordering = ["-decision_date", "-id"]

        backend = ListOrderingFilter()
        queryset = DisciplineRecord.objects.all()

        def ordering(query: str):
            return backend.get_ordering(Request(rf.get("/", {"ordering": query} if query else {})), queryset, View())

        assert ordering("decision_date,-id") == ["decision_date", "-id"]
        assert ordering("-decision_date") == ["-decision_date", "-pk"]
        assert ordering("") == ["-decision_date", "-id"]  # the view's own order
        grouped = DisciplineRecord.objects.values("form").annotate(n=Count("id"))
        assert backend.get_ordering(Request(rf.get("/", {"ordering": "decision_date"})), grouped, View()) == [
            "decision_date"
        ]
