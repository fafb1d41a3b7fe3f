"""NĐ 233/2026 Điều 5–9 (rules/nd_233_2026.py): the rating of public service units, from the year 2026.

The table is new, so its rows are the ones the instruments declare, each with its first history version; the
reverse removes them.
"""

from django.db import migrations

from rules.apply import reconcile


def load(apps, schema_editor):
    reconcile(apps, ("evaluations.UnitRatingRule",))


def unload(apps, schema_editor):
    apps.get_model("evaluations", "HistoricalUnitRatingRule").objects.all().delete()
    apps.get_model("evaluations", "UnitRatingRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0013_unit_rating_rules")]

    operations = [migrations.RunPython(load, unload)]
