"""Employees keep only the indexes their queries use, so that loading people writes fewer of them.

Checked with EXPLAIN at 100,000 and 1,000,000 people (benchmarks/employee_scale.py):
- `full_name` and `national_id` had PostgreSQL's `varchar_pattern_ops` twins (`_like`), which serve only
  `LIKE 'prefix%'`; no query compares them so (searches are `icontains`: UPPER(...) LIKE '%…%'). The
  plain B-tree on `full_name` (the list's order) and the unique constraint on `national_id` stay.
- `unit_id` alone duplicated the first column of the (unit_id, status) index, which serves it.
- The history table is read one person at a time (by `id`, in `history_date` order): its copies of the
  employee table's indexes on names, national ID, unit, position, rank and step went unused.
"""

import django.db.models.deletion
import hr.identity
from django.db import migrations, models


def drop_national_id_like(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("hr", "Employee")
    name = schema_editor._create_index_name(model._meta.db_table, ["national_id"], suffix="_like")
    schema_editor.execute(schema_editor._delete_index_sql(model, name))


def create_national_id_like(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("hr", "Employee")
    schema_editor.execute(schema_editor._create_like_index_sql(model, model._meta.get_field("national_id")))


class Migration(migrations.Migration):

    dependencies = [
        ('hr', '0016_load_two_level_local_government'),
    ]

    operations = [
        migrations.RunPython(drop_national_id_like, create_national_id_like, elidable=False),
        migrations.AlterField(
            model_name='employee',
            name='full_name',
            field=models.CharField(max_length=128, verbose_name='full name'),
        ),
        migrations.AlterField(
            model_name='employee',
            name='unit',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='employees', to='hr.orgunit', verbose_name='unit'),
        ),
        migrations.AlterField(
            model_name='historicalemployee',
            name='full_name',
            field=models.CharField(max_length=128, verbose_name='full name'),
        ),
        migrations.AlterField(
            model_name='historicalemployee',
            name='national_id',
            field=models.CharField(max_length=12, validators=[hr.identity.validate_national_id], verbose_name='personal identification number'),
        ),
        migrations.AlterField(
            model_name='historicalemployee',
            name='position',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='hr.position', verbose_name='position'),
        ),
        migrations.AlterField(
            model_name='historicalemployee',
            name='rank',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='hr.rank', verbose_name='rank'),
        ),
        migrations.AlterField(
            model_name='historicalemployee',
            name='salary_step',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='hr.salarystep', verbose_name='salary step'),
        ),
        migrations.AlterField(
            model_name='historicalemployee',
            name='unit',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='hr.orgunit', verbose_name='unit'),
        ),
        migrations.AddIndex(
            model_name='employee',
            index=models.Index(fields=['full_name'], name='hr_employee_full_name'),
        ),
    ]
