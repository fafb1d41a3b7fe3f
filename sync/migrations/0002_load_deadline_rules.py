"""Load the sync deadlines: operational data within 3 working days (NĐ 27/2026), ratings within 5 (NĐ 233/2026).

DOMAIN.md §6.5 gives "within 5 days" for ratings without saying working days; they are counted in working days
here, as the operational deadline is, until the decree's text says otherwise (`working_days` is data).
"""

from django.db import migrations

RULES = [
    ("OPERATIONAL", 3, True, "2026-07-01", "Nghị định 27/2026/NĐ-CP (19/01/2026): đồng bộ trong 03 ngày làm việc"),
    ("RATING", 5, True, "2026-07-01", "Nghị định 233/2026/NĐ-CP: kết quả xếp loại đồng bộ trong 05 ngày"),
]


def load(apps, schema_editor):
    Rule = apps.get_model("sync", "SyncDeadlineRule")
    for kind, days, working, valid_from, basis in RULES:
        Rule.objects.create(kind=kind, days=days, working_days=working, valid_from=valid_from, legal_basis=basis)


def unload(apps, schema_editor):
    apps.get_model("sync", "SyncDeadlineRule").objects.filter(valid_from="2026-07-01").delete()


class Migration(migrations.Migration):
    dependencies = [("sync", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
