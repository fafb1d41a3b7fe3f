"""Legal instruments as data: one module per decree, law or provincial decision, declaring the rule rows it changes.

This package declares; it imports no app model. A data migration applies an instrument with
`migrations.RunPython(*apply("nd_335_2025"))` (rules.apply), which reads the models through `apps.get_model`.
`INSTRUMENTS` lists every instrument in the order it took effect, the order the rows were loaded in, so that
`declared_rows` can fold them into the rows a database must hold (tests/rules compares the two).
"""

import importlib

from rules.base import Instrument

# In the order they took effect: an instrument may end rows an earlier one added, never the reverse.
INSTRUMENTS = (
    "nd_101_2017",
    "luat_tdkt_2022",
    "nd_38_2019",
    "nd_90_2020",
    "nd_112_2020",
    "qd_2407_2021_son_la",
    "nd_24_2023",
    "nd_73_2024",
    "nd_171_2025",
    "luat_tccqdp_2025",
    "nd_172_2025",
    "nd_335_2025",
    "nd_233_2026",
    "nd_234_2026",
)


def instrument(code: str) -> Instrument:
    """The instrument declared by `rules/<code>.py`."""
    if code not in INSTRUMENTS:
        raise LookupError(f"No legal instrument {code!r} in rules.INSTRUMENTS.")
    return importlib.import_module(f"rules.{code}").INSTRUMENT
