"""Nghị định 24/2023/NĐ-CP: the base salary (lương cơ sở) from 01/7/2023.

It ends the amount before it on the day before.
"""

import datetime

from rules.base import End, Instrument, Row

INSTRUMENT = Instrument(
    code="nd_24_2023",
    title="Nghị định 24/2023/NĐ-CP quy định mức lương cơ sở",
    ends=(End(model="hr.BaseSalary", match={}, valid_to=datetime.date(2023, 6, 30)),),
    adds=(
        Row(
            model="hr.BaseSalary",
            key={"valid_from": datetime.date(2023, 7, 1)},
            values={"amount": 1_800_000, "legal_basis": "Nghị định 24/2023/NĐ-CP"},
        ),
    ),
)
