"""The instruments of rules/: the database holds exactly what they declare; one applies and unapplies in a line."""

import datetime

import pytest
from django.apps import apps
from django.db import connection

from rules import INSTRUMENTS, instrument
from rules.apply import apply, end_superseded
from rules.base import End, Instrument, Ref, Row, fold

pytestmark = pytest.mark.django_db

D = datetime.date
TABLES = fold(instrument(code) for code in INSTRUMENTS)


def _value(obj, name, expected):
    value = getattr(obj, name)
    if isinstance(expected, Ref):
        return {k: getattr(value, k) for k in expected.key}
    return value


def _expected(expected):
    return expected.key if isinstance(expected, Ref) else expected


@pytest.mark.parametrize("label", sorted(TABLES))
def test_the_database_holds_what_the_instruments_declare(label):
    model = apps.get_model(label)
    declared = TABLES[label]
    assert model.objects.count() == len(declared), "rows no instrument declares, or declared rows missing"
    added = [row for code in INSTRUMENTS for row in instrument(code).adds if row.model == label]
    for row, folded in zip(added, declared, strict=True):
        obj = model.objects.get(**row.key)
        fields = {k: v for k, v in folded.items() if k != "children"}
        assert {k: _value(obj, k, v) for k, v in fields.items()} == {k: _expected(v) for k, v in fields.items()}, (
            row.key
        )
        for child in row.children:
            child_model = apps.get_model(child.model)
            found = child_model.objects.get(**{child.parent_field: obj}, **{k: child.values[k] for k in child.key})
            assert {k: getattr(found, k) for k in child.values} == child.values, (row.key, child.values)


def test_every_instrument_module_is_listed_and_names_itself():
    for code in INSTRUMENTS:
        assert instrument(code).code == code


def test_an_unknown_instrument_is_refused():
    with pytest.raises(LookupError):
        instrument("nd_999_2099")


# Next year's decree, as docs/RULES.md shows it: one module, one line in a migration.
ND_2027 = Instrument(
    code="nd_1_2027",
    title="Nghị định 1/2027/NĐ-CP quy định mức lương cơ sở (ví dụ)",
    ends=(End(model="hr.BaseSalary", match={}, valid_to=D(2026, 12, 31)),),
    adds=(
        Row(
            model="hr.BaseSalary",
            key={"valid_from": D(2027, 1, 1)},
            values={"amount": 2_600_000, "legal_basis": "Nghị định 1/2027/NĐ-CP"},
        ),
    ),
)


class ApplyTests:
    def test_apply_ends_the_row_in_force_and_adds_the_new_one(self):
        forward, _backward = apply(ND_2027)
        forward(apps, None)
        assert [r.amount for r in apps.get_model("hr.BaseSalary").objects.in_force_on(D(2026, 12, 31))] == [2_340_000]
        assert [r.amount for r in apps.get_model("hr.BaseSalary").objects.in_force_on(D(2027, 1, 1))] == [2_600_000]

    def test_unapply_restores_the_rows_before(self):
        base_salary = apps.get_model("hr.BaseSalary")
        before = list(base_salary.objects.order_by("valid_from").values())
        forward, backward = apply(ND_2027)
        forward(apps, None)
        backward(apps, None)
        assert list(base_salary.objects.order_by("valid_from").values()) == before

    def test_applying_twice_adds_nothing_more(self):
        forward, _backward = apply(ND_2027)
        forward(apps, None)
        forward(apps, None)
        assert apps.get_model("hr.BaseSalary").objects.filter(valid_from=D(2027, 1, 1)).count() == 1

    def test_a_decree_with_children_applies_them_and_unapplies_them(self):
        rule_model = apps.get_model("hr.DisciplineFormRule")
        code = "nd_172_2025"
        declared = instrument(code)
        future = Instrument(
            code="nd_2_2027",
            title="ví dụ",
            ends=(End(model="hr.DisciplineFormRule", match={"category": "CAN_BO"}, valid_to=D(2026, 12, 31)),),
            adds=tuple(
                Row(model=r.model, key={**r.key, "valid_from": D(2027, 1, 1)}, values=r.values, children=r.children)
                for r in declared.adds
                if r.key["category"] == "CAN_BO"
            ),
        )
        forward, backward = apply(future)
        forward(apps, None)
        added = rule_model.objects.filter(valid_from=D(2027, 1, 1))
        assert added.count() == 4 and all(rule.restrictions.count() == 6 for rule in added)
        # Each added row's history starts with its instrument.
        history = apps.get_model("hr.HistoricalDisciplineFormRule").objects.filter(valid_from=D(2027, 1, 1))
        assert history.filter(history_type="+").count() == 4
        backward(apps, None)
        assert not rule_model.objects.filter(valid_from=D(2027, 1, 1)).exists()
        assert rule_model.objects.filter(category="CAN_BO", valid_to=None).count() == 4


def test_rows_added_with_a_start_only_end_the_row_before_them():
    """hr/0012 and training/0007: a base salary an administrator added before the rows had an end keeps its reading."""
    base_salary = apps.get_model("hr.BaseSalary")
    if connection.vendor == "postgresql":
        # The state before hr/0013: no exclusion constraint yet (DDL is undone with the test's transaction).
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE hr_basesalary DROP CONSTRAINT hr_basesalary_no_overlap")
    base_salary.objects.filter(valid_from=D(2024, 7, 1)).update(valid_to=None)
    base_salary.objects.bulk_create([base_salary(amount=2_530_000, valid_from=D(2026, 7, 1), legal_basis="x")])
    end_superseded(apps, "hr.BaseSalary", ())
    assert base_salary.objects.get(valid_from=D(2024, 7, 1)).valid_to == D(2026, 6, 30)
    assert base_salary.objects.get(valid_from=D(2026, 7, 1)).valid_to is None
    assert base_salary.objects.get(valid_from=D(2023, 7, 1)).valid_to == D(2024, 6, 30)
