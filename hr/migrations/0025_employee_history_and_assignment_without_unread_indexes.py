"""Four indexes no query reads, each written by every new person: the employee's category, an assignment's
post, and a person's version's date and author (read one person at a time, by `id`). Issue 15."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("hr", "0024_employee_salary_step_unindexed"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="employee",
            name="hr_employee_categor_839a81_idx",
        ),
        migrations.AlterField(
            model_name="assignment",
            name="position",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="hr.position",
                verbose_name="position",
            ),
        ),
        migrations.AlterField(
            model_name="historicalemployee",
            name="history_date",
            field=models.DateTimeField(),
        ),
        migrations.AlterField(
            model_name="historicalemployee",
            name="history_user",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
