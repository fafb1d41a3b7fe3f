"""Mẫu 2C-BNV/2008 (Sơ yếu lý lịch cán bộ, công chức; TT 11/2012/TT-BNV) as PDF, from the person's dossier.

The layout follows DOMAIN.md §6.4: the header with the managing and using agencies, the number and the 4×6 photo
box, the numbered items 1–26, the tables of training (27), work (28), family on both sides (30) and salary (31),
and the signature blocks. The wording is the form's own, so it is always Vietnamese.
"""

from django.template.loader import render_to_string
from django.utils import translation

from backend.pdf import PageLabel, render_html_to_pdf
from dossier.groups import dossier_as_dict
from dossier.models import FamilySide, Qualification
from hr.models import Employee

_PAGE_LABEL = PageLabel(text="Trang {page} / {pages}", right=(21.0 - 1.5) / 2.54 * 72, baseline=39.1, size=9)


def _text(value) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, dict):
        place = value.get("full_name", "")
        current = value.get("current") or {}
        if current and current.get("id") != value.get("id"):
            return f"{place} (nay là {current['full_name']})"
        return place
    return str(value)


def _day(value: str | None) -> str:
    """An ISO date as the form writes it: 05/09/1985."""
    if not value:
        return ""
    year, month, day = value.split("-")
    return f"{day}/{month}/{year}"


def form_2c_context(employee: Employee) -> dict:
    """What the form prints, read from the dossier (every group: the form is printed for whom may read them all)."""
    with translation.override("vi"):
        dossier = dossier_as_dict(employee=employee)
        identity, education, work = dossier["IDENTITY"], dossier["EDUCATION"], dossier["WORK"]
        political, military, health = dossier["POLITICAL"], dossier["MILITARY"], dossier["HEALTH"]
        history, recruitment = dossier["PERSONAL_HISTORY"], dossier["RECRUITMENT"]
        unit = employee.unit
        salary_line = ""
        if employee.rank_id:
            salary_line = f"{employee.rank.name}, mã ngạch {employee.rank.code}"
            if employee.salary_step_id:
                salary_line += f"; bậc {employee.salary_step.step}, hệ số {employee.salary_coefficient or ''}"
            if employee.salary_date:
                salary_line += f", ngày hưởng {employee.salary_date:%d/%m/%Y}"
        allowances = "; ".join(
            f"{row.get_kind_display()} {row.coefficient if row.coefficient is not None else f'{row.percent}%'}"
            for row in employee.allowances.filter(end_date__isnull=True)
        )
        sex = {"M": "Nam", "F": "Nữ"}.get(identity.get("sex"), "")
        items = [
            ("1", "Họ và tên khai sinh", (identity.get("full_name") or "").upper()),
            ("2", "Tên gọi khác", _text(identity.get("other_names"))),
            ("3", "Sinh ngày", f"{_day(identity.get('date_of_birth'))}, Giới tính: {sex}"),
            ("4", "Nơi sinh", _text(identity.get("birth_place"))),
            ("5", "Quê quán", _text(identity.get("hometown"))),
            ("6", "Dân tộc", _text(identity.get("ethnicity"))),
            ("7", "Tôn giáo", _text(identity.get("religion")) or "Không"),
            ("8", "Nơi đăng ký thường trú", _text(identity.get("permanent_residence"))),
            ("9", "Nơi ở hiện nay", _text(identity.get("current_residence"))),
            ("10", "Nghề nghiệp khi được tuyển dụng", _text(recruitment.get("occupation_before"))),
            (
                "11",
                "Ngày tuyển dụng",
                f"{_day(recruitment.get('recruitment_date'))}, Cơ quan tuyển dụng: "
                f"{_text(recruitment.get('recruiting_agency'))}",
            ),
            (
                "12",
                "Chức vụ hiện tại",
                f"{_text(work.get('position'))}; Chức vụ kiêm nhiệm: {_text(work.get('concurrent_positions'))}",
            ),
            ("13", "Công việc chính được giao", _text(work.get("main_duties"))),
            ("14", "Ngạch công chức, bậc lương, hệ số", salary_line),
            ("14", "Phụ cấp", allowances),
            ("15.1", "Trình độ giáo dục phổ thông", _text(education.get("general_education"))),
            ("15.2", "Trình độ chuyên môn cao nhất", employee.get_education_level_display()),
            ("15.3", "Lý luận chính trị", employee.get_political_theory_level_display()),
            ("15.4", "Quản lý nhà nước", employee.get_state_management_level_display()),
            ("15.5", "Ngoại ngữ", _text(education.get("foreign_language"))),
            ("15.6", "Tin học", _text(education.get("it_skill"))),
            (
                "16",
                "Ngày vào Đảng Cộng sản Việt Nam",
                f"{_day(political.get('party_joined_date'))}, Ngày chính thức: "
                f"{_day(political.get('party_official_date'))}",
            ),
            (
                "17",
                "Ngày tham gia tổ chức chính trị - xã hội",
                f"{_text(political.get('mass_organisation'))} {_day(political.get('mass_organisation_date'))}".strip(),
            ),
            (
                "18",
                "Ngày nhập ngũ",
                f"{_day(military.get('enlisted_date'))}, Ngày xuất ngũ: {_day(military.get('discharged_date'))}, "
                f"Quân hàm: {_text(military.get('military_rank'))}",
            ),
            ("19", "Danh hiệu được phong cao nhất", _text(work.get("highest_title"))),
            ("20", "Sở trường công tác", _text(history.get("strengths"))),
            (
                "21",
                "Khen thưởng",
                "; ".join(f"{row['award']} ({row['year']})" for row in work.get("commendations", [])),
            ),
            (
                "22",
                "Kỷ luật",
                "; ".join(f"{row['form']} ({row['decision_date']})" for row in work.get("discipline", [])),
            ),
            (
                "23",
                "Tình trạng sức khỏe",
                f"{_text(health.get('health_status'))}, Chiều cao: {_text(health.get('height_cm'))} cm, "
                f"Cân nặng: {_text(health.get('weight_kg'))} kg, Nhóm máu: {_text(health.get('blood_type'))}",
            ),
            (
                "24",
                "Là thương binh hạng",
                f"{_text(military.get('war_invalid_grade'))}, Là con gia đình chính sách: "
                f"{_text(military.get('policy_family'))}",
            ),
            (
                "25",
                "Số định danh cá nhân",
                f"{identity.get('national_id')}, Ngày cấp: {_day(identity.get('id_issue_date'))}",
            ),
            ("26", "Số sổ BHXH", _text(identity.get("social_insurance_number"))),
        ]
        family = list(employee.family_members.all())
        return {
            "managing_agency": unit.parent.name if unit.parent_id else unit.name,
            "using_agency": unit.name,
            "dossier_number": _text(identity.get("dossier_number")),
            "items": items,
            "training": list(Qualification.objects.filter(employee=employee).order_by("start_year", "id")),
            "work": list(employee.assignments.select_related("unit", "position").order_by("start_date", "id")),
            "history": history,
            "family_self": [m for m in family if m.side == FamilySide.SELF],
            "family_spouse": [m for m in family if m.side == FamilySide.SPOUSE],
            "salary": list(employee.salary_records.select_related("rank", "salary_step").order_by("effective_date")),
            "full_name": employee.full_name,
        }


def render_form_2c(context: dict) -> bytes:
    """The form as PDF bytes, in the shipped Liberation Serif."""
    with translation.override("vi"):
        html = render_to_string("dossier/form_2c.html", context)
    return render_html_to_pdf(html, page_label=_PAGE_LABEL)
