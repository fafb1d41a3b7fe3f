"""Ratings of public service units under NĐ 233/2026 Điều 5–9 (DOMAIN.md §1.3), as rule data by year.

HTXSNV: no component unit rated KHTNV, and within the quota of the units under the same managing agency
(20 % of those rated HTTNV or better, at most one when there are fewer than five).
"""

import pytest
from django.urls import reverse

from evaluations.models import UnitRatingRule
from hr.models import UnitKind, UnitRating
from tests.factories import OrgUnitFactory
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db

URL = reverse("unit-rating-list")


def _units(parent, count: int, *, prefix: str = "DV", kind: str = UnitKind.PUBLIC_SERVICE_UNIT) -> list:
    return [
        OrgUnitFactory(code=f"{parent.code}-{prefix}{n}", name=f"Trung tâm {prefix}{n}", kind=kind, parent=parent)
        for n in range(count)
    ]


def _post(client, unit, rating, year=2026, number=""):
    return client.post(URL, {"unit": unit.pk, "year": year, "rating": rating, "decision_number": number}, format="json")


def _refused(client, unit, rating, code, year=2026):
    with unchanged(UnitRating.objects.all()):
        response = _post(client, unit, rating, year)
    refused(response, code, field="rating" if code == "unit_component_failed" else None)


def test_the_rule_is_data_from_the_year_2026():
    rule = UnitRatingRule.objects.get(code="ND233-DVSN")
    assert (rule.unit_kinds, rule.quota_pct, rule.small_group_size, rule.small_group_max) == (["DVSN"], 20, 5, 1)
    assert rule.excellent_needs_components and rule.legal_basis.startswith("NĐ 233/2026")
    assert rule.history.count() == 1


class ComponentUnitTests:
    def test_no_excellent_while_a_component_unit_did_not_complete(self, org, as_user):
        (centre,) = _units(org.a.unit, 1)
        (room,) = _units(centre, 1, prefix="P", kind=UnitKind.ROOM)
        UnitRating.objects.create(unit=room, year=2026, rating="KHTNV")
        client = as_user(org.admin)
        _refused(client, centre, "HTXSNV", "unit_component_failed")
        assert _post(client, centre, "HTTNV").status_code == 201

    def test_a_component_unit_completing_is_enough(self, org, as_user):
        (centre,) = _units(org.a.unit, 1)
        (room,) = _units(centre, 1, prefix="P", kind=UnitKind.ROOM)
        UnitRating.objects.create(unit=room, year=2026, rating="HTNV")
        UnitRating.objects.create(unit=room, year=2025, rating="KHTNV")
        assert _post(as_user(org.admin), centre, "HTXSNV").status_code == 201

    def test_before_the_decree_no_such_rule(self, org, as_user):
        (centre,) = _units(org.a.unit, 1)
        (room,) = _units(centre, 1, prefix="P", kind=UnitKind.ROOM)
        UnitRating.objects.create(unit=room, year=2025, rating="KHTNV")
        assert _post(as_user(org.admin), centre, "HTXSNV", year=2025).status_code == 201

    def test_other_kinds_of_units_are_not_concerned(self, org, as_user):
        UnitRating.objects.create(unit=org.a.room, year=2026, rating="KHTNV")
        assert _post(as_user(org.admin), org.a.unit, "HTXSNV").status_code == 201


class QuotaTests:
    def test_fewer_than_five_units_at_most_one(self, org, as_user):
        centres = _units(org.a.unit, 4)
        client = as_user(org.admin)
        assert _post(client, centres[0], "HTXSNV").status_code == 201
        _refused(client, centres[1], "HTXSNV", "unit_quota_exceeded")
        # Correcting the one already rated does not count it twice.
        assert _post(client, centres[0], "HTXSNV", number="QĐ 2").status_code == 201

    def test_five_units_twenty_percent_of_those_rated_well_or_better(self, org, as_user):
        centres = _units(org.a.unit, 5)
        client = as_user(org.admin)
        for centre in centres[1:]:
            assert _post(client, centre, "HTTNV").status_code == 201
        assert _post(client, centres[0], "HTXSNV").status_code == 201  # 20 % of 5 = 1
        _refused(client, centres[1], "HTXSNV", "unit_quota_exceeded")

    def test_the_basis_is_those_rated_well_or_better(self, org, as_user):
        centres = _units(org.a.unit, 10)
        client = as_user(org.admin)
        for centre in centres[2:6]:
            assert _post(client, centre, "HTTNV").status_code == 201
        for centre in centres[6:]:
            assert _post(client, centre, "HTNV").status_code == 201
        assert _post(client, centres[0], "HTXSNV").status_code == 201  # basis 5 → 1
        _refused(client, centres[1], "HTXSNV", "unit_quota_exceeded")
        for centre in centres[6:]:  # corrected: basis 10 with the next one → 2
            assert _post(client, centre, "HTTNV").status_code == 201
        assert _post(client, centres[1], "HTXSNV").status_code == 201

    def test_units_of_another_managing_agency_are_another_group(self, org, as_user):
        mine, theirs = _units(org.a.unit, 2), _units(org.b.unit, 2)
        client = as_user(org.admin)
        assert _post(client, theirs[0], "HTXSNV").status_code == 201
        assert _post(client, mine[0], "HTXSNV").status_code == 201
        _refused(client, mine[1], "HTXSNV", "unit_quota_exceeded")


def test_only_the_province_administration_records(org, as_user):
    (centre,) = _units(org.a.unit, 1)
    with unchanged(UnitRating.objects.all()):
        response = _post(as_user(org.a.officer), centre, "HTTNV")
    assert response.status_code == 403
