"""Id and year filters on every list: out-of-range or fractional numbers are a field-level 400, never a 500."""

import pytest

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
