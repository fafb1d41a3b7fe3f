"""Shared builders of evaluation rule sets: the criteria and thresholds of the old and the new regimes.

A rule set's procedure is the STANDARD workflow (states and transitions, loaded by evaluations/0002): a procedure is
not dated itself, the rule sets that use it are.
"""

import datetime
from decimal import Decimal

from rules.base import Child, Ref, Row

WORKFLOW = Ref(model="evaluations.Workflow", key={"code": "STANDARD"})

ND90_ASPECTS = [
    ("CHINH_TRI", "Chính trị tư tưởng", False),
    ("DAO_DUC", "Đạo đức, lối sống", False),
    ("TAC_PHONG", "Tác phong, lề lối làm việc", False),
    ("KY_LUAT", "Ý thức tổ chức kỷ luật", False),
    ("KET_QUA", "Kết quả thực hiện chức trách, nhiệm vụ được giao", False),
    ("PHUC_VU", "Thái độ phục vụ nhân dân, doanh nghiệp", False),
    ("KQ_DON_VI", "Kết quả hoạt động của cơ quan, tổ chức, đơn vị được giao lãnh đạo, quản lý, phụ trách", True),
    ("NANG_LUC_LD", "Năng lực lãnh đạo, quản lý", True),
    ("DOAN_KET", "Năng lực tập hợp, đoàn kết", True),
]
# The 30 general points: the three groups of Luật CBCC 2025 Điều 25 / NĐ 233 Phụ lục I; the
# 10/10/10 split is not confirmed by a primary text (DOMAIN.md §1.2).
NEW_GENERAL = [
    ("CHINH_TRI_DAO_DUC", "Phẩm chất chính trị, đạo đức, văn hóa công vụ, ý thức kỷ luật, kỷ cương", "10"),
    ("NANG_LUC_TRACH_NHIEM", "Năng lực chuyên môn, tinh thần trách nhiệm, thái độ phục vụ, phối hợp", "10"),
    ("DOI_MOI", "Tinh thần đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm", "10"),
]
NEW_TASK = [
    ("SO_LUONG", "Số lượng sản phẩm, công việc hoàn thành (đã quy đổi)", False, "quantity"),
    ("CHAT_LUONG", "Chất lượng sản phẩm, công việc", False, "quality"),
    ("TIEN_DO", "Tiến độ hoàn thành sản phẩm, công việc", False, "timeliness"),
    ("KQ_DON_VI", "Kết quả của cơ quan, đơn vị được giao lãnh đạo, quản lý", True, "unit_result_pct"),
    ("NANG_LUC_TO_CHUC", "Năng lực tổ chức triển khai thực hiện nhiệm vụ", True, "organising_pct"),
    ("DOAN_KET", "Năng lực tập hợp, đoàn kết công chức, viên chức", True, "uniting_pct"),
]
NEW_THRESHOLDS = [("HTXSNV", "90"), ("HTTNV", "70"), ("HTNV", "50"), ("KHTNV", "0")]
# NĐ 90 Điều 9–10 (for công chức): 100% on time with ≥ 50% exceeded; 100% on time;
# ≤ 20% of criteria not assured; otherwise not completed.
OLD_THRESHOLDS = [
    ("HTXSNV", {"min_completed_pct": Decimal("100"), "min_exceeded_pct": Decimal("50")}),
    ("HTTNV", {"min_completed_pct": Decimal("100")}),
    ("HTNV", {"max_not_assured_pct": Decimal("20")}),
    ("KHTNV", {}),
]

COMMON = {
    "quota_pct": Decimal("20"),
    "quota_outstanding_pct": Decimal("25"),
    "quota_basis": "GOOD_OR_BETTER",
    "quota_small_group_size": 5,
    "quota_small_group_max": 1,
    "min_months_worked": Decimal("6"),
    "discipline_rating": "KHTNV",
    "annual_deadline_month": 12,
    "annual_deadline_day": 14,
}
OLD = {
    **COMMON,
    "scoring_method": "CRITERIA_PERCENT",
    "form_regime": "ND90",
    "supports_periodic": False,
    "annual_from_periods": False,
    "absence_cap_from_months": Decimal("3"),
    "absence_cap_to_months": Decimal("6"),
    "absence_cap_rating": "HTNV",
    "head_not_above_unit": False,
}
NEW = {
    **COMMON,
    "scoring_method": "POINTS",
    "supports_periodic": True,
    "annual_from_periods": True,
    "task_max_points": Decimal("70"),
    "error_deduction_pct": Decimal("25"),
    "delay_deduction_pct": Decimal("25"),
    "head_not_above_unit": True,
    "head_rule_scope": "AGENCY_HEADS",
    "missing_unit_rating": "REFUSE",
}


def _criterion(**values) -> Child:
    return Child(model="evaluations.Criterion", parent_field="rule_set", key=("code",), values=values)


def _threshold(**values) -> Child:
    return Child(model="evaluations.RatingThreshold", parent_field="rule_set", key=("rating",), values=values)


# NĐ 90/2020 (DOMAIN.md §1.4): a head's rating answers for the units they lead. Leader rating, every unit led at
# least, share of those units rated HTTNV or better (%).
ND90_LEADER_UNITS = [("HTXSNV", "HTNV", Decimal("70")), ("HTTNV", "HTNV", None)]


def _leader_units(**values) -> Child:
    return Child(model="evaluations.LeaderUnitRule", parent_field="rule_set", key=("leader_rating",), values=values)


def old_rule_set(*, code: str, valid_from: datetime.date, leader_units_basis: str, **values) -> Row:
    """A rule set of NĐ 90/2020: rated by the share of tasks and criteria met, no points."""
    children = (
        [
            _criterion(code=c, label=label, group="ASPECT", leaders_only=leaders, order=order)
            for order, (c, label, leaders) in enumerate(ND90_ASPECTS)
        ]
        + [_threshold(rating=rating, **conditions) for rating, conditions in OLD_THRESHOLDS]
        + [
            _leader_units(
                leader_rating=leader,
                min_unit_rating=unit,
                min_good_pct=pct,
                unrated_units="REFUSE",
                legal_basis=leader_units_basis,
            )
            for leader, unit, pct in ND90_LEADER_UNITS
        ]
    )
    return Row(
        model="evaluations.RuleSet",
        key={"code": code, "valid_from": valid_from},
        values={**OLD, "workflow": WORKFLOW, **values},
        children=tuple(children),
    )


def new_rule_set(*, code: str, valid_from: datetime.date, **values) -> Row:
    """A rule set of NĐ 335/2025 or NĐ 233/2026: 30 general points and 70 task points."""
    children = (
        [
            _criterion(code=c, label=label, group="GENERAL", max_points=Decimal(points), order=order)
            for order, (c, label, points) in enumerate(NEW_GENERAL)
        ]
        + [
            _criterion(code=c, label=label, group="TASK", leaders_only=leaders, source=source, order=order)
            for order, (c, label, leaders, source) in enumerate(NEW_TASK, start=10)
        ]
        + [_threshold(rating=rating, min_score=Decimal(score)) for rating, score in NEW_THRESHOLDS]
    )
    return Row(
        model="evaluations.RuleSet",
        key={"code": code, "valid_from": valid_from},
        values={**NEW, "workflow": WORKFLOW, **values},
        children=tuple(children),
    )
