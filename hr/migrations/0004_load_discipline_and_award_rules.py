"""Load the discipline-form rules (DOMAIN.md §2) and the emulation and commendation award rules (§3)."""

from decimal import Decimal

from django.db import migrations

RESTRICTIONS = ["APPOINTMENT", "TRANSFER", "TRAINING", "RANK_PROMOTION", "SALARY_RAISE", "COMMENDATION"]

OLD_CBCC = ("2008-01-01", "2025-06-30", "Luật CBCC 2008 (sửa đổi 2019); NĐ 112/2020/NĐ-CP")
NEW_CBCC = ("2025-07-01", None, "Luật CBCC 80/2025/QH15 Điều 35–37; NĐ 172/2025/NĐ-CP")
# Luật Viên chức 2010 Điều 52 (amended 2019) and NĐ 112/2020 Điều 15 never had hạ bậc lương or
# giáng chức for viên chức. The viên chức rows below load them all the same, in error: 0012 removes
# them (rules/nd_112_2020.py declares the viên chức forms), so data and law agree from 0012 on.
OLD_VC = ("2008-01-01", "2026-06-30", "Luật Viên chức 2010 (sửa đổi 2019); NĐ 112/2020/NĐ-CP")
NEW_VC = ("2026-07-01", None, "Luật Viên chức 129/2025/QH15; NĐ 234/2026/NĐ-CP")

# (category, period, [(form, holder)]); hạ bậc lương and giáng chức end with the old periods.
FORMS = [
    ("CAN_BO", OLD_CBCC, [("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "ANY"), ("BAI_NHIEM", "ANY")]),
    (
        "CONG_CHUC",
        OLD_CBCC,
        [
            ("KHIEN_TRACH", "ANY"),
            ("CANH_CAO", "ANY"),
            ("HA_BAC_LUONG", "NON_LEADER"),
            ("GIANG_CHUC", "LEADER"),
            ("CACH_CHUC", "LEADER"),
            ("BUOC_THOI_VIEC", "ANY"),
        ],
    ),
    ("CAN_BO", NEW_CBCC, [("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "ANY"), ("BAI_NHIEM", "ANY")]),
    (
        "CONG_CHUC",
        NEW_CBCC,
        [("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "LEADER"), ("BUOC_THOI_VIEC", "ANY")],
    ),
    # Loaded in error (see OLD_VC above): 0012_rules_as_instruments removes hạ bậc lương and giáng chức here.
    (
        "VIEN_CHUC",
        OLD_VC,
        [
            ("KHIEN_TRACH", "ANY"),
            ("CANH_CAO", "ANY"),
            ("HA_BAC_LUONG", "NON_LEADER"),
            ("GIANG_CHUC", "LEADER"),
            ("CACH_CHUC", "LEADER"),
            ("BUOC_THOI_VIEC", "ANY"),
        ],
    ),
    (
        "VIEN_CHUC",
        NEW_VC,
        [("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "LEADER"), ("BUOC_THOI_VIEC", "ANY")],
    ),
]

# Limitation period: 5 years for reprimand-level violations, 10 for the others (Luật 2025 Điều 37).
LIMITATION_YEARS = {"KHIEN_TRACH": 5}
DEFAULT_LIMITATION_YEARS = 10
# Every decision is in force for 12 months (NĐ 172 Điều 2.9; NĐ 234 Điều 2.9).
EFFECT_MONTHS = 12

AWARD_BASIS = "Luật TĐKT 06/2022/QH15; NĐ 152/2025/NĐ-CP Điều 49–50"
# award, recipient, kind, level, coefficient, min rating, prerequisite, consecutive years,
# initiative level, member share %, disqualifying discipline form.
# Coefficients of the titles and collective titles: DOMAIN.md §3.1 [S]. Those of Giấy khen,
# Bằng khen and orders are [M] (NĐ 91/2017 figures, believed kept): editable data.
AWARDS = [
    ("LDTT", "INDIVIDUAL", "TITLE", "CO_SO", "0.3", "HTTNV", "", 0, "", None, "KHIEN_TRACH"),
    ("CSTDCS", "INDIVIDUAL", "TITLE", "CO_SO", "1.0", "HTXSNV", "LDTT", 1, "CO_SO", None, "KHIEN_TRACH"),
    # "3 times consecutively" CSTĐCS is unconfirmed for Luật 2022 Điều 22 (DOMAIN §8.5).
    ("CSTD_TINH", "INDIVIDUAL", "TITLE", "TINH", "3.0", "", "CSTDCS", 3, "TINH", None, "KHIEN_TRACH"),
    ("CSTD_TOAN_QUOC", "INDIVIDUAL", "TITLE", "TOAN_QUOC", "4.5", "", "CSTD_TINH", 2, "TOAN_QUOC", None, "KHIEN_TRACH"),
    ("TT_LDTT", "COLLECTIVE", "TITLE", "CO_SO", "0.8", "HTTNV", "", 0, "", 70, "CANH_CAO"),
    ("TT_LDXS", "COLLECTIVE", "TITLE", "TINH", "1.5", "HTXSNV", "CSTDCS", 1, "", 70, "CANH_CAO"),
    ("CO_THI_DUA_TINH", "COLLECTIVE", "TITLE", "TINH", "8.0", "", "", 0, "", None, ""),
    ("CO_THI_DUA_CP", "COLLECTIVE", "TITLE", "TOAN_QUOC", "12.0", "", "", 0, "", None, ""),
    ("GIAY_KHEN", "INDIVIDUAL", "FORM", "CO_SO", "0.3", "", "", 0, "", None, ""),
    ("GIAY_KHEN", "COLLECTIVE", "FORM", "CO_SO", "0.6", "", "", 0, "", None, ""),
    ("BANG_KHEN_TINH", "INDIVIDUAL", "FORM", "TINH", "1.0", "", "", 0, "", None, ""),
    ("BANG_KHEN_TINH", "COLLECTIVE", "FORM", "TINH", "2.0", "", "", 0, "", None, ""),
    ("BANG_KHEN_TTG", "INDIVIDUAL", "FORM", "TOAN_QUOC", "1.5", "", "", 0, "", None, ""),
    ("BANG_KHEN_TTG", "COLLECTIVE", "FORM", "TOAN_QUOC", "3.0", "", "", 0, "", None, ""),
    ("HUAN_CHUONG_LD3", "INDIVIDUAL", "FORM", "NHA_NUOC", "4.5", "", "", 0, "", None, ""),
    ("HUAN_CHUONG_LD3", "COLLECTIVE", "FORM", "NHA_NUOC", "9.0", "", "", 0, "", None, ""),
    ("HUAN_CHUONG_LD2", "INDIVIDUAL", "FORM", "NHA_NUOC", "7.5", "", "", 0, "", None, ""),
    ("HUAN_CHUONG_LD2", "COLLECTIVE", "FORM", "NHA_NUOC", "15.0", "", "", 0, "", None, ""),
    ("HUAN_CHUONG_LD1", "INDIVIDUAL", "FORM", "NHA_NUOC", "9.0", "", "", 0, "", None, ""),
    ("HUAN_CHUONG_LD1", "COLLECTIVE", "FORM", "NHA_NUOC", "18.0", "", "", 0, "", None, ""),
]
# NĐ 91/2017 (from 01/10/2017) already used these figures; one row per award covers legacy decisions.
AWARDS_VALID_FROM = "2017-10-01"


def load(apps, schema_editor):
    FormRule = apps.get_model("hr", "DisciplineFormRule")
    RestrictionRule = apps.get_model("hr", "DisciplineRestrictionRule")
    AwardRule = apps.get_model("hr", "AwardRule")
    for category, (valid_from, valid_to, basis), forms in FORMS:
        for form, holder in forms:
            rule = FormRule.objects.create(
                category=category,
                form=form,
                holder=holder,
                valid_from=valid_from,
                valid_to=valid_to,
                limitation_years=LIMITATION_YEARS.get(form, DEFAULT_LIMITATION_YEARS),
                effect_months=EFFECT_MONTHS,
                legal_basis=basis,
            )
            RestrictionRule.objects.bulk_create(RestrictionRule(rule=rule, restriction=r) for r in RESTRICTIONS)
    AwardRule.objects.bulk_create(
        AwardRule(
            award=award,
            recipient=recipient,
            kind=kind,
            level=level,
            coefficient=Decimal(coefficient),
            valid_from=AWARDS_VALID_FROM,
            min_rating=min_rating,
            prerequisite=prerequisite,
            consecutive_years=years,
            initiative_level=initiative,
            member_share_pct=share,
            disqualifying_form=form,
            legal_basis=AWARD_BASIS,
        )
        for award, recipient, kind, level, coefficient, min_rating, prerequisite, years, initiative, share, form in AWARDS
    )


def unload(apps, schema_editor):
    for model in ("AwardRule", "DisciplineRestrictionRule", "DisciplineFormRule"):
        apps.get_model("hr", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("hr", "0003_discipline_commendation")]
    operations = [migrations.RunPython(load, unload)]
