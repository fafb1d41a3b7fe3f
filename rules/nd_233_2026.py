"""NĐ 233/2026/NĐ-CP: evaluation and rating of public service units and viên chức from 01/7/2026 (DOMAIN.md §1.3).

Ends NĐ 90/2020's rule set for viên chức on 30/06/2026 (Điều 19). The head of a unit is not rated above the unit
(Điều 12.7).
"""

import datetime

from rules.base import End, Instrument
from rules.evaluation import new_rule_set

INSTRUMENT = Instrument(
    code="nd_233_2026",
    title="Nghị định 233/2026/NĐ-CP về đánh giá, xếp loại chất lượng đơn vị sự nghiệp công lập và viên chức",
    ends=(End(model="evaluations.RuleSet", match={"code": "ND90-VC"}, valid_to=datetime.date(2026, 6, 30)),),
    adds=(
        new_rule_set(
            code="ND233-VC",
            valid_from=datetime.date(2026, 7, 1),
            name="Đánh giá, xếp loại chất lượng viên chức theo Nghị định 233/2026/NĐ-CP",
            legal_basis="Nghị định 233/2026/NĐ-CP",
            version="233/2026",
            categories=["VIEN_CHUC"],
            form_regime="ND233",
            note="Người đứng đầu không cao hơn mức xếp loại của đơn vị (Điều 12.7).",
        ),
    ),
)
