"""Align the rule sets of 0002 with rules/, and move Sơn La's head cap from the rule sets to a province policy.

0003 wrote the cap onto every national rule set, NĐ 90/2020 included. It is the province's own rule (QĐ 2407/QĐ-UBND,
reform plan 2021–2030): one policy row for the whole province, created when any rule set had the cap on.
"""

from django.db import migrations

from rules import instrument
from rules.apply import apply_backward, apply_forward, reconcile

SON_LA = "qd_2407_2021_son_la"


def forward(apps, schema_editor):
    reconcile(apps, ("evaluations.RuleSet",))
    if apps.get_model("evaluations", "RuleSet").objects.filter(head_reform_cap=True).exists():
        apply_forward(apps, instrument(SON_LA))


def backward(apps, schema_editor):
    if apps.get_model("evaluations", "ProvincePolicy").objects.filter(kind="HEAD_REFORM_CAP").exists():
        apps.get_model("evaluations", "RuleSet").objects.update(head_reform_cap=True)
    apply_backward(apps, instrument(SON_LA))


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0007_province_policy")]

    operations = [migrations.RunPython(forward, backward)]
