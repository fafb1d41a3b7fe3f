# Written by hand: the results already published are written down to hr, as appraisal_publish now does.

from django.db import migrations
from django.utils import timezone


def write_down(apps, schema_editor):
    Appraisal = apps.get_model("reform", "Appraisal")
    UnitReformResult = apps.get_model("hr", "UnitReformResult")
    HistoricalUnitReformResult = apps.get_model("hr", "HistoricalUnitReformResult")
    published = (
        Appraisal.objects.filter(status="PUBLISHED", band__isnull=False)
        .select_related("band", "index_set")
        .order_by("published_at", "pk")
    )
    for appraisal in published:
        record, _created = UnitReformResult.objects.update_or_create(
            unit_id=appraisal.unit_id,
            year=appraisal.index_set.year,
            defaults={
                "band": appraisal.band.code,
                "head_rating_cap": appraisal.band.head_rating_cap,
                "decision_number": appraisal.decision_number,
            },
        )
        HistoricalUnitReformResult.objects.create(
            id=record.pk,
            unit_id=record.unit_id,
            year=record.year,
            band=record.band,
            head_rating_cap=record.head_rating_cap,
            decision_number=record.decision_number,
            history_date=appraisal.published_at or timezone.now(),
            history_type="+" if _created else "~",
            history_change_reason="written down from the published reform appraisal",
        )


def remove(apps, schema_editor):
    apps.get_model("hr", "HistoricalUnitReformResult").objects.all().delete()
    apps.get_model("hr", "UnitReformResult").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reform", "0002_load_2026_index_sets"),
        ("hr", "0008_unitreformresult"),
    ]

    operations = [migrations.RunPython(write_down, remove)]
