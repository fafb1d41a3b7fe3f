"""Processing deadline of discipline (thời hạn xử lý): 90/150 days from discovery, periods not counted, lateness."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from backend.api.exceptions import ApplicationError
from hr.models import DisciplineFormRule, DisciplinePause, DisciplineRecord, PauseKind
from hr.selectors.discipline import discipline_list_rows, discipline_visible
from tests.factories import EmployeeFactory
from tests.matrix.discipline import discipline

D = datetime.date
pytestmark = pytest.mark.django_db
LIST = reverse("discipline-record-list")

# A reprimand for a violation of 02/05/2025 discovered on 01/06/2025: 90 days run to 30/08/2025 included.
DISCOVERED = D(2025, 6, 1)
DEADLINE = D(2025, 8, 30)
DECIDED = D(2025, 8, 1)


def decided(employee, on, **overrides):
    fields = {"decision_date": on, "effective_date": on, "discovered_on": DISCOVERED}
    fields.update(overrides)
    return discipline(employee, **fields)


def refused(field, employee, on=DECIDED, **overrides):
    with pytest.raises(ApplicationError) as caught:
        decided(employee, on, **overrides)
    assert field in caught.value.detail, caught.value.detail
    assert not DisciplineRecord.objects.exists()
    assert not DisciplinePause.objects.exists()
    return str(caught.value.detail[field][0])


def pause(kind, start, end, note=""):
    return {"kind": kind, "start": start, "end": end, "note": note}


class TestDeadline:
    def test_decision_on_the_ninetieth_day_is_in_time(self, org):
        record = decided(org.a.staff.employee, DEADLINE)
        assert record.processing_deadline == DEADLINE
        assert record.days_not_counted == 0
        assert record.processed_late is False

    def test_decision_the_day_after_is_late_but_recorded(self, org):
        record = decided(org.a.staff.employee, DEADLINE + datetime.timedelta(days=1))
        assert record.processed_late is True
        assert DisciplineRecord.objects.filter(pk=record.pk).exists()

    def test_complex_case_has_150_days(self, org):
        record = decided(org.a.staff.employee, D(2025, 10, 29), complex_case=True)
        assert record.processing_deadline == D(2025, 10, 29) == DISCOVERED + datetime.timedelta(days=150)
        assert record.processed_late is False

    def test_without_discovery_date_lateness_is_unknown(self, org):
        record = discipline(org.a.staff.employee)
        assert record.processing_deadline is None
        assert record.processed_late is None

    def test_discovery_on_the_decision_day_is_allowed(self, org):
        record = decided(org.a.staff.employee, DISCOVERED)
        assert record.processed_late is False

    def test_the_days_are_rule_data(self, org):
        DisciplineFormRule.objects.update(processing_days=60, complex_processing_days=120)
        assert decided(org.a.staff.employee, D(2025, 7, 31)).processing_deadline == D(2025, 7, 31)
        record = decided(EmployeeFactory(unit=org.a.room), D(2025, 9, 1), complex_case=True)
        assert record.processing_deadline == D(2025, 9, 29)


class TestPeriodsNotCounted:
    def test_pauses_push_the_deadline_back_day_for_day(self, org):
        record = decided(
            org.a.staff.employee,
            D(2025, 9, 25),
            pauses=[
                pause(PauseKind.COMPLAINT, D(2025, 8, 1), D(2025, 8, 10)),  # 10 days
                pause(PauseKind.MATERNITY, D(2025, 6, 10), D(2025, 6, 24), "Nghỉ thai sản"),  # 15 days
            ],
        )
        assert record.days_not_counted == 25
        assert record.processing_deadline == DEADLINE + datetime.timedelta(days=25) == D(2025, 9, 24)
        assert record.processed_late is True
        assert [(p.kind, p.days) for p in record.pauses.all()] == [(PauseKind.MATERNITY, 15), (PauseKind.COMPLAINT, 10)]

    def test_adjacent_pauses_are_fine(self, org):
        record = decided(
            org.a.staff.employee,
            D(2025, 9, 1),
            pauses=[
                pause(PauseKind.ILLNESS, D(2025, 7, 1), D(2025, 7, 5)),
                pause(PauseKind.DETENTION, D(2025, 7, 6), D(2025, 7, 7)),
            ],
        )
        assert record.days_not_counted == 7
        assert record.processed_late is False  # deadline 06/09/2025

    def test_a_pause_may_start_on_the_discovery_day_and_end_the_day_before_the_decision(self, org):
        record = decided(
            org.a.staff.employee,
            D(2025, 7, 1),
            pauses=[pause(PauseKind.CRIMINAL_PROCEEDINGS, DISCOVERED, D(2025, 6, 30))],
        )
        assert record.days_not_counted == 30

    def test_the_selectors_hand_the_pauses_over_as_a_list_in_order(self, org):
        record = decided(
            org.a.staff.employee,
            D(2025, 9, 25),
            pauses=[
                pause(PauseKind.COMPLAINT, D(2025, 8, 1), D(2025, 8, 10)),
                pause(PauseKind.MATERNITY, D(2025, 6, 10), D(2025, 6, 24)),
            ],
        )
        bare = decided(org.b.staff.employee, DECIDED)
        for selector in (discipline_list_rows, discipline_visible):
            rows = {row.pk: row for row in selector(user=org.admin)}
            with CaptureQueriesContext(connection) as queries:
                kinds = [p.kind for p in rows[record.pk].pause_list]
                days = (rows[record.pk].days_not_counted, rows[bare.pk].days_not_counted)
            assert queries.captured_queries == []
            assert kinds == [PauseKind.MATERNITY, PauseKind.COMPLAINT] and days == (25, 0)
        # A record read without the selectors reads its pauses when asked.
        fresh = DisciplineRecord.objects.get(pk=record.pk)
        assert [p.kind for p in fresh.pause_list] == [PauseKind.MATERNITY, PauseKind.COMPLAINT]

    def test_pauses_keep_their_history(self, org):
        record = decided(
            org.a.staff.employee, D(2025, 9, 1), pauses=[pause(PauseKind.ILLNESS, D(2025, 7, 1), D(2025, 7, 5))]
        )
        assert record.pauses.get().history.count() == 1


class TestRefusals:
    def test_pauses_need_the_discovery_date(self, org):
        message = refused(
            "discovered_on",
            org.a.staff.employee,
            discovered_on=None,
            pauses=[pause(PauseKind.ILLNESS, D(2025, 7, 1), D(2025, 7, 5))],
        )
        assert "phát hiện" in message

    def test_a_complex_case_needs_the_discovery_date(self, org):
        refused("discovered_on", org.a.staff.employee, discovered_on=None, complex_case=True)

    def test_discovery_before_the_violation(self, org):
        refused("discovered_on", org.a.staff.employee, discovered_on=D(2025, 5, 1))

    def test_discovery_after_the_decision(self, org):
        refused("discovered_on", org.a.staff.employee, on=D(2025, 8, 1), discovered_on=D(2025, 8, 2))

    def test_pause_ending_before_it_starts(self, org):
        refused("pauses", org.a.staff.employee, pauses=[pause(PauseKind.ILLNESS, D(2025, 7, 5), D(2025, 7, 1))])

    def test_pause_before_the_discovery(self, org):
        refused("pauses", org.a.staff.employee, pauses=[pause(PauseKind.ILLNESS, D(2025, 5, 31), D(2025, 6, 5))])

    def test_pause_reaching_the_decision_day(self, org):
        message = refused(
            "pauses", org.a.staff.employee, pauses=[pause(PauseKind.MATERNITY, D(2025, 7, 1), D(2025, 8, 1))]
        )
        assert "01/08/2025" in message

    def test_overlapping_pauses(self, org):
        message = refused(
            "pauses",
            org.a.staff.employee,
            pauses=[
                pause(PauseKind.COMPLAINT, D(2025, 7, 5), D(2025, 7, 10)),
                pause(PauseKind.ILLNESS, D(2025, 7, 1), D(2025, 7, 5)),
            ],
        )
        assert "chồng lên nhau" in message


def body(org, **overrides):
    data = {
        "employee": org.a.staff.employee_id,
        "form": "KHIEN_TRACH",
        "decision_number": "21/QĐ-SNV",
        "issuing_authority": "Giám đốc Sở Nội vụ",
        "decision_date": "2025-09-25",
        "effective_date": "2025-09-25",
        "violation_date": "2025-05-02",
        "discovered_on": "2025-06-01",
        "reason": "Chậm giải quyết hồ sơ",
        "severity": "IT_NGHIEM_TRONG",
        "pauses": [{"kind": "KHIEU_NAI", "start": "2025-08-01", "end": "2025-08-10", "note": "Khiếu nại lần đầu"}],
    }
    data.update(overrides)
    return data


class TestApi:
    def test_officer_records_the_processing_time(self, org, as_user):
        response = as_user(org.a.officer).post(LIST, body(org), format="json")
        assert response.status_code == 201, response.data
        data = response.data
        assert data["discovered_on"] == "2025-06-01"
        assert data["complex_case"] is False
        assert data["days_not_counted"] == 10
        assert data["processing_deadline"] == "2025-09-09"
        assert data["processed_late"] is True
        assert data["pauses"] == [
            {
                "id": data["pauses"][0]["id"],
                "kind": "KHIEU_NAI",
                "start": "2025-08-01",
                "end": "2025-08-10",
                "days": 10,
                "note": "Khiếu nại lần đầu",
            }
        ]
        pause_row = DisciplinePause.objects.get()
        assert pause_row.history.get().history_user == org.a.officer

    def test_without_processing_fields_nothing_is_known(self, org, as_user):
        data = body(org)
        del data["discovered_on"], data["pauses"]
        response = as_user(org.a.officer).post(LIST, data, format="json")
        assert response.status_code == 201
        assert response.data["processed_late"] is None
        assert response.data["processing_deadline"] is None
        assert response.data["pauses"] == []

    @pytest.mark.parametrize("who", ["manager", "staff"])
    def test_readers_may_not_record(self, org, as_user, who):
        assert as_user(getattr(org.a, who)).post(LIST, body(org), format="json").status_code == 403
        assert not DisciplinePause.objects.exists()

    def test_staff_read_their_own_processing_time(self, org, as_user):
        as_user(org.a.officer).post(LIST, body(org), format="json")
        own = as_user(org.a.staff).get(LIST)
        assert own.data["results"][0]["days_not_counted"] == 10
        assert as_user(org.b.staff).get(LIST).data["count"] == 0

    @pytest.mark.parametrize(
        ("pauses", "where"),
        [
            ("không", None),
            ([{"kind": "NGHI_PHEP", "start": "2025-08-01", "end": "2025-08-10"}], "kind"),
            ([{"kind": "KHIEU_NAI", "end": "2025-08-10"}], "start"),
            ([{"kind": "KHIEU_NAI", "start": "2025-08-01", "end": "10/08/2025"}], "end"),
        ],
    )
    def test_bad_pauses_are_400_on_the_field(self, org, as_user, pauses, where):
        response = as_user(org.a.officer).post(LIST, body(org, pauses=pauses), format="json")
        assert response.status_code == 400
        assert "pauses" in response.data
        if where:
            assert where in response.data["pauses"][0]
        assert not DisciplineRecord.objects.exists()

    def test_at_most_twenty_pauses(self, org, as_user):
        many = [{"kind": "KHIEU_NAI", "start": f"2025-07-{d:02d}", "end": f"2025-07-{d:02d}"} for d in range(1, 22)]
        response = as_user(org.a.officer).post(LIST, body(org, pauses=many), format="json")
        assert response.status_code == 400
        assert "pauses" in response.data

    def test_rule_refusal_in_vietnamese_and_english(self, org, as_user):
        data = body(org, discovered_on="2025-04-01")
        vi = as_user(org.a.officer).post(LIST, data, format="json")
        en = as_user(org.a.officer).post(LIST, data, format="json", HTTP_ACCEPT_LANGUAGE="en")
        assert vi.status_code == en.status_code == 400
        assert vi.data["discovered_on"] == ["Không thể phát hiện vi phạm trước ngày xảy ra vi phạm."]
        assert en.data["discovered_on"] == ["A violation cannot be discovered before it was committed."]

    def test_processing_fields_are_not_corrected_in_place(self, org, as_user):
        created = as_user(org.a.officer).post(LIST, body(org), format="json").data
        url = reverse("discipline-record-detail", args=[created["id"]])
        for change in ({"discovered_on": "2025-07-01"}, {"complex_case": True}):
            response = as_user(org.a.officer).patch(url, change, format="json")
            assert response.status_code == 400
            assert set(change) <= set(response.data)
        assert DisciplineRecord.objects.get().processing_deadline == D(2025, 9, 9)

    def test_filter_processed_late(self, org, as_user):
        client = as_user(org.admin)
        decided(org.a.staff.employee, DEADLINE)
        decided(org.b.staff.employee, DEADLINE + datetime.timedelta(days=1))
        discipline(org.a.officer.employee)  # no discovery date: neither late nor in time
        assert client.get(LIST, {"processed_late": "true"}).data["count"] == 1
        assert client.get(LIST, {"processed_late": "false"}).data["count"] == 1
        assert client.get(LIST).data["count"] == 3
        # A flag is true or false (backend/api/strict.py): anything else is a 400, not the whole list.
        response = client.get(LIST, {"processed_late": "có lẽ"})
        assert response.status_code == 400 and response.data["code"] == "invalid" and "processed_late" in response.data

    def test_list_with_pauses_runs_a_constant_number_of_queries(self, org, as_user, django_assert_num_queries):
        client = as_user(org.admin)
        decided(org.a.staff.employee, D(2025, 9, 1), pauses=[pause(PauseKind.ILLNESS, D(2025, 7, 1), D(2025, 7, 5))])
        with CaptureQueriesContext(connection) as one:
            assert client.get(LIST).data["count"] == 1
        for i in range(5):
            decided(
                EmployeeFactory(unit=org.a.room),
                D(2025, 9, 1),
                decision_number=f"{i}/QĐ",
                pauses=[
                    pause(PauseKind.ILLNESS, D(2025, 7, 1), D(2025, 7, 5)),
                    pause(PauseKind.COMPLAINT, D(2025, 8, 1), D(2025, 8, 2)),
                ],
            )
        with django_assert_num_queries(len(one.captured_queries)):
            assert client.get(LIST).data["count"] == 6
