"""NĐ 233/2026/NĐ-CP: evaluation and rating of public service units and viên chức from 01/7/2026 (DOMAIN.md §1.3).

Ends NĐ 90/2020's rule set for viên chức on 30/06/2026 (Điều 19). The head of a unit is not rated above the unit
(Điều 12.7). Rates public service units themselves from the year 2026 (Điều 5–9): HTXSNV units at most 20 % of the
units of their group rated HTTNV or better, at most one when the group has fewer than five, and never while a
component unit is rated KHTNV. The 25 % of an outstanding group is not declared: nothing records yet which group
the competent authority found outstanding.
"""

import datetime
from decimal import Decimal

from rules.base import End, Instrument, Row
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
        Row(
            model="evaluations.UnitRatingRule",
            key={"code": "ND233-DVSN", "valid_from": datetime.date(2026, 7, 1)},
            values={
                "legal_basis": "NĐ 233/2026/NĐ-CP, Điều 5–9 (đánh giá, xếp loại chất lượng đơn vị sự nghiệp công lập)",
                "unit_kinds": ["DVSN"],
                "quota_pct": Decimal("20"),
                "small_group_size": 5,
                "small_group_max": 1,
                "excellent_needs_components": True,
            },
        ),
    ),
)
