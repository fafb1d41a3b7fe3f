"""Apply an instrument in a data migration: `migrations.RunPython(*apply("nd_335_2025"))`, reversible.

Forward ends the open rows the instrument ends, then adds its rows (a row already present under its key, loaded by
an earlier migration, is left as it is). Backward removes the rows it added and reopens the rows it ended. Every
change leaves a history row, as the services' changes do, so the history of a rule row starts with its instrument.
"""

import datetime

from django.utils import timezone

from rules import INSTRUMENTS
from rules import instrument as instrument_named
from rules.base import Instrument, Ref, fold


def record_history(apps, obj, history_type: str) -> None:
    if hasattr(obj._meta, "simple_history_manager_attribute"):
        return  # a live model (tests, shell): django-simple-history records the change itself
    app_label, model_name = obj._meta.app_label, obj._meta.object_name
    try:
        historical = apps.get_model(app_label, f"Historical{model_name}")
    except LookupError:
        return
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    historical.objects.create(history_date=timezone.now(), history_type=history_type, **values)


def _model(apps, label: str):
    app_label, model_name = label.split(".")
    return apps.get_model(app_label, model_name)


def _resolved(apps, values: dict) -> dict:
    """The values with each `Ref` replaced by the row it names."""
    return {
        name: _model(apps, value.model).objects.get(**value.key) if isinstance(value, Ref) else value
        for name, value in values.items()
    }


def apply_forward(apps, instrument: Instrument) -> None:
    for end in instrument.ends:
        # Rows in force on the last day: a row the instrument itself (or a later one) added is not ended.
        rows = _model(apps, end.model).objects.filter(**end.match, valid_to__isnull=True, valid_from__lte=end.valid_to)
        for obj in rows:
            obj.valid_to = end.valid_to
            obj.save(update_fields=["valid_to"])
            record_history(apps, obj, "~")
    for row in instrument.adds:
        model = _model(apps, row.model)
        if model.objects.filter(**row.key).exists():
            continue
        obj = model.objects.create(**_resolved(apps, row.fields))
        record_history(apps, obj, "+")
        for child in row.children:
            created = _model(apps, child.model).objects.create(**{child.parent_field: obj}, **child.values)
            record_history(apps, created, "+")


def apply_backward(apps, instrument: Instrument) -> None:
    for row in reversed(instrument.adds):
        for obj in _model(apps, row.model).objects.filter(**row.key):
            for child in row.children:
                _model(apps, child.model).objects.filter(**{child.parent_field: obj}).delete()
            obj.delete()
    for end in instrument.ends:
        for obj in _model(apps, end.model).objects.filter(**end.match, valid_to=end.valid_to):
            obj.valid_to = None
            obj.save(update_fields=["valid_to"])
            record_history(apps, obj, "~")


def apply(code_or_instrument: str | Instrument):
    """(forward, backward) for `migrations.RunPython`, applying one instrument."""
    instrument = instrument_named(code_or_instrument) if isinstance(code_or_instrument, str) else code_or_instrument

    def forward(apps, schema_editor):
        apply_forward(apps, instrument)

    def backward(apps, schema_editor):
        apply_backward(apps, instrument)

    return forward, backward


def reconcile(apps, models: tuple[str, ...]) -> None:
    """Once: align the rows the migrations written before `rules/` loaded with what the instruments declare.

    Each declared row is found under its key and given the declared values (fields those migrations did not know,
    such as a legal basis per restriction or the end of a base salary), or created when missing; each declared
    child likewise under its parent. Rows nothing declares are left for the caller to settle. Instruments applied
    after this go through `apply`, which only ends and adds rows.
    """
    tables = fold(instrument_named(code) for code in INSTRUMENTS)
    declared_rows = {
        label: [
            row for instrument in map(instrument_named, INSTRUMENTS) for row in instrument.adds if row.model == label
        ]
        for label in models
    }
    for label in models:
        model = _model(apps, label)
        for row, folded in zip(declared_rows[label], tables.get(label, []), strict=True):
            values = _resolved(apps, {**row.values, "valid_to": folded["valid_to"]})
            obj = model.objects.filter(**row.key).first()
            if obj is None:
                obj = model.objects.create(**row.key, **values)
                record_history(apps, obj, "+")
            elif any(getattr(obj, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(obj, name, value)
                obj.save()
                record_history(apps, obj, "~")
            for child in row.children:
                try:
                    child_model = _model(apps, child.model)
                except LookupError:
                    # A table created by a later migration (the rows tying a head to the units they lead): that
                    # migration loads its rows.
                    continue
                match = {child.parent_field: obj, **{k: child.values[k] for k in child.key}}
                existing = child_model.objects.filter(**match).first()
                if existing is None:
                    record_history(apps, child_model.objects.create(**match, **child.values), "+")
                elif any(getattr(existing, k) != v for k, v in child.values.items()):
                    for name, value in child.values.items():
                        setattr(existing, name, value)
                    existing.save()
                    record_history(apps, existing, "~")


def end_superseded(apps, label: str, key: tuple[str, ...]) -> None:
    """Once, for tables whose rows had only a start: each row ends the day before the next row of its key starts.

    Before the effective-dated base, the latest row started on or before a day was the one in force; rows added by
    an administrator (a base salary ahead of its migration) keep that reading once they carry an end.
    """
    model = _model(apps, label)
    previous = {}
    for row in model.objects.order_by(*key, "valid_from"):
        row_key = tuple(getattr(row, name) for name in key)
        earlier = previous.get(row_key)
        if earlier is not None and (earlier.valid_to is None or earlier.valid_to >= row.valid_from):
            earlier.valid_to = row.valid_from - datetime.timedelta(days=1)
            earlier.save(update_fields=["valid_to"])
            record_history(apps, earlier, "~")
        previous[row_key] = row
