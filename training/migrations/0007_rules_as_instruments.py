"""Align the yearly minima of 0002 and 0005 with NĐ 101/2017 and NĐ 171/2025 (rules/): the 2017 row now ends."""

from django.db import migrations

from rules.apply import end_superseded, reconcile


def forward(apps, schema_editor):
    reconcile(apps, ("training.PeriodMinimum",))
    # Rows an administrator added: the latest start was the row in force, so each ends the one before it.
    end_superseded(apps, "training.PeriodMinimum", ("category", "holder"))


class Migration(migrations.Migration):
    dependencies = [("training", "0006_period_minimum_valid_to")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
