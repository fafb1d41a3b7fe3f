"""NĐ 234/2026/NĐ-CP: discipline of viên chức from 01/7/2026, under Luật Viên chức 129/2025/QH15.

Ends the viên chức rows of NĐ 112/2020 on 30/06/2026 (NĐ 112 then ceases entirely, Điều 25). Forms (Điều 7):
khiển trách, cảnh cáo, cách chức (managers only), buộc thôi việc. Processing deadline 90 days, 150 for complex cases
(Điều 5). A forced dismissal counts from its own effective date even after a Party decision (Điều 2.9). The
restrictions rest on the "quy định tương ứng" of the viên chức law [M: the article was not read].
"""

import datetime

from rules.base import End, Instrument
from rules.discipline import form_rows, restriction_basis

BASIS = "Luật Viên chức 129/2025/QH15; NĐ 234/2026/NĐ-CP"

INSTRUMENT = Instrument(
    code="nd_234_2026",
    title="Nghị định 234/2026/NĐ-CP quy định xử lý kỷ luật viên chức",
    ends=(End(model="hr.DisciplineFormRule", match={"category": "VIEN_CHUC"}, valid_to=datetime.date(2026, 6, 30)),),
    adds=form_rows(
        category="VIEN_CHUC",
        forms=[("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "LEADER"), ("BUOC_THOI_VIEC", "ANY")],
        valid_from=datetime.date(2026, 7, 1),
        legal_basis=BASIS,
        processing=(90, 150),
        restriction_basis=restriction_basis(
            named="Luật Viên chức 129/2025/QH15; NĐ 234/2026/NĐ-CP",
            deferred="Luật Viên chức 129/2025/QH15: quy định tương ứng về nâng lương, thưởng",
        ),
        own_date_forms=frozenset({"BUOC_THOI_VIEC"}),
    ),
)
