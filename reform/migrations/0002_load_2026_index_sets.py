"""Load the 2026 reform index sets (departments; communes and wards) with their bands.

Modelled on Sơn La's provincial index (QĐ 1051/QĐ-UBND 2018, adapted to QĐ 876/QĐ-BNV and
the two-level local government): eight areas, 100 points, bands A ≥ 90, B 80–<90, C 70–<80,
D < 70; a head of a unit in band C or D may not be rated above HTNV. A new year is a new set.
"""

from decimal import Decimal

from django.db import migrations

YEAR = 2026
G, ALL, COMP = "GRADED", "ALL_OR_NOTHING", "COMPUTED"


def c(code, name, points, method=G, *, evidence=True, source="SELF", metric="", full_at=None, off=None, children=()):
    return {
        "code": code,
        "name": name,
        "max_points": Decimal(points),
        "scoring_method": method,
        "evidence_required": evidence and source == "SELF" and method != COMP,
        "source": source,
        "computed_metric": metric,
        "full_points_at_pct": Decimal(full_at) if full_at else None,
        "points_off_per_count": Decimal(off) if off else None,
        "children": children,
    }


def civil_service(prefix, first, second):
    """The civil-service-regime area: two judged criteria and four computed from the system's data."""
    return [
        c(f"{prefix}.1", first[0], first[1]),
        c(f"{prefix}.2", second[0], second[1]),
        c(f"{prefix}.3", "Tỷ lệ cán bộ, công chức, viên chức được đánh giá, xếp loại chất lượng đúng thời hạn",
          "2.5", COMP, metric="EVAL_ON_TIME_PCT", full_at="100"),
        c(f"{prefix}.4", "Tỷ lệ công chức hoàn thành tối thiểu 40 tiết bồi dưỡng trong năm",
          "2.5", COMP, metric="TRAINING_COMPLIANT_PCT", full_at="90"),
        c(f"{prefix}.5", "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kiến thức cải cách hành chính",
          "2", COMP, metric="REFORM_TRAINED_PCT", full_at="80"),
        c(f"{prefix}.6", "Kỷ luật, kỷ cương hành chính (trừ điểm theo số người bị kỷ luật trong năm)",
          "3", COMP, metric="DISCIPLINED_COUNT", off="1"),
    ]


DEPARTMENTS = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", [
        c("1.1", "Kế hoạch cải cách hành chính năm", "2.5", children=[
            c("1.1.1", "Ban hành kế hoạch cải cách hành chính năm kịp thời", "1", ALL),
            c("1.1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính", "1.5"),
        ]),
        c("1.2", "Báo cáo cải cách hành chính định kỳ đầy đủ, đúng hạn", "1.5"),
        c("1.3", "Kiểm tra công tác cải cách hành chính tại các đơn vị trực thuộc", "2"),
        c("1.4", "Tuyên truyền cải cách hành chính", "2"),
        c("1.5", "Sáng kiến, giải pháp mới trong cải cách hành chính", "2"),
        c("1.6", "Thực hiện nhiệm vụ UBND tỉnh giao về cải cách hành chính", "2"),
    ]),
    ("2", "Cải cách thể chế", [
        c("2.1", "Tham mưu xây dựng văn bản quy phạm pháp luật thuộc lĩnh vực quản lý", "3"),
        c("2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "3"),
        c("2.3", "Theo dõi thi hành pháp luật", "3"),
    ]),
    ("3", "Cải cách thủ tục hành chính", [
        c("3.1", "Công bố, công khai thủ tục hành chính đúng quy định", "3"),
        c("3.2", "Rà soát, đơn giản hóa thủ tục hành chính", "2.5"),
        c("3.3", "Thực hiện cơ chế một cửa, một cửa liên thông", "4", children=[
            c("3.3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "2.5"),
            c("3.3.2", "Xin lỗi người dân, tổ chức đối với hồ sơ trễ hạn", "1.5"),
        ]),
        c("3.4", "Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính", "2"),
        c("3.5", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "2.5"),
    ]),
    ("4", "Cải cách tổ chức bộ máy hành chính nhà nước", [
        c("4.1", "Sắp xếp tổ chức bộ máy theo quy định", "3"),
        c("4.2", "Thực hiện quy định về số lượng cấp phó", "2", ALL),
        c("4.3", "Quản lý, sử dụng biên chế được giao", "3"),
        c("4.4", "Thực hiện phân cấp, ủy quyền", "2"),
    ]),
    ("5", "Cải cách chế độ công vụ", civil_service(
        "5",
        ("Quản lý vị trí việc làm, cơ cấu ngạch công chức", "2.5"),
        ("Tuyển dụng, nâng ngạch, bổ nhiệm theo đúng quy định", "2.5"),
    )),
    ("6", "Cải cách tài chính công", [
        c("6.1", "Thực hiện dự toán ngân sách được giao", "3"),
        c("6.2", "Thực hiện cơ chế tự chủ tài chính", "3"),
        c("6.3", "Công khai ngân sách; thực hiện kết luận thanh tra, kiểm toán", "3"),
    ]),
    ("7", "Xây dựng, phát triển chính quyền điện tử, chính quyền số", [
        c("7.1", "Gửi, nhận văn bản điện tử có ký số", "3"),
        c("7.2", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", "4"),
        c("7.3", "Cập nhật cơ sở dữ liệu chuyên ngành", "3"),
        c("7.4", "Áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015", "3", ALL),
    ]),
    ("8", "Tác động của cải cách hành chính đến người dân, tổ chức", [
        c("8.1", "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ (SIPAS)", "10", source="SURVEY"),
        c("8.2", "Đánh giá của lãnh đạo, quản lý về công tác cải cách hành chính của đơn vị", "8", source="SURVEY"),
    ]),
]

COMMUNES = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", [
        c("1.1", "Kế hoạch cải cách hành chính năm", "2.5", children=[
            c("1.1.1", "Ban hành kế hoạch cải cách hành chính năm kịp thời", "1", ALL),
            c("1.1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính", "1.5"),
        ]),
        c("1.2", "Báo cáo cải cách hành chính định kỳ đầy đủ, đúng hạn", "1.5"),
        c("1.3", "Tuyên truyền cải cách hành chính", "2"),
        c("1.4", "Thực hiện nhiệm vụ UBND tỉnh giao về cải cách hành chính", "2"),
        c("1.5", "Sáng kiến, giải pháp mới trong cải cách hành chính", "2"),
    ]),
    ("2", "Cải cách thể chế", [
        c("2.1", "Ban hành văn bản quy phạm pháp luật theo thẩm quyền", "3"),
        c("2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "2"),
        c("2.3", "Theo dõi thi hành pháp luật", "2"),
    ]),
    ("3", "Cải cách thủ tục hành chính", [
        c("3.1", "Công khai thủ tục hành chính tại Bộ phận một cửa và trên cổng thông tin", "3"),
        c("3.2", "Hoạt động của Bộ phận một cửa cấp xã", "5", children=[
            c("3.2.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "3"),
            c("3.2.2", "Xin lỗi người dân, tổ chức đối với hồ sơ trễ hạn", "2"),
        ]),
        c("3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính", "2"),
        c("3.4", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "3"),
        c("3.5", "Tiếp nhận hồ sơ không phụ thuộc địa giới hành chính", "4"),
    ]),
    ("4", "Cải cách tổ chức bộ máy hành chính nhà nước", [
        c("4.1", "Sắp xếp tổ chức bộ máy sau hợp nhất đơn vị hành chính", "3"),
        c("4.2", "Quản lý, sử dụng biên chế được giao", "3"),
        c("4.3", "Ban hành và thực hiện quy chế làm việc", "2", ALL),
    ]),
    ("5", "Cải cách chế độ công vụ", civil_service(
        "5",
        ("Quản lý vị trí việc làm của cán bộ, công chức cấp xã", "2"),
        ("Bố trí công chức theo đúng vị trí việc làm, tiêu chuẩn chức danh", "2"),
    )),
    ("6", "Cải cách tài chính công", [
        c("6.1", "Thực hiện dự toán ngân sách được giao", "3"),
        c("6.2", "Thực hiện thu ngân sách trên địa bàn", "3"),
        c("6.3", "Công khai ngân sách theo quy định", "2"),
    ]),
    ("7", "Xây dựng, phát triển chính quyền điện tử, chính quyền số", [
        c("7.1", "Gửi, nhận văn bản điện tử có ký số", "3"),
        c("7.2", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", "4"),
        c("7.3", "Tỷ lệ thanh toán trực tuyến phí, lệ phí", "3"),
        c("7.4", "Sử dụng định danh và xác thực điện tử (VNeID) trong giải quyết thủ tục", "2"),
        c("7.5", "Áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015", "2", ALL),
    ]),
    ("8", "Tác động của cải cách hành chính đến người dân, tổ chức", [
        c("8.1", "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ (SIPAS)", "12", source="SURVEY"),
        c("8.2", "Đánh giá của người dân về công khai, minh bạch tại cấp xã", "5", source="SURVEY"),
        c("8.3", "Đánh giá của lãnh đạo, quản lý về công tác cải cách hành chính của xã", "5", source="SURVEY"),
    ]),
]

BANDS = [
    ("A", "Nhóm A", "90", ""),
    ("B", "Nhóm B", "80", ""),
    ("C", "Nhóm C", "70", "HTNV"),
    ("D", "Nhóm D", "0", "HTNV"),
]

SETS = [
    ("SO", "Bộ chỉ số CCHC năm 2026 của các sở, ban, ngành tỉnh Sơn La", DEPARTMENTS),
    ("XA", "Bộ chỉ số CCHC năm 2026 của UBND các xã, phường tỉnh Sơn La", COMMUNES),
]


def _criteria(Criterion, area, items, parent=None):
    for order, original in enumerate(items, start=1):
        item = dict(original)
        children = item.pop("children")
        if children:
            item.update(scoring_method="GRADED", evidence_required=False, source="SELF", computed_metric="")
        criterion = Criterion.objects.create(area=area, parent=parent, order=order, is_leaf=not children, **item)
        _criteria(Criterion, area, children, parent=criterion)


def load(apps, schema_editor):
    IndexSet = apps.get_model("reform", "IndexSet")
    IndexArea = apps.get_model("reform", "IndexArea")
    Criterion = apps.get_model("reform", "IndexCriterion")
    Band = apps.get_model("reform", "Band")
    for level, name, areas in SETS:
        index_set = IndexSet.objects.create(
            year=YEAR,
            target_level=level,
            name=name,
            legal_basis="Kế hoạch CCHC tỉnh Sơn La 2021–2030 (QĐ 2407/QĐ-UBND); QĐ 876/QĐ-BNV",
            max_points=Decimal("100"),
        )
        for order, (code, area_name, items) in enumerate(areas, start=1):
            points = sum(item["max_points"] for item in items)
            area = IndexArea.objects.create(
                index_set=index_set, code=code, name=area_name, order=order, max_points=points
            )
            _criteria(Criterion, area, items)
        for code, band_name, floor, cap in BANDS:
            Band.objects.create(
                index_set=index_set, code=code, name=band_name, min_pct=Decimal(floor), head_rating_cap=cap
            )


def unload(apps, schema_editor):
    IndexSet = apps.get_model("reform", "IndexSet")
    Criterion = apps.get_model("reform", "IndexCriterion")
    sets = IndexSet.objects.filter(year=YEAR)
    apps.get_model("reform", "Band").objects.filter(index_set__in=sets).delete()
    Criterion.objects.filter(area__index_set__in=sets, parent__isnull=False).delete()
    Criterion.objects.filter(area__index_set__in=sets).delete()
    apps.get_model("reform", "IndexArea").objects.filter(index_set__in=sets).delete()
    sets.delete()


class Migration(migrations.Migration):
    dependencies = [("reform", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
