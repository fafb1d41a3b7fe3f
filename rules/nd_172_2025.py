"""NĐ 172/2025/NĐ-CP: discipline of cán bộ and công chức from 01/7/2025, under Luật CBCC 80/2025/QH15.

Ends the cán bộ and công chức rows of NĐ 112/2020 on 30/06/2025: hạ bậc lương and giáng chức are abolished
(DOMAIN.md §2.1). Forms: Luật CBCC 2025 Điều 35–36, NĐ 172 Điều 7. Processing deadline 90 days, 150 for complex
cases (NĐ 172 Điều 5; Luật CBCC 2025 Điều 37). Restrictions: Luật CBCC 2025 Điều 38 names nomination, appointment,
transfer, rotation, secondment and training; promotion, salary and bonus follow the "quy định tương ứng" (§2.5).
"""

import datetime

from rules.base import End, Instrument
from rules.discipline import form_rows, restriction_basis

VALID_FROM = datetime.date(2025, 7, 1)
BASIS = "Luật CBCC 80/2025/QH15 Điều 35–37; NĐ 172/2025/NĐ-CP"
RESTRICTIONS = restriction_basis(
    named="Luật CBCC 80/2025/QH15 Điều 38",
    deferred="Luật CBCC 80/2025/QH15 Điều 38: quy định tương ứng về nâng ngạch, lương, thưởng",
)

INSTRUMENT = Instrument(
    code="nd_172_2025",
    title="Nghị định 172/2025/NĐ-CP quy định xử lý kỷ luật cán bộ, công chức",
    ends=(
        End(model="hr.DisciplineFormRule", match={"category": "CAN_BO"}, valid_to=datetime.date(2025, 6, 30)),
        End(model="hr.DisciplineFormRule", match={"category": "CONG_CHUC"}, valid_to=datetime.date(2025, 6, 30)),
    ),
    adds=(
        *form_rows(
            category="CAN_BO",
            forms=[("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "ANY"), ("BAI_NHIEM", "ANY")],
            valid_from=VALID_FROM,
            legal_basis=BASIS,
            processing=(90, 150),
            restriction_basis=RESTRICTIONS,
        ),
        *form_rows(
            category="CONG_CHUC",
            forms=[("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "LEADER"), ("BUOC_THOI_VIEC", "ANY")],
            valid_from=VALID_FROM,
            legal_basis=BASIS,
            processing=(90, 150),
            restriction_basis=RESTRICTIONS,
        ),
    ),
)
