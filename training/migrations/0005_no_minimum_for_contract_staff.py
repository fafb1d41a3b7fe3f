"""Contract staff owe no yearly training minimum: NĐ 101/2017 and NĐ 171/2025 Điều 16.3 set it for cán bộ, công chức
(and viên chức), not for people under contract (DOMAIN.md §6.1, training). A row of their own, with 0 periods."""

import datetime

from django.db import migrations
from django.utils import timezone

ROW = {
    "category": "HOP_DONG",
    "holder": "ANY",
    "valid_from": datetime.date(2017, 9, 1),
}
BASIS = "Không áp dụng: NĐ 101/2017/NĐ-CP và NĐ 171/2025/NĐ-CP quy định cho cán bộ, công chức, viên chức"


def load(apps, schema_editor):
    PeriodMinimum = apps.get_model("training", "PeriodMinimum")
    historical = apps.get_model("training", "HistoricalPeriodMinimum")
    row, created = PeriodMinimum.objects.update_or_create(**ROW, defaults={"min_periods": 0, "legal_basis": BASIS})
    if created:  # the rule rows' history starts at their load (0004)
        fields = [f.attname for f in PeriodMinimum._meta.concrete_fields]
        historical.objects.create(history_date=timezone.now(), history_type="+", **{f: getattr(row, f) for f in fields})


def unload(apps, schema_editor):
    apps.get_model("training", "PeriodMinimum").objects.filter(**ROW).delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0004_rule_history_first_versions")]

    operations = [migrations.RunPython(load, unload)]
