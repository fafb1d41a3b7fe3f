"""On PostgreSQL, no two rule rows with the same key on a common day (exclusion constraints, btree_gist)."""

from django.db import migrations

from backend.effective import ExcludeOverlapping


class Migration(migrations.Migration):
    dependencies = [("hr", "0012_rules_as_instruments")]

    operations = [
        ExcludeOverlapping("BaseSalary", (), name="hr_basesalary_no_overlap"),
        ExcludeOverlapping("DisciplineFormRule", ("category", "form"), name="hr_disciplineformrule_no_overlap"),
        ExcludeOverlapping("AwardRule", ("award", "recipient"), name="hr_awardrule_no_overlap"),
    ]
