"""Sơn La QĐ 2407/QĐ-UBND (2021): the provincial plan for state administrative reform 2021–2030.

It ties each head of agency to the agency's published reform (PAR) result: the agency's band caps the head's rating,
whatever decree rates the person. A province policy for the whole province (no unit), 2021 through 2030; the exact
signing date of the decision is not in DOMAIN.md, so the row starts with the plan's first year.
"""

import datetime

from rules.base import Instrument, Row

INSTRUMENT = Instrument(
    code="qd_2407_2021_son_la",
    title="Quyết định 2407/QĐ-UBND (2021) của UBND tỉnh Sơn La: kế hoạch cải cách hành chính nhà nước 2021–2030",
    adds=(
        Row(
            model="evaluations.ProvincePolicy",
            key={"kind": "HEAD_REFORM_CAP", "unit": None, "valid_from": datetime.date(2021, 1, 1)},
            values={
                "valid_to": datetime.date(2030, 12, 31),
                "legal_basis": "Quyết định 2407/QĐ-UBND (2021) của UBND tỉnh Sơn La",
                "note": "Người đứng đầu cơ quan không được xếp loại cao hơn mức trần theo nhóm kết quả chỉ số CCHC.",
            },
        ),
    ),
)
