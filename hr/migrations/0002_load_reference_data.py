"""Load the salary table, general ranks, common posts and base salaries (DOMAIN.md §6.2, §6.3)."""

from decimal import Decimal

from django.db import migrations

# code: (name, years between steps, coefficients)
SCALES = {
    "CGCC": ("Chuyên gia cao cấp", 5, ["8.80", "9.40", "10.00"]),
    "A3.1": ("Loại A3, nhóm 1", 3, ["6.20", "6.56", "6.92", "7.28", "7.64", "8.00"]),
    "A3.2": ("Loại A3, nhóm 2", 3, ["5.75", "6.11", "6.47", "6.83", "7.19", "7.55"]),
    "A2.1": ("Loại A2, nhóm 1", 3, ["4.40", "4.74", "5.08", "5.42", "5.76", "6.10", "6.44", "6.78"]),
    "A2.2": ("Loại A2, nhóm 2", 3, ["4.00", "4.34", "4.68", "5.02", "5.36", "5.70", "6.04", "6.38"]),
    "A1": ("Loại A1", 3, ["2.34", "2.67", "3.00", "3.33", "3.66", "3.99", "4.32", "4.65", "4.98"]),
    "A0": ("Loại A0", 3, ["2.10", "2.41", "2.72", "3.03", "3.34", "3.65", "3.96", "4.27", "4.58", "4.89"]),
    "B": ("Loại B", 2, ["1.86", "2.06", "2.26", "2.46", "2.66", "2.86", "3.06", "3.26", "3.46", "3.66", "3.86", "4.06"]),
    "C1": ("Loại C, nhóm 1", 2, ["1.65", "1.83", "2.01", "2.19", "2.37", "2.55", "2.73", "2.91", "3.09", "3.27", "3.45", "3.63"]),
}

RANKS = [
    ("01.001", "Chuyên viên cao cấp", "A3.1"),
    ("01.002", "Chuyên viên chính", "A2.1"),
    ("01.003", "Chuyên viên", "A1"),
    ("01.004", "Cán sự", "A0"),
    ("01.005", "Nhân viên", "B"),
    ("02.006", "Văn thư viên chính", "A2.1"),
    ("02.007", "Văn thư viên", "A1"),
    ("02.008", "Văn thư viên trung cấp", "A0"),
    ("04.023", "Thanh tra viên cao cấp", "A3.1"),
    ("04.024", "Thanh tra viên chính", "A2.1"),
    ("04.025", "Thanh tra viên", "A1"),
    ("06.029", "Kế toán viên cao cấp", "A3.1"),
    ("06.030", "Kế toán viên chính", "A2.1"),
    ("06.031", "Kế toán viên", "A1"),
    # Viên chức job positions from 01/7/2026 (NĐ 232/2026): bậc nghề nghiệp 1–5.
    ("VC.BAC5", "Viên chức bậc nghề nghiệp 5", "A3.1"),
    ("VC.BAC4", "Viên chức bậc nghề nghiệp 4", "A2.1"),
    ("VC.BAC3", "Viên chức bậc nghề nghiệp 3", "A1"),
    ("VC.BAC2", "Viên chức bậc nghề nghiệp 2", "A0"),
    ("VC.BAC1", "Viên chức bậc nghề nghiệp 1", "B"),
]

# code, name, leadership, head, allowance coefficient (allowances are [M] in DOMAIN.md: editable data)
POSITIONS = [
    ("CT_UBND_TINH", "Chủ tịch UBND tỉnh", True, True, "1.25"),
    ("PCT_UBND_TINH", "Phó Chủ tịch UBND tỉnh", True, False, "1.05"),
    ("GD_SO", "Giám đốc sở", True, True, "0.90"),
    ("PGD_SO", "Phó Giám đốc sở", True, False, "0.70"),
    ("CHANH_VP", "Chánh Văn phòng", True, True, "0.60"),
    ("CHANH_TT", "Chánh Thanh tra", True, True, "0.60"),
    ("TP_SO", "Trưởng phòng thuộc sở", True, True, "0.60"),
    ("PTP_SO", "Phó Trưởng phòng thuộc sở", True, False, "0.40"),
    ("CCT", "Chi cục trưởng", True, True, "0.60"),
    ("CCP", "Chi cục phó", True, False, "0.40"),
    ("GD_DVSN", "Giám đốc đơn vị sự nghiệp", True, True, "0.60"),
    ("PGD_DVSN", "Phó Giám đốc đơn vị sự nghiệp", True, False, "0.40"),
    ("CT_UBND_XA", "Chủ tịch UBND xã, phường", True, True, "0.50"),
    ("PCT_UBND_XA", "Phó Chủ tịch UBND xã, phường", True, False, "0.40"),
    ("TP_XA", "Trưởng phòng thuộc UBND xã, phường", True, True, "0.35"),
    ("PTP_XA", "Phó Trưởng phòng thuộc UBND xã, phường", True, False, "0.25"),
    ("CT_UBND_HUYEN", "Chủ tịch UBND huyện (trước 01/7/2025)", True, True, "0.90"),
]

BASE_SALARIES = [
    (1_490_000, "2019-07-01", "Nghị định 38/2019/NĐ-CP"),
    (1_800_000, "2023-07-01", "Nghị định 24/2023/NĐ-CP"),
    (2_340_000, "2024-07-01", "Nghị định 73/2024/NĐ-CP"),
]


def load(apps, schema_editor):
    SalaryScale = apps.get_model("hr", "SalaryScale")
    SalaryStep = apps.get_model("hr", "SalaryStep")
    Rank = apps.get_model("hr", "Rank")
    Position = apps.get_model("hr", "Position")
    BaseSalary = apps.get_model("hr", "BaseSalary")
    scales = {}
    for code, (name, interval, coefficients) in SCALES.items():
        scale = SalaryScale.objects.create(code=code, name=name, step_interval_years=interval)
        scales[code] = scale
        SalaryStep.objects.bulk_create(
            SalaryStep(scale=scale, step=i, coefficient=Decimal(c)) for i, c in enumerate(coefficients, start=1)
        )
    Rank.objects.bulk_create(Rank(code=code, name=name, scale=scales[scale]) for code, name, scale in RANKS)
    Position.objects.bulk_create(
        Position(code=c, name=n, is_leadership=lead, is_head=head, allowance_coefficient=Decimal(a))
        for c, n, lead, head, a in POSITIONS
    )
    BaseSalary.objects.bulk_create(BaseSalary(amount=a, valid_from=d, legal_basis=b) for a, d, b in BASE_SALARIES)


def unload(apps, schema_editor):
    for model in ("BaseSalary", "Position", "Rank", "SalaryStep", "SalaryScale"):
        apps.get_model("hr", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
