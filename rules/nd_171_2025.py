"""NĐ 171/2025/NĐ-CP: training of công chức from 01/7/2025; the yearly minimum stays one week, 40 periods (Điều 16.3).

It ends NĐ 101/2017's general row on 30/06/2025 and adds its own. The general row still covers viên chức, for whom
NĐ 101/2017 presumably applies with the same figure (DOMAIN.md §4.2, unconfirmed).
"""

import datetime

from rules.base import End, Instrument, Row

INSTRUMENT = Instrument(
    code="nd_171_2025",
    title="Nghị định 171/2025/NĐ-CP về đào tạo, bồi dưỡng công chức",
    ends=(
        End(
            model="training.PeriodMinimum", match={"category": "", "holder": "ANY"}, valid_to=datetime.date(2025, 6, 30)
        ),
    ),
    adds=(
        Row(
            model="training.PeriodMinimum",
            key={"category": "", "holder": "ANY", "valid_from": datetime.date(2025, 7, 1)},
            values={"min_periods": 40, "legal_basis": "NĐ 171/2025/NĐ-CP Điều 16.3: tối thiểu 01 tuần (40 tiết)/năm"},
        ),
    ),
)
