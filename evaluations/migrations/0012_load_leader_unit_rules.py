"""NĐ 90/2020 (+ 48/2023): a head's rating is tied to the ratings of the units they lead (DOMAIN.md §1.4).

HTXSNV needs every unit led rated HTNV or better and at least 70 % of them HTTNV or better; HTTNV needs every
unit led HTNV or better. Added as rows of the two NĐ 90 rule sets (nothing existing is rewritten), each with its
first history version; the reverse removes exactly these rows. NĐ 335/2025 and NĐ 233/2026 get none: they tie a
leader to their unit through the unit-result component of the task score and "head not above unit" instead.
"""

from decimal import Decimal

from django.db import migrations
from django.utils import timezone

# The article numbers are those of NĐ 90/2020 as transcribed by Hải Phòng QĐ 212/2025 (DOMAIN.md §1.4).
BASIS = {
    "ND90-CBCC": "NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP), tiêu chí xếp loại công chức lãnh đạo, quản lý",
    "ND90-VC": "NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP), tiêu chí xếp loại viên chức quản lý",
}
# leader rating, every unit at least, share rated HTTNV or better (%)
ROWS = [("HTXSNV", "HTNV", Decimal("70")), ("HTTNV", "HTNV", None)]


def load(apps, schema_editor):
    RuleSet = apps.get_model("evaluations", "RuleSet")
    LeaderUnitRule = apps.get_model("evaluations", "LeaderUnitRule")
    Historical = apps.get_model("evaluations", "HistoricalLeaderUnitRule")
    now = timezone.now()
    for rule_set in RuleSet.objects.filter(code__in=BASIS):
        for leader, unit, pct in ROWS:
            row = LeaderUnitRule.objects.create(
                rule_set=rule_set,
                leader_rating=leader,
                min_unit_rating=unit,
                min_good_pct=pct,
                unrated_units="REFUSE",
                legal_basis=BASIS[rule_set.code],
            )
            fields = {f.attname: getattr(row, f.attname) for f in LeaderUnitRule._meta.concrete_fields}
            Historical.objects.create(history_date=now, history_type="+", **fields)


def unload(apps, schema_editor):
    LeaderUnitRule = apps.get_model("evaluations", "LeaderUnitRule")
    Historical = apps.get_model("evaluations", "HistoricalLeaderUnitRule")
    rows = LeaderUnitRule.objects.filter(rule_set__code__in=BASIS)
    Historical.objects.filter(id__in=list(rows.values_list("id", flat=True))).delete()
    rows.delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0011_leader_unit_rules")]

    operations = [migrations.RunPython(load, unload)]
