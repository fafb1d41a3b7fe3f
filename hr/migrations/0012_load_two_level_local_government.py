"""Luật Tổ chức chính quyền địa phương 72/2025/QH15: no district-level unit is valid from 01/07/2025.

The law organises local government in two levels (cấp tỉnh; xã, phường, đặc khu); district-level units ended
nationwide on 01/07/2025 (DOMAIN.md §6.7). One rule row, with its first history version.
"""

import datetime

from django.db import migrations
from django.utils import timezone

ROW = {
    "level": "HUYEN",
    "permitted": False,
    "valid_from": datetime.date(2025, 7, 1),
    "valid_to": None,
    "legal_basis": (
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15: chính quyền địa phương 02 cấp (tỉnh; xã, phường,"
        " đặc khu); đơn vị hành chính cấp huyện kết thúc hoạt động từ ngày 01/7/2025"
    ),
}


def load(apps, schema_editor):
    rule_model = apps.get_model("hr", "UnitLevelRule")
    historical = apps.get_model("hr", "HistoricalUnitLevelRule")
    rule = rule_model.objects.create(**ROW)
    historical.objects.create(id=rule.pk, history_date=timezone.now(), history_type="+", **ROW)


def unload(apps, schema_editor):
    rule_model = apps.get_model("hr", "UnitLevelRule")
    historical = apps.get_model("hr", "HistoricalUnitLevelRule")
    rows = rule_model.objects.filter(level=ROW["level"], valid_from=ROW["valid_from"])
    historical.objects.filter(id__in=list(rows.values_list("pk", flat=True))).delete()
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0011_unitlevelrule")]

    operations = [migrations.RunPython(load, unload)]
