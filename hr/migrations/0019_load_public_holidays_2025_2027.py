"""Load the working-day calendar of 2025, 2026 and 2027: public holidays, compensatory and exchanged days.

Bộ luật Lao động 45/2019/QH14 Điều 112 fixes the holidays: Tết Dương lịch (1/1), Tết Âm lịch (5 days, split
by the yearly notice), Giỗ Tổ Hùng Vương (10/3 âm lịch), 30/4, 1/5, Quốc khánh 2/9 and one adjacent day (the
yearly notice chooses which); a holiday on a weekly rest day gives a compensatory day on the next working day
(khoản 3). The lunar dates were computed for UTC+7 (Tết 29/01/2025, 17/02/2026, 06/02/2027; 10/3 âm lịch
07/04/2025, 26/04/2026, 16/04/2027).

DOMAIN.md holds none of the yearly notices, so each row says how far it is checked (`basis`):
- STATUTORY: what Điều 112 itself fixes, and for 2027 the whole year (the split of Tết, the adjacent day of 2/9
  and the compensatory days as the article gives them), until the year's notice is loaded;
- RECALLED_NOTICE: the arrangement of the 2025 and 2026 notices for cán bộ, công chức, viên chức as recalled
  (the Tết split, 2025's exchange of 02/5 with Saturday 26/4, 2025's adjacent day of 2/9), not checked against
  the notices' text.
"""

from django.db import migrations

LAW = "Bộ luật Lao động 45/2019/QH14, Điều 112"
LAW_COMPENSATORY = "Bộ luật Lao động 45/2019/QH14, Điều 112 khoản 3 (nghỉ bù)"
NOTICE_2025 = "Thông báo 6150/TB-BLĐTBXH ngày 14/11/2024 về lịch nghỉ lễ, tết năm 2025 (theo trí nhớ)"
NOTICE_2026 = "Thông báo về lịch nghỉ Tết Âm lịch năm 2026 của cán bộ, công chức, viên chức (theo trí nhớ)"
TET = "Tết Nguyên đán"

# (date, kind, name, basis, source, note)
DAYS = [
    # 2025
    ("2025-01-01", "HOLIDAY", "Tết Dương lịch", "STATUTORY", LAW, ""),
    *[
        ("2025-01-%02d" % day, "HOLIDAY", TET, "RECALLED_NOTICE", NOTICE_2025, "Nghỉ liên tục 25/01–02/02/2025")
        for day in (27, 28, 29, 30, 31)
    ],
    ("2025-04-07", "HOLIDAY", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "STATUTORY", LAW, ""),
    ("2025-04-26", "WORKING", "Làm việc bù cho thứ Sáu 02/5/2025", "RECALLED_NOTICE", NOTICE_2025, ""),
    ("2025-04-30", "HOLIDAY", "Ngày Chiến thắng 30/4", "STATUTORY", LAW, ""),
    ("2025-05-01", "HOLIDAY", "Ngày Quốc tế lao động 1/5", "STATUTORY", LAW, ""),
    ("2025-05-02", "DAY_OFF", "Nghỉ hoán đổi với thứ Bảy 26/4/2025", "RECALLED_NOTICE", NOTICE_2025, ""),
    ("2025-09-01", "HOLIDAY", "Quốc khánh (ngày liền kề)", "RECALLED_NOTICE", NOTICE_2025, ""),
    ("2025-09-02", "HOLIDAY", "Quốc khánh 2/9", "STATUTORY", LAW, ""),
    # 2026
    ("2026-01-01", "HOLIDAY", "Tết Dương lịch", "STATUTORY", LAW, ""),
    *[
        ("2026-02-%02d" % day, "HOLIDAY", TET, "RECALLED_NOTICE", NOTICE_2026, "Nghỉ liên tục 14/02–22/02/2026")
        for day in (16, 17, 18, 19, 20)
    ],
    ("2026-04-26", "HOLIDAY", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "STATUTORY", LAW, "Trùng Chủ nhật"),
    ("2026-04-27", "DAY_OFF", "Nghỉ bù Giỗ Tổ Hùng Vương", "STATUTORY", LAW_COMPENSATORY, ""),
    ("2026-04-30", "HOLIDAY", "Ngày Chiến thắng 30/4", "STATUTORY", LAW, ""),
    ("2026-05-01", "HOLIDAY", "Ngày Quốc tế lao động 1/5", "STATUTORY", LAW, ""),
    (
        "2026-09-01",
        "HOLIDAY",
        "Quốc khánh (ngày liền kề)",
        "STATUTORY",
        LAW,
        "Ngày liền kề chọn là ngày trước; thay theo thông báo của năm khi nạp",
    ),
    ("2026-09-02", "HOLIDAY", "Quốc khánh 2/9", "STATUTORY", LAW, ""),
    # 2027: no notice known; Tết as one day before and four after, the weekend days of it compensated.
    ("2027-01-01", "HOLIDAY", "Tết Dương lịch", "STATUTORY", LAW, ""),
    *[
        ("2027-02-%02d" % day, "HOLIDAY", TET, "STATUTORY", LAW, "Cách chia 5 ngày chờ thông báo của năm")
        for day in (5, 6, 7, 8, 9)
    ],
    ("2027-02-10", "DAY_OFF", "Nghỉ bù Tết Nguyên đán (mùng 1 trùng thứ Bảy)", "STATUTORY", LAW_COMPENSATORY, ""),
    ("2027-02-11", "DAY_OFF", "Nghỉ bù Tết Nguyên đán (mùng 2 trùng Chủ nhật)", "STATUTORY", LAW_COMPENSATORY, ""),
    ("2027-04-16", "HOLIDAY", "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "STATUTORY", LAW, ""),
    ("2027-04-30", "HOLIDAY", "Ngày Chiến thắng 30/4", "STATUTORY", LAW, ""),
    ("2027-05-01", "HOLIDAY", "Ngày Quốc tế lao động 1/5", "STATUTORY", LAW, "Trùng thứ Bảy"),
    ("2027-05-03", "DAY_OFF", "Nghỉ bù Ngày Quốc tế lao động", "STATUTORY", LAW_COMPENSATORY, ""),
    ("2027-09-02", "HOLIDAY", "Quốc khánh 2/9", "STATUTORY", LAW, ""),
    (
        "2027-09-03",
        "HOLIDAY",
        "Quốc khánh (ngày liền kề)",
        "STATUTORY",
        LAW,
        "Ngày liền kề chọn là ngày sau; thay theo thông báo của năm khi nạp",
    ),
]


def load(apps, schema_editor):
    CalendarDay = apps.get_model("hr", "CalendarDay")
    CalendarDay.objects.bulk_create(
        CalendarDay(date=date, kind=kind, name=name, basis=basis, source=source, note=note)
        for date, kind, name, basis, source, note in DAYS
    )


def unload(apps, schema_editor):
    apps.get_model("hr", "CalendarDay").objects.filter(date__in=[row[0] for row in DAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0018_calendar_and_person_changes")]

    operations = [migrations.RunPython(load, unload)]
