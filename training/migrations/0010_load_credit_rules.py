"""What counts toward the yearly minimum, per programme type and for teaching (rules/nd_101_2017.py, nd_171_2025.py).

NĐ 101/2017 (from 01/09/2017): every retraining programme counts. NĐ 171/2025 (from 01/07/2025), for công chức:
only the job-position programmes (Điều 16.3), and a leader's periods teaching retraining courses (Điều 3.4). The
table is new, so its rows are the ones the instruments declare, each with its first history version. On PostgreSQL
no two rows of one source, category and holder may be in force on a common day.
"""

from django.db import migrations

from backend.effective import ExcludeOverlapping
from rules.apply import reconcile


def load(apps, schema_editor):
    reconcile(apps, ("training.CreditRule",))


def unload(apps, schema_editor):
    apps.get_model("training", "HistoricalCreditRule").objects.all().delete()
    apps.get_model("training", "CreditRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0009_creditrule_teachingassignment")]

    operations = [
        migrations.RunPython(load, unload),
        ExcludeOverlapping(
            "CreditRule", ("source", "category", "holder"), name="training_creditrule_no_overlap"
        ),
    ]
