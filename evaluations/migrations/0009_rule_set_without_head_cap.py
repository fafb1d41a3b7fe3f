"""The national rule sets lose the head cap (now a province policy); no overlapping policies on PostgreSQL."""

from django.db import migrations

from backend.effective import ExcludeOverlapping


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0008_rules_as_instruments")]

    operations = [
        migrations.RemoveField(model_name="historicalruleset", name="head_reform_cap"),
        migrations.RemoveField(model_name="ruleset", name="head_reform_cap"),
        ExcludeOverlapping("ProvincePolicy", ("kind", "unit"), name="evaluations_provincepolicy_no_overlap"),
    ]
