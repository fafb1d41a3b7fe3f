"""Assignments and salary records drop the indexes on their author, and salary records those on their rank and
step: no query reads them by these columns, and accounts, ranks and steps are never deleted (the only readers
would be the SET_NULL and PROTECT checks). Each new person writes one row in each table (issue 15)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hr', '0022_employee_unit_statistics'),
    ]

    operations = [
        migrations.AlterField(
            model_name='assignment',
            name='created_by',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='salaryrecord',
            name='created_by',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='salaryrecord',
            name='rank',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='hr.rank', verbose_name='rank'),
        ),
        migrations.AlterField(
            model_name='salaryrecord',
            name='salary_step',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='hr.salarystep', verbose_name='salary step'),
        ),
    ]
