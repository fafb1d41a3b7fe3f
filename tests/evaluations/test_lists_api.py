"""Scoped lists with filters and constant queries; own evaluations; statistics; unit ratings; rule sets."""

import pytest
from django.urls import reverse

from evaluations.models import Evaluation
from evaluations.selectors.evaluations import evaluation_visible
from evaluations.serializers.evaluations import EvaluationListSerializer
from hr.models import UnitRating
from tests.evaluations.factories import decide, evaluation_of, generated, people, ready_for_decision
from tests.refusals import refused, unchanged

pytestmark = pytest.mark.django_db
LIST = reverse("evaluation-list")


def _ids(client, **params):
    response = client.get(LIST, params)
    assert response.status_code == 200, response.data
    return {row["id"] for row in response.data["results"]}


@pytest.fixture
def both(org):
    """Annual 2026 cycles over both agencies."""
    return generated(org.admin, org.a.unit), generated(org.admin, org.b.unit)


class EvaluationListTests:
    def test_scope_per_role(self, org, as_user, both):
        a, _b = both
        a_all = set(Evaluation.objects.filter(cycle=a).values_list("pk", flat=True))
        a_room = set(Evaluation.objects.filter(cycle=a, unit=org.a.room).values_list("pk", flat=True))
        assert _ids(as_user(org.admin)) == set(Evaluation.objects.values_list("pk", flat=True))
        assert _ids(as_user(org.a.officer)) == a_all
        assert _ids(as_user(org.a.manager)) == a_room
        assert _ids(as_user(org.a.staff)) == {evaluation_of(a, org.a.staff.employee).pk}

    def test_filters(self, org, as_user, both):
        a, _b = both
        client = as_user(org.admin)
        assert _ids(client, cycle=a.pk) == set(Evaluation.objects.filter(cycle=a).values_list("pk", flat=True))
        assert _ids(client, unit=org.b.room.pk) == set(
            Evaluation.objects.filter(unit=org.b.room).values_list("pk", flat=True)
        )
        staff = evaluation_of(a, org.a.staff.employee)
        decide(ready_for_decision(staff, total="80"), actor=org.admin)
        assert _ids(client, status="DECIDED") == {staff.pk}
        assert _ids(client, rating="HTTNV") == {staff.pk}
        assert _ids(client, year=2025) == set()
        assert len(_ids(client, year=2026, status=["DRAFT", "DECIDED"])) == 6

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"status": "XYZ"}, "status"),
            ({"rating": "A"}, "rating"),
            ({"year": "x"}, "year"),
            ({"cycle": 99999}, "cycle"),
        ],
    )
    def test_bad_filters(self, org, as_user, both, params, field):
        response = as_user(org.admin).get(LIST, params)
        assert response.status_code == 400 and field in response.data

    def test_constant_queries(self, org, as_user, django_assert_num_queries, django_assert_max_num_queries):
        generated(org.admin, org.a.unit)
        client = as_user(org.admin)
        client.get(LIST)  # warm-up: content types, session
        with django_assert_max_num_queries(6) as small:
            response = client.get(LIST)
        assert response.data["count"] == 3
        people(org.b.room, 17)
        generated(org.admin, org.b.unit)
        with django_assert_num_queries(len(small.captured_queries)):
            response = client.get(LIST, {"page_size": 100})
        assert response.data["count"] == 23

    def test_detail_and_scope(self, org, as_user, both):
        staff = evaluation_of(both[0], org.a.staff.employee)
        url = reverse("evaluation-detail", args=[staff.pk])
        assert as_user(org.a.staff).get(url).status_code == 200
        assert as_user(org.a.manager).get(url).status_code == 200
        assert as_user(org.b.officer).get(url).status_code == 404
        assert as_user(org.a.officer).get(reverse("evaluation-detail", args=[99999])).status_code == 404


class EvaluationListRowsTests:
    """The list reads only the joins and columns its rows show (its scope: tests/hr/test_scoped_filters.py)."""

    def test_rows_equal_drfs_over_every_column(self, org, as_user, both):
        decide(ready_for_decision(evaluation_of(both[0], org.a.staff.employee), total="80"), actor=org.admin)
        for user in (org.admin, org.a.officer, org.a.manager, org.a.staff):
            listed = as_user(user).get(LIST, {"page_size": 500}).json()["results"]
            full = EvaluationListSerializer(evaluation_visible(user=user), many=True).data
            assert listed, user
            assert listed == [dict(row) for row in full], user  # the same rows in the same order


class MyEvaluationsTests:
    def test_own_only(self, org, as_user, both):
        a, _b = both
        month = generated(org.admin, org.a.unit, kind="MONTHLY", number=2)
        response = as_user(org.a.staff).get(reverse("my-evaluation-list"))
        assert response.status_code == 200
        assert {row["id"] for row in response.data["results"]} == {
            evaluation_of(a, org.a.staff.employee).pk,
            evaluation_of(month, org.a.staff.employee).pk,
        }
        officer = as_user(org.a.officer).get(reverse("my-evaluation-list"))
        assert {row["employee"] for row in officer.data["results"]} == {org.a.officer.employee_id}

    def test_constant_queries(self, org, as_user, django_assert_num_queries, django_assert_max_num_queries):
        client = as_user(org.a.staff)
        generated(org.admin, org.a.unit)
        client.get(reverse("my-evaluation-list"))
        with django_assert_max_num_queries(6) as small:
            client.get(reverse("my-evaluation-list"))
        for number in range(1, 13):
            generated(org.admin, org.a.unit, kind="MONTHLY", number=number)
        with django_assert_num_queries(len(small.captured_queries)):
            assert client.get(reverse("my-evaluation-list")).data["count"] == 13


class StatisticsTests:
    URL = reverse("evaluation-statistics")

    def test_distribution_per_unit(self, org, as_user, both):
        a, _b = both
        decide(ready_for_decision(evaluation_of(a, org.a.staff.employee), total="80"), actor=org.admin)
        decide(ready_for_decision(evaluation_of(a, org.a.manager.employee), total="60"), actor=org.admin)
        response = as_user(org.a.officer).get(self.URL, {"year": 2026})
        assert response.status_code == 200, response.data
        rows = {row["unit"]: row for row in response.data["units"]}
        assert set(rows) == {org.a.unit.pk, org.a.room.pk}
        room = rows[org.a.room.pk]
        assert (room["HTTNV"], room["HTNV"], room["pending"], room["total"]) == (1, 1, 0, 2)
        assert rows[org.a.unit.pk]["pending"] == 1
        assert response.data["totals"]["total"] == 3

    def test_admin_sees_the_province_and_filters_by_unit(self, org, as_user, both):
        client = as_user(org.admin)
        assert client.get(self.URL, {"year": 2026}).data["totals"]["total"] == 6
        assert client.get(self.URL, {"year": 2026, "unit": org.b.unit.pk}).data["totals"]["total"] == 3

    def test_roles(self, org, as_user, both):
        refused(as_user(org.a.staff).get(self.URL, {"year": 2026}), "permission_denied", status=403)
        refused(as_user(org.a.officer).get(self.URL, {"year": 2026, "unit": org.b.unit.pk}), "out_of_scope")
        refused(as_user(org.a.manager).get(self.URL, {"year": 2026, "unit": org.a.unit.pk}), "out_of_scope")
        assert as_user(org.a.manager).get(self.URL, {"year": 2026}).data["totals"]["total"] == 2

    @pytest.mark.parametrize(
        "params",
        [{}, {"year": "abc"}, {"year": 1800}, {"year": 2026, "unit": 99999}, {"year": 2026, "period_kind": "X"}],
    )
    def test_bad_input(self, org, as_user, params):
        response = as_user(org.admin).get(self.URL, params)
        assert response.status_code == 400
        assert set(response.data) & {"year", "unit", "period_kind"}


class UnitRatingTests:
    URL = reverse("unit-rating-list")

    def test_admin_records_and_corrects(self, org, as_user):
        client = as_user(org.admin)
        data = {"unit": org.a.unit.pk, "year": 2026, "rating": "HTTNV", "decision_number": "QĐ 5/QĐ-UBND"}
        assert client.post(self.URL, data, format="json").status_code == 201
        assert client.post(self.URL, {**data, "rating": "HTNV"}, format="json").status_code == 201
        record = UnitRating.objects.get(unit=org.a.unit, year=2026)
        assert record.rating == "HTNV" and record.history.count() == 2
        history = client.get(reverse("unit-rating-history", args=[record.pk]))
        assert history.status_code == 200 and history.data["results"][0]["history_user"] == "admin"

    @pytest.mark.parametrize("role", ["officer", "manager", "staff"])
    def test_others_may_not_record(self, org, as_user, role):
        data = {"unit": org.a.unit.pk, "year": 2026, "rating": "HTTNV"}
        with unchanged(UnitRating.objects.all()):
            response = as_user(getattr(org.a, role)).post(self.URL, data, format="json")
        refused(response, "permission_denied", status=403)

    @pytest.mark.parametrize(
        ("changes", "field", "code"),
        [
            ({"rating": "A"}, "rating", "invalid_choice"),
            ({"year": 1900}, "year", "min_value"),
            ({"unit": 999999}, "unit", "does_not_exist"),
        ],
    )
    def test_bad_input(self, org, as_user, changes, field, code):
        data = {"unit": org.a.unit.pk, "year": 2026, "rating": "HTTNV", **changes}
        with unchanged(UnitRating.objects.all()):
            response = as_user(org.admin).post(self.URL, data, format="json")
        refused(response, code, field=field, status=400)

    def test_scope(self, org, as_user):
        a = UnitRating.objects.create(unit=org.a.unit, year=2026, rating="HTTNV")
        room = UnitRating.objects.create(unit=org.a.room, year=2026, rating="HTTNV")
        b = UnitRating.objects.create(unit=org.b.unit, year=2026, rating="HTNV")

        def ids(user):
            return {row["id"] for row in as_user(user).get(self.URL).data["results"]}

        assert ids(org.admin) == {a.pk, room.pk, b.pk}
        assert ids(org.a.officer) == {a.pk, room.pk}
        assert ids(org.a.manager) == {room.pk}
        assert ids(org.a.staff) == {room.pk}
        assert as_user(org.b.officer).get(reverse("unit-rating-detail", args=[a.pk])).status_code == 404


class RuleSetTests:
    def test_readable_with_criteria_thresholds_and_workflow(self, org, as_user, django_assert_max_num_queries):
        client = as_user(org.a.staff)
        with django_assert_max_num_queries(10):
            response = client.get(reverse("evaluation-rule-set-list"))
        assert response.status_code == 200
        codes = {row["code"]: row for row in response.data["results"]}
        assert set(codes) == {"ND90-CBCC", "ND90-VC", "ND335-CC", "ND233-VC"}
        nd335 = codes["ND335-CC"]
        assert sum(float(c["max_points"]) for c in nd335["criteria"] if c["group"] == "GENERAL") == 30
        assert {t["rating"]: t["min_score"] for t in nd335["thresholds"]}["HTXSNV"] == "90.00"
        assert any(t["name"] == "decide" and t["effect"] == "DECIDE" for t in nd335["workflow"]["transitions"])
        # NĐ 90 ties a head to the units they lead (rows of its rule sets); NĐ 335 has no such rows.
        leaders = {r["leader_rating"]: r for r in codes["ND90-CBCC"]["leader_unit_rules"]}
        assert leaders["HTXSNV"]["min_good_pct"] == "70.00" and leaders["HTTNV"]["min_unit_rating"] == "HTNV"
        assert nd335["leader_unit_rules"] == []

    def test_read_only(self, org, as_user):
        assert as_user(org.admin).post(reverse("evaluation-rule-set-list"), {}).status_code == 405
