"""Lists that read only the columns their rows show give the same rows as reading every column."""

import pytest

from hr.models import Award
from hr.selectors.accounts import account_visible
from hr.selectors.brief import PERSON_BRIEF, UNIT_BRIEF
from hr.selectors.commendations import commendation_visible
from hr.selectors.discipline import discipline_visible
from hr.serializers.accounts import AccountOutputSerializer
from hr.serializers.commendations import CommendationOutputSerializer
from hr.serializers.discipline import DisciplineOutputSerializer, PersonBriefSerializer
from hr.serializers.units import UnitBriefSerializer
from tests.matrix.discipline import commendation, discipline

pytestmark = pytest.mark.django_db


def test_the_brief_columns_are_the_brief_serializers_fields():
    assert ("id", *PERSON_BRIEF) == tuple(PersonBriefSerializer.Meta.fields)
    assert ("id", *UNIT_BRIEF) == tuple(UnitBriefSerializer.Meta.fields)


@pytest.mark.parametrize(
    ("path", "visible", "serializer"),
    [
        ("/api/v1/discipline-records/", discipline_visible, DisciplineOutputSerializer),
        ("/api/v1/commendations/", commendation_visible, CommendationOutputSerializer),
        ("/api/v1/accounts/", account_visible, AccountOutputSerializer),
    ],
)
def test_rows_equal_those_of_every_column(org, as_user, path, visible, serializer):
    # Commended first: a discipline decision in force would bar the commendation.
    for person in (org.a.staff.employee, org.a.manager.employee, org.b.staff.employee):
        commendation(employee=person)
        discipline(person)
    commendation(unit=org.a.unit, award=Award.ADVANCED_COLLECTIVE)
    for user in (org.admin, org.a.officer):
        listed = as_user(user).get(path, {"page_size": 500}).json()["results"]
        full = serializer(visible(user=user), many=True).data
        assert len(listed) > 1
        assert {row["id"]: row for row in listed} == {row["id"]: dict(row) for row in full}, (path, user)
