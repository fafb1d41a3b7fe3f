"""Load the field catalogue of Mẫu 2C-BNV/2008, grouped in NĐ 27/2026's ten groups.

The decree's appendix (194 fields) was unavailable: these rows name Mẫu 2C's items (TT 11/2012/TT-BNV,
DOMAIN.md §6.4). The appendix is loaded later as rows of its own instrument, effective from its date.
"""

import datetime

from django.db import migrations

INSTRUMENT = "Mẫu 2C-BNV/2008"
VALID_FROM = datetime.date(2012, 12, 18)

# (group, key, label, type, required, source, self_service, item, options, max_length)
FIELDS = [
    ("IDENTITY", "dossier_number", "Số hiệu cán bộ, công chức", "TEXT", False, "record", False, "", [], 32),
    ("IDENTITY", "full_name", "Họ và tên khai sinh", "TEXT", True, "employee.full_name", False, "1", [], 128),
    ("IDENTITY", "other_names", "Tên gọi khác", "TEXT", False, "record", True, "2", [], 128),
    ("IDENTITY", "date_of_birth", "Sinh ngày", "DATE", True, "employee.date_of_birth", False, "3", [], None),
    ("IDENTITY", "sex", "Giới tính", "CHOICE", True, "employee.sex", False, "3", ["M", "F"], None),
    ("IDENTITY", "birth_place", "Nơi sinh", "ADMIN_UNIT", True, "record", True, "4", [], None),
    ("IDENTITY", "birth_place_detail", "Nơi sinh (thôn, bản, tổ dân phố)", "TEXT", False, "record", True, "4", [], 255),
    ("IDENTITY", "hometown", "Quê quán", "ADMIN_UNIT", True, "record", True, "5", [], None),
    ("IDENTITY", "hometown_detail", "Quê quán (thôn, bản, tổ dân phố)", "TEXT", False, "record", True, "5", [], 255),
    ("IDENTITY", "ethnicity", "Dân tộc", "TEXT", True, "employee.ethnicity", False, "6", [], 64),
    ("IDENTITY", "religion", "Tôn giáo", "TEXT", False, "record", True, "7", [], 64),
    ("IDENTITY", "permanent_residence", "Nơi đăng ký thường trú", "TEXT", True, "record", True, "8", [], 255),
    ("IDENTITY", "current_residence", "Nơi ở hiện nay", "TEXT", False, "record", True, "9", [], 255),
    ("IDENTITY", "national_id", "Số định danh cá nhân", "TEXT", True, "employee.national_id", False, "25", [], 12),
    ("IDENTITY", "id_issue_date", "Ngày cấp thẻ căn cước", "DATE", False, "record", True, "25", [], None),
    ("IDENTITY", "social_insurance_number", "Số sổ BHXH", "TEXT", False, "record", True, "26", [], 16),
    ("FAMILY", "family_members", "Quan hệ gia đình", "TABLE", False, "table.family_members", False, "30", [], None),
    ("PERSONAL_HISTORY", "detained_history", "Đặc điểm lịch sử bản thân (bị bắt, bị tù…)", "TEXT", False, "record", True, "29", [], 2000),
    ("PERSONAL_HISTORY", "foreign_organisations", "Tham gia hoặc có quan hệ với tổ chức nước ngoài", "TEXT", False, "record", True, "29", [], 2000),
    ("PERSONAL_HISTORY", "relatives_abroad", "Thân nhân ở nước ngoài", "TEXT", False, "record", True, "29", [], 2000),
    ("PERSONAL_HISTORY", "strengths", "Sở trường công tác", "TEXT", False, "record", True, "20", [], 255),
    ("RECRUITMENT", "occupation_before", "Nghề nghiệp khi được tuyển dụng", "TEXT", False, "record", True, "10", [], 255),
    ("RECRUITMENT", "recruitment_date", "Ngày tuyển dụng", "DATE", True, "employee.recruitment_date", False, "11", [], None),
    ("RECRUITMENT", "recruiting_agency", "Cơ quan tuyển dụng", "TEXT", False, "record", False, "11", [], 255),
    ("RECRUITMENT", "work_history", "Tóm tắt quá trình công tác", "TABLE", False, "table.assignments", False, "28", [], None),
    ("EDUCATION", "general_education", "Trình độ giáo dục phổ thông", "CHOICE", False, "record", True, "15.1", ["9/9", "10/10", "12/12"], None),
    ("EDUCATION", "education_level", "Trình độ chuyên môn cao nhất", "CHOICE", False, "employee.education_level", False, "15.2", [], None),
    ("EDUCATION", "political_theory_level", "Lý luận chính trị", "CHOICE", False, "employee.political_theory_level", False, "15.3", [], None),
    ("EDUCATION", "state_management_level", "Quản lý nhà nước", "CHOICE", False, "employee.state_management_level", False, "15.4", [], None),
    ("EDUCATION", "foreign_language", "Ngoại ngữ", "TEXT", False, "record", True, "15.5", [], 128),
    ("EDUCATION", "it_skill", "Tin học", "TEXT", False, "record", True, "15.6", [], 128),
    ("EDUCATION", "qualifications", "Đào tạo, bồi dưỡng", "TABLE", False, "table.qualifications", False, "27", [], None),
    ("WORK", "unit", "Cơ quan, đơn vị", "TEXT", True, "employee.unit", False, "", [], None),
    ("WORK", "position", "Chức vụ hiện tại", "TEXT", False, "employee.position", False, "12", [], None),
    ("WORK", "concurrent_positions", "Chức vụ kiêm nhiệm", "TEXT", False, "record", False, "12", [], 255),
    ("WORK", "main_duties", "Công việc chính được giao", "TEXT", False, "record", False, "13", [], 500),
    ("WORK", "rank", "Ngạch công chức, mã ngạch", "TEXT", False, "employee.rank", False, "14", [], None),
    ("WORK", "salary_coefficient", "Hệ số lương", "DECIMAL", False, "employee.salary_coefficient", False, "14", [], None),
    ("WORK", "highest_title", "Danh hiệu được phong cao nhất", "TEXT", False, "record", False, "19", [], 255),
    ("WORK", "position_holdings", "Vị trí việc làm", "TABLE", False, "table.position_holdings", False, "", [], None),
    ("WORK", "allowances", "Phụ cấp", "TABLE", False, "table.allowances", False, "14", [], None),
    ("WORK", "salary_history", "Diễn biến quá trình lương", "TABLE", False, "table.salary_records", False, "31", [], None),
    ("WORK", "ratings", "Kết quả đánh giá, xếp loại", "TABLE", False, "table.annual_ratings", False, "", [], None),
    ("WORK", "commendations", "Khen thưởng", "TABLE", False, "table.commendations", False, "21", [], None),
    ("WORK", "discipline", "Kỷ luật", "TABLE", False, "table.discipline", False, "22", [], None),
    ("POLITICAL", "party_joined_date", "Ngày vào Đảng Cộng sản Việt Nam", "DATE", False, "record", True, "16", [], None),
    ("POLITICAL", "party_official_date", "Ngày chính thức", "DATE", False, "record", True, "16", [], None),
    ("POLITICAL", "mass_organisation", "Tổ chức chính trị - xã hội tham gia", "TEXT", False, "record", True, "17", [], 255),
    ("POLITICAL", "mass_organisation_date", "Ngày tham gia tổ chức chính trị - xã hội", "DATE", False, "record", True, "17", [], None),
    ("MILITARY", "enlisted_date", "Ngày nhập ngũ", "DATE", False, "record", True, "18", [], None),
    ("MILITARY", "discharged_date", "Ngày xuất ngũ", "DATE", False, "record", True, "18", [], None),
    ("MILITARY", "military_rank", "Quân hàm cao nhất", "TEXT", False, "record", True, "18", [], 64),
    ("MILITARY", "war_invalid_grade", "Là thương binh hạng", "TEXT", False, "record", True, "24", [], 32),
    ("MILITARY", "policy_family", "Là con gia đình chính sách", "TEXT", False, "record", True, "24", [], 128),
    ("ASSETS", "annual_income", "Tổng thu nhập trong năm (đồng)", "INTEGER", False, "record", True, "", [], None),
    ("ASSETS", "declaration_year", "Năm kê khai tài sản, thu nhập", "INTEGER", False, "record", True, "", [], None),
    ("ASSETS", "assets_summary", "Tài sản có giá trị (nhà, đất, tài sản khác)", "TEXT", False, "record", True, "", [], 2000),
    ("HEALTH", "health_status", "Tình trạng sức khỏe", "TEXT", False, "record", True, "23", [], 128),
    ("HEALTH", "height_cm", "Chiều cao (cm)", "INTEGER", False, "record", True, "23", [], None),
    ("HEALTH", "weight_kg", "Cân nặng (kg)", "INTEGER", False, "record", True, "23", [], None),
    ("HEALTH", "blood_type", "Nhóm máu", "CHOICE", False, "record", True, "23", ["A", "B", "AB", "O"], None),
]


def load(apps, schema_editor):
    FieldDefinition = apps.get_model("dossier", "FieldDefinition")
    for order, (group, key, label, kind, required, source, self_service, item, options, max_length) in enumerate(
        FIELDS, start=1
    ):
        FieldDefinition.objects.create(
            instrument=INSTRUMENT,
            group=group,
            key=key,
            label_vi=label,
            value_type=kind,
            required=required,
            source=source,
            self_service=self_service,
            form_item=item,
            options=options,
            max_length=max_length,
            order=order * 10,
            valid_from=VALID_FROM,
        )


def unload(apps, schema_editor):
    apps.get_model("dossier", "FieldDefinition").objects.filter(instrument=INSTRUMENT).delete()


class Migration(migrations.Migration):
    dependencies = [("dossier", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
