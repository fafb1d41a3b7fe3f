"""NĐ 233/2026 Điều 5–9: the rating of public service units, from the year 2026 (in force 01/07/2026).

HTXSNV units at most 20 % of the units rated HTTNV or better, at most one when the group has fewer than five
units, and never while a component unit is rated KHTNV (DOMAIN.md §1.3). Added as a row with its first history
version; the reverse removes it. The 25 % of an outstanding group is not loaded: nothing records yet which
group the competent authority found outstanding.
"""

import datetime
from decimal import Decimal

from django.db import migrations
from django.utils import timezone

CODE = "ND233-DVSN"


def load(apps, schema_editor):
    UnitRatingRule = apps.get_model("evaluations", "UnitRatingRule")
    Historical = apps.get_model("evaluations", "HistoricalUnitRatingRule")
    row = UnitRatingRule.objects.create(
        code=CODE,
        legal_basis="NĐ 233/2026/NĐ-CP, Điều 5–9 (đánh giá, xếp loại chất lượng đơn vị sự nghiệp công lập)",
        unit_kinds=["DVSN"],
        valid_from=datetime.date(2026, 7, 1),
        quota_pct=Decimal("20"),
        small_group_size=5,
        small_group_max=1,
        excellent_needs_components=True,
    )
    fields = {f.attname: getattr(row, f.attname) for f in UnitRatingRule._meta.concrete_fields}
    Historical.objects.create(history_date=timezone.now(), history_type="+", **fields)


def unload(apps, schema_editor):
    apps.get_model("evaluations", "HistoricalUnitRatingRule").objects.filter(code=CODE).delete()
    apps.get_model("evaluations", "UnitRatingRule").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0010_unit_rating_rules")]

    operations = [migrations.RunPython(load, unload)]
