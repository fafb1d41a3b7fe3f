"""`employee_bulk_load` checks foreign keys once per referenced row: all of them, the same refusal, the same locks."""

import datetime

import pandas as pd
import psycopg
import pytest
from django.db import IntegrityError, connection, transaction

import hr.services.employees as employee_services
from hr.identity import make_national_id
from hr.models import Assignment, Employee, Position, SalaryRecord
from hr.services.employees import LOAD_FOREIGN_KEYS, LOADED_KEYS, employee_bulk_load


def test_every_foreign_key_of_the_written_rows_is_checked():
    for model, keys in LOAD_FOREIGN_KEYS.items():
        constrained = {
            field.column
            for field in model._meta.concrete_fields
            if field.is_relation and getattr(field, "db_constraint", False)
        }
        assert constrained == set(keys), model.__name__
        for column, source in keys.items():
            assert source in {"loaded", "new", "actor"}
            if source == "loaded":
                assert LOADED_KEYS[column] is model._meta.get_field(column.removesuffix("_id")).related_model


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_written_tables_have_no_trigger_but_their_foreign_keys():
    # The load turns row triggers off for its INSERTs, having done the foreign keys' work itself: a trigger
    # added to these tables later would be skipped silently, so this test makes it a decision.
    tables = [model._meta.db_table for model in LOAD_FOREIGN_KEYS]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgrelid::regclass::text, tgname FROM pg_trigger"
            " WHERE tgrelid::regclass::text = ANY(%s) AND NOT tgisinternal",
            [tables],
        )
        assert cursor.fetchall() == []
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)", [tables]
        )
        assert cursor.fetchone()[0] == sum(len(keys) for keys in LOAD_FOREIGN_KEYS.values())


def _people(org, *, serial: int, position_id: int | None = None) -> pd.DataFrame:
    born = datetime.date(1990, 5, 17)
    return pd.DataFrame(
        {
            "national_id": [make_national_id(14, born, "M", serial)],
            "legacy_id_number": [""],
            "full_name": ["Lò Văn Khóa"],
            "sex": ["M"],
            "ethnicity": ["Thái"],
            "email": [""],
            "category": ["CONG_CHUC"],
            "status": ["ACTIVE"],
            "education_level": [""],
            "political_theory_level": [""],
            "state_management_level": [""],
            "date_of_birth": [born],
            "unit_id": [org.a.unit.pk],
            "position_id": [position_id],
            "rank_id": [None],
            "salary_step_id": [None],
            "salary_coefficient": [None],
            "salary_date": [None],
            "recruitment_date": [datetime.date(2020, 1, 1)],
            "decision_number": ["1/QĐ"],
        }
    )


def _counts() -> tuple[int, int, int, int]:
    return (
        Employee.objects.count(),
        Employee.history.count(),
        Assignment.objects.count(),
        SalaryRecord.objects.count(),
    )


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_keys_are_checked_at_once_and_the_row_triggers_come_back(org):
    with connection.cursor() as cursor:
        assert employee_services._may_skip_row_triggers(cursor)  # the test role is a superuser
    ids = employee_bulk_load(actor=org.admin, people=_people(org, serial=901))
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('session_replication_role')")
        assert cursor.fetchone()[0] == "origin"
    person = Employee.objects.get(pk=ids[0])
    assert person.unit == org.a.unit and person.history.get().history_user == org.admin
    assert Assignment.objects.get(employee=person).created_by == org.admin


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_key_naming_no_row_is_refused_and_nothing_is_written(org):
    before = _counts()
    missing = (Position.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    with pytest.raises(IntegrityError, match="position_id"), transaction.atomic():
        employee_bulk_load(actor=org.admin, people=_people(org, serial=902, position_id=missing))
    assert _counts() == before
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('session_replication_role')")
        assert cursor.fetchone()[0] == "origin"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("at_once", [True, False], ids=["keys at once", "row triggers"])
def test_both_ways_refuse_a_missing_key_and_write_nothing(org, monkeypatch, at_once):
    # Without the privilege, the constraint's own triggers refuse the row at commit.
    if not at_once:
        monkeypatch.setattr(employee_services, "_may_skip_row_triggers", lambda cursor: False)
    before = _counts()
    missing = (Position.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    with pytest.raises(IntegrityError, match="position_id"), transaction.atomic():
        employee_bulk_load(actor=org.admin, people=_people(org, serial=903, position_id=missing))
    assert _counts() == before


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_rows_named_stay_locked_against_deletion_until_commit(org):
    position = Position.objects.first()
    settings = connection.settings_dict
    other = psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    )
    try:
        other.execute("SET lock_timeout = '200ms'")
        with transaction.atomic():
            employee_bulk_load(actor=org.admin, people=_people(org, serial=904, position_id=position.pk))
            for table, pk in (("hr_position", position.pk), ("hr_orgunit", org.a.unit.pk), ("hr_user", org.admin.pk)):
                # FOR UPDATE is what a DELETE takes: it must wait for the load's FOR KEY SHARE.
                with pytest.raises(psycopg.errors.LockNotAvailable):
                    other.execute(f"SELECT id FROM {table} WHERE id = %s FOR UPDATE", [pk])
        other.execute("SELECT id FROM hr_position WHERE id = %s FOR UPDATE", [position.pk])
    finally:
        other.close()
