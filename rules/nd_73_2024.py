"""Nghị định 73/2024/NĐ-CP: the base salary (lương cơ sở) from 01/7/2024.

It ends the amount before it on the day before.
"""

import datetime

from rules.base import End, Instrument, Row

INSTRUMENT = Instrument(
    code="nd_73_2024",
    title="Nghị định 73/2024/NĐ-CP quy định mức lương cơ sở",
    ends=(End(model="hr.BaseSalary", match={}, valid_to=datetime.date(2024, 6, 30)),),
    adds=(
        Row(
            model="hr.BaseSalary",
            key={"valid_from": datetime.date(2024, 7, 1)},
            values={"amount": 2_340_000, "legal_basis": "Nghị định 73/2024/NĐ-CP"},
        ),
    ),
)
