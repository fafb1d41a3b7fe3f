"""Rule sets of NĐ 90/2020 (+48/2023), NĐ 335/2025 and NĐ 233/2026, and the standard evaluation workflow.

Sources and confidence are in DOMAIN.md §1. Figures that are not confirmed by a
primary text (the split of the 30 general points, NĐ 335 applying to cán bộ, the
head-not-above-unit rule for NĐ 335) are data here so that they can be corrected
without a code change.
"""

import datetime
from decimal import Decimal

from django.db import migrations

WORKFLOW = ("STANDARD", "Quy trình đánh giá, xếp loại chất lượng hằng năm")

# code, label, initial, locked
STATES = [
    ("DRAFT", "Chờ tự đánh giá", True, False),
    ("SELF_ASSESSED", "Đã tự đánh giá", False, False),
    ("COMMENTED", "Đã họp nhận xét tập thể", False, False),
    ("REVIEWED", "Người quản lý đã nhận xét", False, False),
    ("PROPOSED", "Tổ chức cán bộ đã đề xuất", False, False),
    ("DECIDED", "Đã quyết định xếp loại", False, True),
    ("NOTIFIED", "Đã thông báo", False, True),
]

SELF_FIELDS = [
    "self_comment",
    "self_rating",
    "scores.self_points",
    "task_lines",
    "completed_pct",
    "exceeded_pct",
    "not_assured_pct",
]
REVIEW_FIELDS = [
    "manager_comment",
    "scores.manager_points",
    "task_lines",
    "unit_result_pct",
    "organising_pct",
    "uniting_pct",
    "completed_pct",
    "exceeded_pct",
    "not_assured_pct",
]
PROPOSE_FIELDS = ["proposed_rating", "handling_proposal", "duty_group", "months_absent"]
DECIDE_FIELDS = ["final_rating", "decision_number", "authority_comment", "handling_proposal", "scores.final_points"]
MANAGER = "UNIT_MANAGER"
OFFICER = "AGENCY_OFFICER"
ADMIN = "PROVINCE_ADMIN"

# name, label, source, target, actors, agency-head actors, fields, required, effect
TRANSITIONS = [
    ("submit_self_assessment", "Nộp bản tự đánh giá", "DRAFT", "SELF_ASSESSED", ["SELF"], ["SELF"],
     SELF_FIELDS, ["self_rating"], "NONE"),
    ("record_minutes", "Ghi biên bản họp nhận xét tập thể", "SELF_ASSESSED", "COMMENTED", [MANAGER, OFFICER],
     [OFFICER, ADMIN], ["collective_minutes", "minutes_date"], ["collective_minutes", "minutes_date"], "NONE"),
    ("return_to_employee", "Trả lại để tự đánh giá lại", "SELF_ASSESSED", "DRAFT", [MANAGER], [ADMIN],
     ["return_reason"], ["return_reason"], "NONE"),
    ("return_to_employee", "Trả lại để tự đánh giá lại", "COMMENTED", "DRAFT", [MANAGER], [ADMIN],
     ["return_reason"], ["return_reason"], "NONE"),
    ("review", "Nhận xét, đánh giá của người quản lý", "COMMENTED", "REVIEWED", [MANAGER], [ADMIN],
     REVIEW_FIELDS, ["manager_comment"], "NONE"),
    ("propose", "Tổ chức cán bộ đề xuất xếp loại", "REVIEWED", "PROPOSED", [OFFICER, ADMIN], [ADMIN],
     PROPOSE_FIELDS, ["proposed_rating"], "NONE"),
    ("return_for_review", "Trả lại để nhận xét lại", "PROPOSED", "COMMENTED", [OFFICER, ADMIN], [ADMIN],
     ["return_reason"], ["return_reason"], "NONE"),
    ("decide", "Quyết định xếp loại chất lượng", "PROPOSED", "DECIDED", [OFFICER, ADMIN], [ADMIN],
     DECIDE_FIELDS, ["decision_number"], "DECIDE"),
    ("notify", "Thông báo kết quả bằng văn bản", "DECIDED", "NOTIFIED", [OFFICER, ADMIN], [ADMIN],
     [], [], "NOTIFY"),
]

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
# 10/10/10 split is not confirmed by a primary text (DOMAIN.md §1.2) and is editable data.
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

RULE_SETS = [
    {
        "code": "ND90-CBCC",
        "name": "Đánh giá, xếp loại cán bộ, công chức theo Nghị định 90/2020/NĐ-CP",
        "legal_basis": "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP",
        "version": "90/2020+48/2023",
        "categories": ["CONG_CHUC", "CAN_BO"],
        "valid_from": datetime.date(2020, 8, 13),
        "valid_to": datetime.date(2025, 12, 31),
        "note": "Xếp loại theo tỷ lệ nhiệm vụ, tiêu chí đạt; không chấm điểm.",
        **OLD,
    },
    {
        "code": "ND90-VC",
        "name": "Đánh giá, xếp loại viên chức theo Nghị định 90/2020/NĐ-CP",
        "legal_basis": "Nghị định 90/2020/NĐ-CP, sửa đổi bởi Nghị định 48/2023/NĐ-CP",
        "version": "90/2020+48/2023",
        "categories": ["VIEN_CHUC"],
        "valid_from": datetime.date(2020, 8, 13),
        "valid_to": datetime.date(2026, 6, 30),
        "note": "Áp dụng đến hết 30/6/2026 (Nghị định 233/2026/NĐ-CP, Điều 19).",
        **OLD,
    },
    {
        "code": "ND335-CC",
        "name": "Theo dõi, đánh giá, xếp loại công chức theo Nghị định 335/2025/NĐ-CP",
        "legal_basis": "Nghị định 335/2025/NĐ-CP",
        "version": "335/2025",
        "categories": ["CONG_CHUC", "CAN_BO"],
        "valid_from": datetime.date(2026, 1, 1),
        "valid_to": None,
        "form_regime": "ND335",
        "note": (
            "Chưa xác nhận Nghị định 335/2025 áp dụng cho cán bộ; quy tắc người đứng đầu không cao hơn "
            "đơn vị lấy theo Nghị định 233/2026 Điều 12.7 (chưa xác nhận cho công chức)."
        ),
        **NEW,
    },
    {
        "code": "ND233-VC",
        "name": "Đánh giá, xếp loại chất lượng viên chức theo Nghị định 233/2026/NĐ-CP",
        "legal_basis": "Nghị định 233/2026/NĐ-CP",
        "version": "233/2026",
        "categories": ["VIEN_CHUC"],
        "valid_from": datetime.date(2026, 7, 1),
        "valid_to": None,
        "form_regime": "ND233",
        "note": "Người đứng đầu không cao hơn mức xếp loại của đơn vị (Điều 12.7).",
        **NEW,
    },
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


def load(apps, schema_editor):
    Workflow = apps.get_model("evaluations", "Workflow")
    WorkflowState = apps.get_model("evaluations", "WorkflowState")
    Transition = apps.get_model("evaluations", "Transition")
    RuleSet = apps.get_model("evaluations", "RuleSet")
    Criterion = apps.get_model("evaluations", "Criterion")
    RatingThreshold = apps.get_model("evaluations", "RatingThreshold")

    workflow = Workflow.objects.create(code=WORKFLOW[0], name=WORKFLOW[1])
    states = {
        code: WorkflowState.objects.create(
            workflow=workflow, code=code, label=label, is_initial=initial, is_locked=locked, order=order
        )
        for order, (code, label, initial, locked) in enumerate(STATES)
    }
    for order, (name, label, source, target, actors, head_actors, fields, required, effect) in enumerate(
        TRANSITIONS
    ):
        Transition.objects.create(
            workflow=workflow,
            name=name,
            label=label,
            source=states[source],
            target=states[target],
            actors=actors,
            agency_head_actors=head_actors,
            fields=fields,
            required_fields=required,
            effect=effect,
            order=order,
        )
    for data in RULE_SETS:
        rule_set = RuleSet.objects.create(workflow=workflow, **data)
        if data["scoring_method"] == "POINTS":
            for order, (code, label, points) in enumerate(NEW_GENERAL):
                Criterion.objects.create(
                    rule_set=rule_set, code=code, label=label, group="GENERAL", max_points=Decimal(points), order=order
                )
            for order, (code, label, leaders_only, source) in enumerate(NEW_TASK, start=10):
                Criterion.objects.create(
                    rule_set=rule_set,
                    code=code,
                    label=label,
                    group="TASK",
                    leaders_only=leaders_only,
                    source=source,
                    order=order,
                )
            for rating, score in NEW_THRESHOLDS:
                RatingThreshold.objects.create(rule_set=rule_set, rating=rating, min_score=Decimal(score))
        else:
            for order, (code, label, leaders_only) in enumerate(ND90_ASPECTS):
                Criterion.objects.create(
                    rule_set=rule_set, code=code, label=label, group="ASPECT", leaders_only=leaders_only, order=order
                )
            for rating, conditions in OLD_THRESHOLDS:
                RatingThreshold.objects.create(rule_set=rule_set, rating=rating, **conditions)


def unload(apps, schema_editor):
    apps.get_model("evaluations", "RuleSet").objects.filter(code__in=[r["code"] for r in RULE_SETS]).delete()
    apps.get_model("evaluations", "Workflow").objects.filter(code=WORKFLOW[0]).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
