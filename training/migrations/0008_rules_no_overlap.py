"""On PostgreSQL, no two yearly minima for the same category and holder on a common day."""

from django.db import migrations

from backend.effective import ExcludeOverlapping


class Migration(migrations.Migration):
    dependencies = [("training", "0007_rules_as_instruments")]

    operations = [
        ExcludeOverlapping("PeriodMinimum", ("category", "holder"), name="training_periodminimum_no_overlap"),
    ]
