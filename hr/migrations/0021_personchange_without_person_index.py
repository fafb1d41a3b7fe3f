"""The change log drops its index on the person: nothing reads it by person, and a bulk load of new people
writes three change rows each (their record, first assignment and salary record; issue 15). People are never
deleted, so the PROTECT check that would read it never runs."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hr', '0020_national_sync_role'),
    ]

    operations = [
        migrations.AlterField(
            model_name='personchange',
            name='employee',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='hr.employee', verbose_name='employee'),
        ),
    ]
