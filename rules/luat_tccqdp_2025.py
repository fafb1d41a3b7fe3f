"""Luật Tổ chức chính quyền địa phương 72/2025/QH15: local government in two levels from 01/07/2025.

Cấp tỉnh and cấp xã (xã, phường, đặc khu) remain; district-level units ended nationwide on 01/07/2025
(DOMAIN.md §6.7). From that day no unit of level HUYEN may be valid.
"""

import datetime

from rules.base import Instrument, Row

INSTRUMENT = Instrument(
    code="luat_tccqdp_2025",
    title="Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
    adds=(
        Row(
            model="hr.UnitLevelRule",
            key={"level": "HUYEN", "valid_from": datetime.date(2025, 7, 1)},
            values={
                "permitted": False,
                "legal_basis": (
                    "Luật Tổ chức chính quyền địa phương số 72/2025/QH15: chính quyền địa phương 02 cấp (tỉnh; xã,"
                    " phường, đặc khu); đơn vị hành chính cấp huyện kết thúc hoạt động từ ngày 01/7/2025"
                ),
            },
        ),
    ),
)
