"""NĐ 335/2025/NĐ-CP: monitoring, evaluation and rating of công chức from 01/01/2026 (DOMAIN.md §1.2).

Ends NĐ 90/2020's rule set for cán bộ and công chức on 31/12/2025. Whether it covers cán bộ is unconfirmed; the
head-not-above-unit rule is taken from NĐ 233/2026 Điều 12.7 (unconfirmed for công chức).
"""

import datetime

from rules.base import End, Instrument
from rules.evaluation import new_rule_set

INSTRUMENT = Instrument(
    code="nd_335_2025",
    title="Nghị định 335/2025/NĐ-CP quy định về theo dõi, đánh giá, xếp loại chất lượng công chức",
    ends=(End(model="evaluations.RuleSet", match={"code": "ND90-CBCC"}, valid_to=datetime.date(2025, 12, 31)),),
    adds=(
        new_rule_set(
            code="ND335-CC",
            valid_from=datetime.date(2026, 1, 1),
            name="Theo dõi, đánh giá, xếp loại công chức theo Nghị định 335/2025/NĐ-CP",
            legal_basis="Nghị định 335/2025/NĐ-CP",
            version="335/2025",
            categories=["CONG_CHUC", "CAN_BO"],
            form_regime="ND335",
            note=(
                "Chưa xác nhận Nghị định 335/2025 áp dụng cho cán bộ; quy tắc người đứng đầu không cao hơn "
                "đơn vị lấy theo Nghị định 233/2026 Điều 12.7 (chưa xác nhận cho công chức)."
            ),
        ),
    ),
)
