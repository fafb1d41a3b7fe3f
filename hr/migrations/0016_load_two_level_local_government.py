"""Luật Tổ chức chính quyền địa phương 72/2025/QH15 (rules/luat_tccqdp_2025.py): no district-level unit from 01/07/2025.

The table is new, so its rows are the ones the instruments declare, each with its first history version. On
PostgreSQL no two rows of one level may be in force on a common day.
"""

from django.db import migrations

from backend.effective import ExcludeOverlapping
from rules.apply import reconcile


def load(apps, schema_editor):
    reconcile(apps, ("hr.UnitLevelRule",))


def unload(apps, schema_editor):
    apps.get_model("hr", "HistoricalUnitLevelRule").objects.all().delete()
    apps.get_model("hr", "UnitLevelRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0015_unitlevelrule")]

    operations = [
        migrations.RunPython(load, unload),
        ExcludeOverlapping("UnitLevelRule", ("level",), name="hr_unitlevelrule_no_overlap"),
    ]
