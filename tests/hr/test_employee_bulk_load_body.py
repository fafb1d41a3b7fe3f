"""The CSV `employee_bulk_load` sends to COPY: every missing value empty, every value as PostgreSQL reads it."""

import csv
import datetime
import io
from decimal import Decimal

import numpy as np
import pandas as pd

from hr.services.employees import _copy_body


def test_missing_values_are_empty_fields_and_values_are_written_as_text():
    frame = pd.DataFrame(
        {
            "name": ["Lò Văn Hùng", 'Cầm "Thị", Xiêm', ""],
            "email": pd.Series(["a@b.vn", None, ""], dtype="str"),
            "born": np.array([datetime.date(1980, 1, 31), None, datetime.date(2001, 12, 1)], dtype=object),
            "unit_id": np.array([7, None, 12], dtype=object),
            "coefficient": np.array([Decimal("2.34"), None, Decimal("4.40")], dtype=object),
            "float_gap": [1.0, float("nan"), 3.0],
        }
    )
    stamp = ["2026-12-07T15:00:00+00:00"] * 3
    body = _copy_body([*(frame[name] for name in frame.columns), stamp])
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows == [
        ["Lò Văn Hùng", "a@b.vn", "1980-01-31", "7", "2.34", "1.0", stamp[0]],
        ['Cầm "Thị", Xiêm', "", "", "", "", "", stamp[0]],
        ["", "", "2001-12-01", "12", "4.40", "3.0", stamp[0]],
    ]
    # The quoted cell survives COPY's CSV reading: the quotes are doubled, the comma kept inside the field.
    assert '"Cầm ""Thị"", Xiêm"' in body.decode("utf-8")
