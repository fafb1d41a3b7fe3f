"""NĐ 233/2026 Điều 20.1: a public service unit without its own evaluation rules may rate 2026 under NĐ 90/2020.

One row (the new viên chức rule set, the older one allowed, the year, the kinds of units), with its first
history version; the reverse removes it.
"""

from django.db import migrations
from django.utils import timezone

CODE = "ND233-D20.1"


def load(apps, schema_editor):
    RuleSet = apps.get_model("evaluations", "RuleSet")
    TransitionalRules = apps.get_model("evaluations", "TransitionalRules")
    Historical = apps.get_model("evaluations", "HistoricalTransitionalRules")
    row = TransitionalRules.objects.create(
        code=CODE,
        legal_basis="NĐ 233/2026/NĐ-CP, Điều 20 khoản 1",
        rule_set=RuleSet.objects.get(code="ND233-VC"),
        older_rule_set=RuleSet.objects.get(code="ND90-VC"),
        year=2026,
        unit_kinds=["DVSN"],
    )
    fields = {f.attname: getattr(row, f.attname) for f in TransitionalRules._meta.concrete_fields}
    Historical.objects.create(history_date=timezone.now(), history_type="+", **fields)


def unload(apps, schema_editor):
    apps.get_model("evaluations", "HistoricalTransitionalRules").objects.filter(code=CODE).delete()
    apps.get_model("evaluations", "TransitionalRules").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0015_transitional_rules")]

    operations = [migrations.RunPython(load, unload)]
