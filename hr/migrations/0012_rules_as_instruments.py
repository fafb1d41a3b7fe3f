"""Align the rule rows of 0002, 0004 and 0005 with the instruments of rules/; drop viên chức's legacy forms.

0004 loaded hạ bậc lương and giáng chức for viên chức until 30/06/2026, against its own comment: Luật Viên chức 2010
(sửa đổi 2019) Điều 52 and NĐ 112/2020 Điều 15 give viên chức khiển trách, cảnh cáo, cách chức (managers) and buộc
thôi việc only. Those rows go, unless a recorded decision refers to one: that decision keeps the row it was taken
under (the overlap and declared-data tests then name it for the province to settle). The other rows get the values
their instrument declares: the legal basis of each restriction, the processing deadline of each instrument, the end
of each base salary. Reverse keeps the aligned data: the fields 0011 added go with its own reverse.
"""

from django.db import migrations

from rules.apply import end_superseded, record_history, reconcile

VC_LEGACY_FORMS = ("HA_BAC_LUONG", "GIANG_CHUC")


def forward(apps, schema_editor):
    FormRule = apps.get_model("hr", "DisciplineFormRule")
    used = set(apps.get_model("hr", "DisciplineRecord").objects.values_list("rule_id", flat=True))
    for rule in FormRule.objects.filter(category="VIEN_CHUC", form__in=VC_LEGACY_FORMS).exclude(pk__in=used):
        record_history(apps, rule, "-")
        rule.delete()
    reconcile(apps, ("hr.BaseSalary", "hr.DisciplineFormRule", "hr.AwardRule"))
    # A base salary an administrator added (ahead of its decree's migration) ends the one before it.
    end_superseded(apps, "hr.BaseSalary", ())


class Migration(migrations.Migration):
    dependencies = [("hr", "0011_effective_dated_rules")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
