"""Content areas (NĐ 171/2025 Điều 14), the six administrative-reform topic tags and the 40-period yearly minimum.

The minimum is rule data chosen by date: NĐ 101/2017 (01 tuần, 40 tiết, per year) for
legacy years and NĐ 171/2025 Điều 16.3 (01 tuần, 40 tiết, per công chức) from 01/07/2025. A category
row may later give leaders or another category a different figure without a code change.
"""

import datetime

from django.db import migrations

AREAS = [
    ("POLITICAL_THEORY", "Lý luận chính trị", 1),
    ("DEFENCE_SECURITY", "Kiến thức quốc phòng và an ninh", 2),
    ("STATE_MANAGEMENT", "Kiến thức, kỹ năng quản lý nhà nước", 3),
    ("JOB_POSITION", "Kiến thức, kỹ năng theo yêu cầu vị trí việc làm", 4),
    ("SCIENCE_DIGITAL", "Kiến thức khoa học công nghệ, đổi mới sáng tạo, kỹ năng số, công nghệ số", 5),
]

# The six areas of the State administrative-reform programme (Nghị quyết 76/NQ-CP, the seed plan).
REFORM_TAGS = [
    ("REFORM_INSTITUTIONS", "Cải cách thể chế"),
    ("REFORM_PROCEDURES", "Cải cách thủ tục hành chính"),
    ("REFORM_APPARATUS", "Cải cách tổ chức bộ máy hành chính nhà nước"),
    ("REFORM_CIVIL_SERVICE", "Cải cách chế độ công vụ"),
    ("REFORM_PUBLIC_FINANCE", "Cải cách tài chính công"),
    ("REFORM_E_GOVERNMENT", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số"),
]

# category ("" = everyone), holder (ANY, LEADER, NON_LEADER), periods, valid from, legal basis.
# Neither decree sets a different yearly figure for leaders or a category, so one general row each.
MINIMA = [
    ("", "ANY", 40, datetime.date(2017, 9, 1), "NĐ 101/2017/NĐ-CP: bồi dưỡng tối thiểu 01 tuần (40 tiết)/năm"),
    ("", "ANY", 40, datetime.date(2025, 7, 1), "NĐ 171/2025/NĐ-CP Điều 16.3: tối thiểu 01 tuần (40 tiết)/năm"),
]


def load(apps, schema_editor):
    ContentArea = apps.get_model("training", "ContentArea")
    TopicTag = apps.get_model("training", "TopicTag")
    PeriodMinimum = apps.get_model("training", "PeriodMinimum")
    for code, name, order in AREAS:
        ContentArea.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for code, name in REFORM_TAGS:
        TopicTag.objects.update_or_create(code=code, defaults={"name": name, "is_reform": True})
    for category, holder, periods, valid_from, basis in MINIMA:
        PeriodMinimum.objects.update_or_create(
            category=category,
            holder=holder,
            valid_from=valid_from,
            defaults={"min_periods": periods, "legal_basis": basis},
        )


def unload(apps, schema_editor):
    apps.get_model("training", "PeriodMinimum").objects.filter(
        valid_from__in=[row[3] for row in MINIMA]
    ).delete()
    apps.get_model("training", "TopicTag").objects.filter(code__in=[c for c, _ in REFORM_TAGS]).delete()
    apps.get_model("training", "ContentArea").objects.filter(code__in=[c for c, _, _ in AREAS]).delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
