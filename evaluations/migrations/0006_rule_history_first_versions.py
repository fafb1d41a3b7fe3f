"""The rule rows loaded before their history existed get a first version, so every row's history starts at its load."""

from django.db import migrations
from django.utils import timezone

MODELS = ["Workflow", "WorkflowState", "Transition", "RuleSet", "Criterion", "RatingThreshold"]


def record_first_versions(apps, schema_editor):
    now = timezone.now()
    for name in MODELS:
        model = apps.get_model("evaluations", name)
        historical = apps.get_model("evaluations", f"Historical{name}")
        fields = [f.attname for f in model._meta.concrete_fields]
        known = set(historical.objects.values_list("id", flat=True).distinct())
        historical.objects.bulk_create(
            historical(history_date=now, history_type="+", **{f: getattr(row, f) for f in fields})
            for row in model.objects.exclude(pk__in=known)
        )


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0005_rule_history")]

    operations = [migrations.RunPython(record_first_versions, migrations.RunPython.noop)]
