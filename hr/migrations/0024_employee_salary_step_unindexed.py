"""People drop the index on their salary step: no list filters or sorts by it, and steps are never deleted (the
only reader would be the PROTECT check). Each new person and each salary decision wrote an entry (issue 15)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("hr", "0023_salary_and_assignment_without_unread_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="employee",
            name="salary_step",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="hr.salarystep",
                verbose_name="salary step",
            ),
        ),
    ]
