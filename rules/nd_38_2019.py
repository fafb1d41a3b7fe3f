"""Nghị định 38/2019/NĐ-CP: the base salary (lương cơ sở) from 01/7/2019."""

import datetime

from rules.base import Instrument, Row

INSTRUMENT = Instrument(
    code="nd_38_2019",
    title="Nghị định 38/2019/NĐ-CP quy định mức lương cơ sở",
    adds=(
        Row(
            model="hr.BaseSalary",
            key={"valid_from": datetime.date(2019, 7, 1)},
            values={"amount": 1_490_000, "legal_basis": "Nghị định 38/2019/NĐ-CP"},
        ),
    ),
)
