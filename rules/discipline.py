"""Shared builders of discipline-form rows: the restrictions each form imposes and the legal basis of each."""

import datetime

from rules.base import Child, Row

RESTRICTIONS = ("APPOINTMENT", "TRANSFER", "TRAINING", "RANK_PROMOTION", "SALARY_RAISE", "COMMENDATION")
# Luật CBCC 2025 Điều 38 names these itself; for the others it defers to the "quy định tương ứng".
NAMED_BY_THE_LAW = frozenset({"APPOINTMENT", "TRANSFER", "TRAINING"})

# Limitation: 5 years for reprimand-level violations, 10 for the others (Luật CBCC 2025 Điều 37; before it,
# Luật CBCC 2008 sửa đổi 2019 Điều 80 and Luật Viên chức 2010 sửa đổi 2019 Điều 53 had the same figures).
LIMITATION_YEARS = {"KHIEN_TRACH": 5}
DEFAULT_LIMITATION_YEARS = 10
# Every decision is in force for 12 months (NĐ 172 Điều 2.9; NĐ 234 Điều 2.9; NĐ 112/2020 before them).
EFFECT_MONTHS = 12


def form_rows(
    *,
    category: str,
    forms: list[tuple[str, str]],
    valid_from: datetime.date,
    legal_basis: str,
    processing: tuple[int, int],
    restriction_basis: dict[str, str],
    own_date_forms: frozenset[str] = frozenset(),
) -> tuple[Row, ...]:
    """One row per (form, holder) of a category, each with the six restrictions and their basis.

    `processing` is the instrument's processing deadline (days, days for complex cases); `own_date_forms` are the
    forms whose effect counts from their own effective date even when a Party decision exists.
    """
    return tuple(
        Row(
            model="hr.DisciplineFormRule",
            key={"category": category, "form": form, "valid_from": valid_from},
            values={
                "holder": holder,
                "legal_basis": legal_basis,
                "limitation_years": LIMITATION_YEARS.get(form, DEFAULT_LIMITATION_YEARS),
                "effect_months": EFFECT_MONTHS,
                "processing_days": processing[0],
                "complex_processing_days": processing[1],
                "effect_from_party_decision": form not in own_date_forms,
            },
            children=tuple(
                Child(
                    model="hr.DisciplineRestrictionRule",
                    parent_field="rule",
                    key=("restriction",),
                    values={"restriction": r, "legal_basis": restriction_basis[r]},
                )
                for r in RESTRICTIONS
            ),
        )
        for form, holder in forms
    )


def restriction_basis(*, named: str, deferred: str) -> dict[str, str]:
    """The basis of each restriction: `named` for those the law names, `deferred` for the "quy định tương ứng"."""
    return {r: named if r in NAMED_BY_THE_LAW else deferred for r in RESTRICTIONS}
