"""NĐ 101/2017/NĐ-CP: training (bồi dưỡng) of cán bộ, công chức, viên chức; the yearly minimum of 40 periods.

From 01/9/2017 everyone owes at least one week (40 periods) a year; contract staff owe none, since the decree
(like NĐ 171/2025 Điều 16.3 after it) sets the minimum for cán bộ, công chức and viên chức only. NĐ 171/2025 ends
the general row for công chức on 30/06/2025 [the viên chức part of NĐ 101 stays; same figure, see docs/RULES.md].
"""

import datetime

from rules.base import Instrument, Row

VALID_FROM = datetime.date(2017, 9, 1)
CREDIT_BASIS = "NĐ 101/2017/NĐ-CP: thời gian bồi dưỡng bắt buộc tối thiểu hằng năm"


def _credit(source: str) -> Row:
    """Every retraining programme counts toward the minimum (the system's reading until NĐ 171/2025)."""
    return Row(
        model="training.CreditRule",
        key={"source": source, "category": "", "holder": "ANY", "valid_from": VALID_FROM},
        values={"counts": True, "legal_basis": CREDIT_BASIS},
    )


INSTRUMENT = Instrument(
    code="nd_101_2017",
    title="Nghị định 101/2017/NĐ-CP về đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
    adds=(
        Row(
            model="training.PeriodMinimum",
            key={"category": "", "holder": "ANY", "valid_from": VALID_FROM},
            values={"min_periods": 40, "legal_basis": "NĐ 101/2017/NĐ-CP: bồi dưỡng tối thiểu 01 tuần (40 tiết)/năm"},
        ),
        Row(
            model="training.PeriodMinimum",
            key={"category": "HOP_DONG", "holder": "ANY", "valid_from": VALID_FROM},
            values={
                "min_periods": 0,
                "legal_basis": (
                    "Không áp dụng: NĐ 101/2017/NĐ-CP và NĐ 171/2025/NĐ-CP quy định cho cán bộ, công chức, viên chức"
                ),
            },
        ),
        _credit("JOB_POSITION"),
        _credit("LEADERSHIP"),
        _credit("OTHER"),
    ),
)
