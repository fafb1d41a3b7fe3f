"""PostgreSQL keeps statistics of `hr_employee.unit_id` for up to 1,000 units (the default target is 100).

The employee list names a subtree by its unit ids (`hr.selectors.units.UnitSubtreeIdsFilter`); with every
unit among the most common values the planner counts a subtree's people from them: a department of 198,250
among 2,500,000 people or an empty unit alike, and chooses how to read the page accordingly (issue 15). With
the default target most units fell outside the list and were all guessed at about 3,700 people. Other
databases keep no such statistics: nothing to do there.
"""

from django.db import migrations

TARGET = 1000


def set_target(apps, schema_editor, target=TARGET):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE hr_employee ALTER COLUMN unit_id SET STATISTICS {target}")


def reset_target(apps, schema_editor):
    set_target(apps, schema_editor, target=-1)


class Migration(migrations.Migration):
    dependencies = [("hr", "0021_personchange_without_person_index")]

    operations = [migrations.RunPython(set_target, reset_target)]
