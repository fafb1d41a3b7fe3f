"""NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP): evaluation and rating of cán bộ, công chức, viên chức.

From 13/8/2020 for everyone; NĐ 335/2025 ends it for công chức and cán bộ on 31/12/2025, NĐ 233/2026 for viên
chức on 30/06/2026 (Điều 19). Rated by the share of tasks and criteria met (Điều 9–10), no points.
"""

import datetime

from rules.base import Instrument
from rules.evaluation import old_rule_set

VALID_FROM = datetime.date(2020, 8, 13)
BASIS = "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP"

INSTRUMENT = Instrument(
    code="nd_90_2020",
    title="Nghị định 90/2020/NĐ-CP về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
    adds=(
        old_rule_set(
            code="ND90-CBCC",
            valid_from=VALID_FROM,
            name="Đánh giá, xếp loại cán bộ, công chức theo Nghị định 90/2020/NĐ-CP",
            legal_basis=BASIS,
            version="90/2020+48/2023",
            categories=["CONG_CHUC", "CAN_BO"],
            leader_units_basis=(
                "NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP), tiêu chí xếp loại công chức lãnh đạo, quản lý"
            ),
            note="Xếp loại theo tỷ lệ nhiệm vụ, tiêu chí đạt; không chấm điểm.",
        ),
        old_rule_set(
            code="ND90-VC",
            valid_from=VALID_FROM,
            name="Đánh giá, xếp loại viên chức theo Nghị định 90/2020/NĐ-CP",
            legal_basis=BASIS,
            version="90/2020+48/2023",
            categories=["VIEN_CHUC"],
            leader_units_basis="NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP), tiêu chí xếp loại viên chức quản lý",
            note="Áp dụng đến hết 30/6/2026 (Nghị định 233/2026/NĐ-CP, Điều 19).",
        ),
    ),
)
