"""Luật Thi đua, khen thưởng 06/2022/QH15 with NĐ 152/2025/NĐ-CP: the award rules (DOMAIN.md §3).

Coefficients: NĐ 152/2025 Điều 49–50 for titles [S]; those of Giấy khen, Bằng khen and orders are [M] (the NĐ 91/2017
figures, believed kept). The rows start on 01/10/2017, when NĐ 91/2017 already used the same figures, so legacy
decisions find a row. The criteria's figures are data; how they combine is the law (Luật 2022 Điều 22–27):
- CSTĐCS: HTXSNV, or instead an initiative recognised that year (Điều 23) → `initiative_replaces_rating`;
- Tập thể lao động xuất sắc: every member HTNV or better (Bắc Ninh QĐ 86/2025) → `member_min_rating`;
- Bằng khen of the provincial chairman and Giấy khen: Luật 2022 Điều 74 and Bắc Ninh QĐ 86/2025 Điều 3.3.a, 4.3.
"""

import datetime
from decimal import Decimal

from rules.base import Instrument, Row

VALID_FROM = datetime.date(2017, 10, 1)
BASIS = "Luật TĐKT 06/2022/QH15; NĐ 152/2025/NĐ-CP Điều 49–50"
MERIT_BASIS = "Luật TĐKT 06/2022/QH15 Điều 74; NĐ 152/2025/NĐ-CP Điều 49–50; QĐ 86/2025/QĐ-UBND (Bắc Ninh) Điều 3.3.a"
CERTIFICATE_BASIS = "Luật TĐKT 06/2022/QH15; NĐ 152/2025/NĐ-CP Điều 49–50; QĐ 86/2025/QĐ-UBND (Bắc Ninh) Điều 4.3"

NO_CRITERIA = {
    "min_rating": "",
    "prerequisite": "",
    "consecutive_years": 0,
    "initiative_level": "",
    "member_share_pct": None,
    "disqualifying_form": "",
    "alt_min_rating": "",
    "alt_consecutive_years": None,
    "alt_initiative_count": None,
    "council_judgement": False,
    "initiative_replaces_rating": False,
    "member_min_rating": "",
    "legal_basis": BASIS,
}

# award, recipient, kind, level, coefficient, criteria other than none.
AWARDS = [
    ("LDTT", "INDIVIDUAL", "TITLE", "CO_SO", "0.3", {"min_rating": "HTTNV", "disqualifying_form": "KHIEN_TRACH"}),
    (
        "CSTDCS",
        "INDIVIDUAL",
        "TITLE",
        "CO_SO",
        "1.0",
        {
            "min_rating": "HTXSNV",
            "prerequisite": "LDTT",
            "consecutive_years": 1,
            "initiative_level": "CO_SO",
            "initiative_replaces_rating": True,
            "disqualifying_form": "KHIEN_TRACH",
        },
    ),
    # "3 times consecutively" CSTĐCS is unconfirmed for Luật 2022 Điều 22 (DOMAIN.md §8.5).
    (
        "CSTD_TINH",
        "INDIVIDUAL",
        "TITLE",
        "TINH",
        "3.0",
        {
            "prerequisite": "CSTDCS",
            "consecutive_years": 3,
            "initiative_level": "TINH",
            "disqualifying_form": "KHIEN_TRACH",
        },
    ),
    (
        "CSTD_TOAN_QUOC",
        "INDIVIDUAL",
        "TITLE",
        "TOAN_QUOC",
        "4.5",
        {
            "prerequisite": "CSTD_TINH",
            "consecutive_years": 2,
            "initiative_level": "TOAN_QUOC",
            "disqualifying_form": "KHIEN_TRACH",
        },
    ),
    (
        "TT_LDTT",
        "COLLECTIVE",
        "TITLE",
        "CO_SO",
        "0.8",
        {"min_rating": "HTTNV", "member_share_pct": 70, "disqualifying_form": "CANH_CAO"},
    ),
    (
        "TT_LDXS",
        "COLLECTIVE",
        "TITLE",
        "TINH",
        "1.5",
        {
            "min_rating": "HTXSNV",
            "prerequisite": "CSTDCS",
            "consecutive_years": 1,
            "member_share_pct": 70,
            "member_min_rating": "HTNV",
            "disqualifying_form": "CANH_CAO",
        },
    ),
    ("CO_THI_DUA_TINH", "COLLECTIVE", "TITLE", "TINH", "8.0", {}),
    ("CO_THI_DUA_CP", "COLLECTIVE", "TITLE", "TOAN_QUOC", "12.0", {}),
    (
        "GIAY_KHEN",
        "INDIVIDUAL",
        "FORM",
        "CO_SO",
        "0.3",
        {
            "min_rating": "HTTNV",
            "council_judgement": True,
            "disqualifying_form": "KHIEN_TRACH",
            "legal_basis": CERTIFICATE_BASIS,
        },
    ),
    ("GIAY_KHEN", "COLLECTIVE", "FORM", "CO_SO", "0.6", {}),
    (
        "BANG_KHEN_TINH",
        "INDIVIDUAL",
        "FORM",
        "TINH",
        "1.0",
        {
            "prerequisite": "CSTDCS",
            "consecutive_years": 2,
            "alt_min_rating": "HTXSNV",
            "alt_consecutive_years": 2,
            "alt_initiative_count": 2,
            "disqualifying_form": "KHIEN_TRACH",
            "legal_basis": MERIT_BASIS,
        },
    ),
    (
        "BANG_KHEN_TINH",
        "COLLECTIVE",
        "FORM",
        "TINH",
        "2.0",
        {
            "prerequisite": "TT_LDXS",
            "consecutive_years": 1,
            "alt_min_rating": "HTXSNV",
            "alt_consecutive_years": 2,
            "disqualifying_form": "CANH_CAO",
            "legal_basis": MERIT_BASIS,
        },
    ),
    ("BANG_KHEN_TTG", "INDIVIDUAL", "FORM", "TOAN_QUOC", "1.5", {}),
    ("BANG_KHEN_TTG", "COLLECTIVE", "FORM", "TOAN_QUOC", "3.0", {}),
    ("HUAN_CHUONG_LD3", "INDIVIDUAL", "FORM", "NHA_NUOC", "4.5", {}),
    ("HUAN_CHUONG_LD3", "COLLECTIVE", "FORM", "NHA_NUOC", "9.0", {}),
    ("HUAN_CHUONG_LD2", "INDIVIDUAL", "FORM", "NHA_NUOC", "7.5", {}),
    ("HUAN_CHUONG_LD2", "COLLECTIVE", "FORM", "NHA_NUOC", "15.0", {}),
    ("HUAN_CHUONG_LD1", "INDIVIDUAL", "FORM", "NHA_NUOC", "9.0", {}),
    ("HUAN_CHUONG_LD1", "COLLECTIVE", "FORM", "NHA_NUOC", "18.0", {}),
]

INSTRUMENT = Instrument(
    code="luat_tdkt_2022",
    title="Luật Thi đua, khen thưởng 06/2022/QH15 và Nghị định 152/2025/NĐ-CP",
    adds=tuple(
        Row(
            model="hr.AwardRule",
            key={"award": award, "recipient": recipient, "valid_from": VALID_FROM},
            values={**NO_CRITERIA, "kind": kind, "level": level, "coefficient": Decimal(coefficient), **criteria},
        )
        for award, recipient, kind, level, coefficient, criteria in AWARDS
    ),
)
