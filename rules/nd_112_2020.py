"""NĐ 112/2020/NĐ-CP (sửa đổi bởi NĐ 71/2023/NĐ-CP): discipline of cán bộ, công chức and viên chức before 2025–2026.

Its rows start on 01/01/2008 so that decisions recorded from older files find a rule (the forms of Luật CBCC 2008
and Luật Viên chức 2010 did not change in substance). Forms [S: DOMAIN.md §2.1]:
- cán bộ: khiển trách, cảnh cáo, cách chức, bãi nhiệm;
- công chức: khiển trách, cảnh cáo, hạ bậc lương (non-leaders), giáng chức and cách chức (leaders), buộc thôi việc;
- viên chức (Luật Viên chức 2010 sửa đổi 2019 Điều 52; NĐ 112/2020 Điều 15): khiển trách, cảnh cáo, cách chức
  (managers only), buộc thôi việc. Viên chức never had hạ bậc lương or giáng chức.
Processing deadline 90 days, 150 for complex cases: Luật CBCC 2008 Điều 80.3 and Luật Viên chức 2010 Điều 53.3, both
as amended in 2019 [M: the figures NĐ 172 and NĐ 234 Điều 5 later repeat]. NĐ 172/2025 ends the cán bộ and công chức
rows (30/06/2025), NĐ 234/2026 the viên chức rows (30/06/2026).
"""

import datetime

from rules.base import Instrument
from rules.discipline import form_rows, restriction_basis

VALID_FROM = datetime.date(2008, 1, 1)
PROCESSING = (90, 150)
CBCC_BASIS = "Luật CBCC 2008 (sửa đổi 2019); NĐ 112/2020/NĐ-CP"
VC_BASIS = "Luật Viên chức 2010 (sửa đổi 2019) Điều 52; NĐ 112/2020/NĐ-CP Điều 15"
CBCC_RESTRICTIONS = restriction_basis(
    named="Luật CBCC 2008 (sửa đổi 2019) Điều 82", deferred="Luật CBCC 2008 (sửa đổi 2019) Điều 82"
)
VC_RESTRICTIONS = restriction_basis(
    named="Luật Viên chức 2010 (sửa đổi 2019) Điều 56", deferred="Luật Viên chức 2010 (sửa đổi 2019) Điều 56"
)

INSTRUMENT = Instrument(
    code="nd_112_2020",
    title="Nghị định 112/2020/NĐ-CP về xử lý kỷ luật cán bộ, công chức, viên chức (sửa đổi bởi NĐ 71/2023/NĐ-CP)",
    adds=(
        *form_rows(
            category="CAN_BO",
            forms=[("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "ANY"), ("BAI_NHIEM", "ANY")],
            valid_from=VALID_FROM,
            legal_basis=CBCC_BASIS,
            processing=PROCESSING,
            restriction_basis=CBCC_RESTRICTIONS,
        ),
        *form_rows(
            category="CONG_CHUC",
            forms=[
                ("KHIEN_TRACH", "ANY"),
                ("CANH_CAO", "ANY"),
                ("HA_BAC_LUONG", "NON_LEADER"),
                ("GIANG_CHUC", "LEADER"),
                ("CACH_CHUC", "LEADER"),
                ("BUOC_THOI_VIEC", "ANY"),
            ],
            valid_from=VALID_FROM,
            legal_basis=CBCC_BASIS,
            processing=PROCESSING,
            restriction_basis=CBCC_RESTRICTIONS,
        ),
        *form_rows(
            category="VIEN_CHUC",
            forms=[("KHIEN_TRACH", "ANY"), ("CANH_CAO", "ANY"), ("CACH_CHUC", "LEADER"), ("BUOC_THOI_VIEC", "ANY")],
            valid_from=VALID_FROM,
            legal_basis=VC_BASIS,
            processing=PROCESSING,
            restriction_basis=VC_RESTRICTIONS,
            own_date_forms=frozenset({"BUOC_THOI_VIEC"}),
        ),
    ),
)
