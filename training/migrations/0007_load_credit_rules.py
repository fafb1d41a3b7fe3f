"""What counts toward the yearly minimum, per programme type and for teaching, under NĐ 101/2017 and NĐ 171/2025.

NĐ 101/2017 (from 01/09/2017, as the minimum's row): every retraining programme counts (the system's rule until
now). NĐ 171/2025 (from 01/07/2025), for công chức: only the job-position programmes count toward the 40 periods
(Điều 16.3); the leadership state-management programme is its own obligation within 12 months of appointment
(Điều 16.2), political theory and defence-security follow their own rules (Điều 16.1); a leader's periods
teaching retraining courses count (Điều 3.4). Each row gets its first history version.
"""

import datetime

from django.db import migrations
from django.utils import timezone

OLD = datetime.date(2017, 9, 1)
NEW = datetime.date(2025, 7, 1)
ND101 = "NĐ 101/2017/NĐ-CP: thời gian bồi dưỡng bắt buộc tối thiểu hằng năm"
ND171_JOB = "NĐ 171/2025/NĐ-CP Điều 16.3: bồi dưỡng theo yêu cầu vị trí việc làm tối thiểu 01 tuần (40 tiết)/năm"
ND171_LEADERSHIP = "NĐ 171/2025/NĐ-CP Điều 16.2: bồi dưỡng QLNN cho lãnh đạo, quản lý là yêu cầu riêng"
ND171_OTHER = "NĐ 171/2025/NĐ-CP Điều 16.1: LLCT, QP-AN theo quy định của cơ quan có thẩm quyền"
ND171_TEACHING = (
    "NĐ 171/2025/NĐ-CP Điều 3.4: công chức lãnh đạo, quản lý giảng dạy các khóa bồi dưỡng được tính vào thời gian"
    " bồi dưỡng theo yêu cầu vị trí việc làm hằng năm"
)

# (source, category, holder, counts, valid_from, legal basis)
ROWS = [
    ("JOB_POSITION", "", "ANY", True, OLD, ND101),
    ("LEADERSHIP", "", "ANY", True, OLD, ND101),
    ("OTHER", "", "ANY", True, OLD, ND101),
    ("JOB_POSITION", "CONG_CHUC", "ANY", True, NEW, ND171_JOB),
    ("LEADERSHIP", "CONG_CHUC", "ANY", False, NEW, ND171_LEADERSHIP),
    ("OTHER", "CONG_CHUC", "ANY", False, NEW, ND171_OTHER),
    ("TEACHING", "CONG_CHUC", "LEADER", True, NEW, ND171_TEACHING),
]


def load(apps, schema_editor):
    rule_model = apps.get_model("training", "CreditRule")
    historical = apps.get_model("training", "HistoricalCreditRule")
    now = timezone.now()
    for source, category, holder, counts, valid_from, basis in ROWS:
        values = {
            "source": source,
            "category": category,
            "holder": holder,
            "counts": counts,
            "valid_from": valid_from,
            "legal_basis": basis,
        }
        rule = rule_model.objects.create(**values)
        historical.objects.create(id=rule.pk, history_date=now, history_type="+", **values)


def unload(apps, schema_editor):
    rule_model = apps.get_model("training", "CreditRule")
    historical = apps.get_model("training", "HistoricalCreditRule")
    for source, category, holder, _counts, valid_from, _basis in ROWS:
        rows = rule_model.objects.filter(source=source, category=category, holder=holder, valid_from=valid_from)
        historical.objects.filter(id__in=list(rows.values_list("pk", flat=True))).delete()
        rows.delete()


class Migration(migrations.Migration):
    dependencies = [("training", "0006_creditrule_teachingassignment")]

    operations = [migrations.RunPython(load, unload)]
