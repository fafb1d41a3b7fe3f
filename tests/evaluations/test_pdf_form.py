"""The printed evaluation form: Vietnamese text, layout per regime, check boxes, same bytes, ZIP of many."""

import dataclasses
import io
import re
import unicodedata
import zipfile
from datetime import date
from decimal import Decimal

import pypdf
import pytest

from evaluations.pdf_form import (
    EvaluationForm,
    FormCriterion,
    format_date_line,
    format_points,
    render_evaluation_html,
    render_evaluation_pdf,
    render_forms_zip,
)
from hr.models import RatingLevel
from tests.backend.test_pdf import assert_only_dejavu

NAMES = ["Lò Thị Hương", "Nguyễn Đức Thắng", "Cầm Văn Ướt", "Quàng Thị Ỵ"]
LABELS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}
CRITERIA = (
    FormCriterion("Chính trị tư tưởng, đạo đức, lối sống", Decimal("10"), Decimal("9.5"), Decimal("9"), Decimal("9")),
    FormCriterion("Đổi mới, sáng tạo, dám nghĩ, dám làm", Decimal("20"), Decimal("18"), None, Decimal("17.25")),
    FormCriterion("Số lượng, chất lượng, tiến độ sản phẩm", Decimal("70"), Decimal("63.50"), Decimal("62"), None),
)


def make_form(**overrides) -> EvaluationForm:
    values = {
        "regime": "ND335",
        "agency_name": "Sở Nội vụ tỉnh Sơn La",
        "unit_name": "Phòng Công chức, viên chức",
        "year": 2026,
        "full_name": "Lò Thị Hương",
        "position_title": "Chuyên viên chính",
        "category_label": "CÔNG CHỨC",
        "general_score": Decimal("27.50"),
        "task_score": Decimal("62"),
        "total_score": Decimal("89.50"),
    }
    values.update(overrides)
    return EvaluationForm(**values)


def text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def lines_of(data: bytes) -> list[str]:
    return [line.strip() for line in text_of(data).splitlines() if line.strip()]


def boxes(text: str) -> list[tuple[str, str]]:
    """(mark, label) of every check box, in the order printed."""
    return re.findall(
        r"([☐☒]) (Hoàn thành xuất sắc nhiệm vụ|Hoàn thành tốt nhiệm vụ|Hoàn thành nhiệm vụ|"
        r"Không hoàn thành nhiệm vụ)",
        text,
    )


class VietnameseTextTests:
    @pytest.mark.parametrize("name", NAMES)
    def test_names_full_of_diacritics_come_back_exactly(self, name):
        data = render_evaluation_pdf(make_form(full_name=name, decided_by_name=name))
        lines = lines_of(data)
        assert f"Họ và tên: {name}" in lines
        # Printed again under both signatures.
        assert sum(line.count(name) for line in lines) >= 3
        assert_only_dejavu(data)

    def test_every_font_of_every_regime_is_the_shipped_dejavu(self):
        for form in (
            make_form(criteria=CRITERIA, self_rating="HTTNV", final_rating="HTTNV"),
            make_form(regime="ND233", category_label="VIÊN CHỨC"),
            make_form(regime="ND90", general_score=None, task_score=None, total_score=None),
        ):
            assert_only_dejavu(render_evaluation_pdf(form))

    def test_user_text_is_escaped_not_interpreted(self):
        form = make_form(full_name="Lò <b>Hương</b> & Co", authority_comment='<img src="/etc/passwd">')
        assert "Lò &lt;b&gt;Hương&lt;/b&gt; &amp; Co" in render_evaluation_html(form)
        text = text_of(render_evaluation_pdf(form))
        assert "Họ và tên: Lò <b>Hương</b> & Co" in text
        assert '<img src="/etc/passwd">' in text


class NewRegimeLayoutTests:
    def test_title_header_identity_and_sections_of_the_cong_chuc_form(self):
        lines = lines_of(render_evaluation_pdf(make_form(criteria=CRITERIA)))
        for expected in [
            "SỞ NỘI VỤ TỈNH SƠN LA",
            "PHÒNG CÔNG CHỨC, VIÊN CHỨC",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "PHIẾU XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC",
            "Năm 2026",
            "Họ và tên: Lò Thị Hương",
            "Chức vụ, chức danh: Chuyên viên chính",
            "Đơn vị công tác: Phòng Công chức, viên chức, Sở Nội vụ tỉnh Sơn La",
            "I. TỔNG HỢP KẾT QUẢ THEO DÕI, ĐÁNH GIÁ",
            "II. CÔNG CHỨC TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
            "III. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC CỦA CẤP CÓ THẨM QUYỀN",
            "CÔNG CHỨC TỰ XẾP LOẠI",
            "CẤP CÓ THẨM QUYỀN XẾP LOẠI",
        ]:
            assert expected in lines, expected
        text = " ".join(lines)
        assert "IV. Ý KIẾN NHẬN XÉT CỦA CẤP CÓ THẨM QUYỀN VÀ ĐỀ XUẤT PHƯƠNG ÁN XỬ LÝ" in text
        assert "Nghị định số 335/2025/NĐ-CP" in text

    def test_scores_are_printed_with_a_decimal_comma(self):
        text = " ".join(lines_of(render_evaluation_pdf(make_form())))
        assert "tiêu chí chung (tối đa 30 điểm): 27,5 điểm" in text
        assert "(tối đa 70 điểm): 62 điểm" in text
        assert "Tổng điểm (tối đa 100 điểm): 89,5 điểm" in text

    def test_unknown_scores_are_left_as_dots(self):
        text = " ".join(lines_of(render_evaluation_pdf(make_form(task_score=None, total_score=None))))
        assert "(tối đa 70 điểm): …… điểm" in text
        assert "Tổng điểm (tối đa 100 điểm): …… điểm" in text

    def test_criteria_table_has_its_columns_and_one_row_per_criterion(self):
        lines = lines_of(render_evaluation_pdf(make_form(criteria=CRITERIA)))
        text = " ".join(lines)
        for header in ("TT", "Tiêu chí", "Điểm tối đa", "Cá nhân tự chấm", "Quản lý trực tiếp", "Cấp có thẩm quyền"):
            assert header in text, header
        assert "Chính trị tư tưởng, đạo đức, lối sống 10 9,5 9 9" in text
        assert "Đổi mới, sáng tạo, dám nghĩ, dám làm 20 18 17,25" in text
        assert "Số lượng, chất lượng, tiến độ sản phẩm 70 63,5 62" in text

    def test_no_criteria_no_table(self):
        text = " ".join(lines_of(render_evaluation_pdf(make_form())))
        assert "Chi tiết điểm theo tiêu chí" not in text
        assert "Cá nhân tự chấm" not in text

    def test_vien_chuc_form_of_nd233(self):
        form = make_form(regime="ND233", category_label="VIÊN CHỨC", agency_name="Sở Y tế", unit_name="Sở Y tế")
        lines = lines_of(render_evaluation_pdf(form))
        for expected in [
            "Phụ lục II – Nghị định số 233/2026/NĐ-CP",
            "SỞ Y TẾ",
            "PHIẾU XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
            "II. VIÊN CHỨC TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
            "III. KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC CỦA CẤP CÓ THẨM QUYỀN",
            "VIÊN CHỨC TỰ XẾP LOẠI",
            "Đơn vị công tác: Sở Y tế",
        ]:
            assert expected in lines, expected
        assert "Điều 16 Nghị định số 233/2026/NĐ-CP" in " ".join(lines)

    def test_comments_and_handling_proposal_are_printed_with_their_line_breaks(self):
        form = make_form(
            self_comment="Hoàn thành đúng tiến độ.\nTích cực chuyển đổi số.",
            manager_comment="Đồng ý với tự đánh giá.",
            authority_comment="Cần nâng cao chất lượng tham mưu.",
            handling_proposal="Bố trí tham gia lớp bồi dưỡng kỹ năng.",
        )
        lines = lines_of(render_evaluation_pdf(form))
        for expected in [
            "Hoàn thành đúng tiến độ.",
            "Tích cực chuyển đổi số.",
            "Đồng ý với tự đánh giá.",
            "Cần nâng cao chất lượng tham mưu.",
            "Bố trí tham gia lớp bồi dưỡng kỹ năng.",
        ]:
            assert expected in lines, expected


class CheckBoxTests:
    @pytest.mark.parametrize("self_rating", RatingLevel.values)
    def test_the_self_rating_box_alone_is_checked_in_section_ii(self, self_rating):
        text = text_of(render_evaluation_pdf(make_form(self_rating=self_rating)))
        printed = boxes(text)
        assert len(printed) == 8
        section_ii, section_iii = printed[:4], printed[4:]
        assert section_ii == [("☒" if level == self_rating else "☐", LABELS[level]) for level in RatingLevel.values]
        assert all(mark == "☐" for mark, _ in section_iii)

    @pytest.mark.parametrize("final_rating", RatingLevel.values)
    def test_the_final_rating_box_alone_is_checked_in_section_iii(self, final_rating):
        text = text_of(render_evaluation_pdf(make_form(self_rating="HTXSNV", final_rating=final_rating)))
        section_iii = boxes(text)[4:]
        assert section_iii == [("☒" if level == final_rating else "☐", LABELS[level]) for level in RatingLevel.values]

    def test_no_rating_no_checked_box(self):
        text = text_of(render_evaluation_pdf(make_form()))
        assert "☒" not in text
        assert text.count("☐") == 8


class SignatureAndVersionTests:
    def test_known_dates_fill_the_signature_lines(self):
        form = make_form(
            place_name="Sơn La",
            self_signed_on=date(2026, 12, 5),
            decided_on=date(2026, 2, 14),
            decided_by_name="Nguyễn Đức Thắng",
        )
        text = " ".join(lines_of(render_evaluation_pdf(form)))
        assert "Sơn La, ngày 05 tháng 12 năm 2026" in text
        assert "Ngày 14 tháng 02 năm 2026" in text
        assert "Nguyễn Đức Thắng" in text

    def test_unknown_dates_are_left_to_fill_by_hand(self):
        text = " ".join(lines_of(render_evaluation_pdf(make_form())))
        assert "……, ngày …… tháng …… năm ……" in text
        assert "Ngày …… tháng …… năm ……" in text

    def test_first_version_footer(self):
        text = " ".join(lines_of(render_evaluation_pdf(make_form())))
        assert "Phiên bản 1" in text
        assert "Trang 1 / " in text
        assert "điều chỉnh" not in text

    def test_amended_form_says_what_it_replaces(self):
        text = " ".join(lines_of(render_evaluation_pdf(make_form(version=3, amended_from_version=2))))
        assert "(Phiếu điều chỉnh, thay thế phiên bản 2)" in text
        assert "Phiên bản 3 – Phiếu điều chỉnh, thay thế phiên bản 2" in text


class OldRegimeTests:
    def form(self, **overrides):
        values = {
            "regime": "ND90",
            "year": 2025,
            "agency_name": "UBND xã Mường Bám",
            "unit_name": "UBND xã Mường Bám",
            "full_name": "Cầm Văn Ướt",
            "general_score": None,
            "task_score": None,
            "total_score": None,
            "self_rating": "HTTNV",
            "final_rating": "KHTNV",
            "self_comment": "Ưu điểm: chấp hành tốt chủ trương, chính sách.",
            "manager_comment": "Thống nhất nhận xét.",
            "authority_comment": "Bị kỷ luật khiển trách trong năm đánh giá.",
            "decided_by_name": "Hoàng Văn Đạt",
        }
        values.update(overrides)
        return make_form(**values)

    def test_sections_i_to_iv_of_mau_02(self):
        lines = lines_of(render_evaluation_pdf(self.form()))
        for expected in [
            "Mẫu số 02 – Nghị định số 90/2020/NĐ-CP",
            "UBND XÃ MƯỜNG BÁM",
            "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC",
            "Năm 2025",
            "Cơ quan, tổ chức, đơn vị công tác: UBND xã Mường Bám",
            "I. KẾT QUẢ TỰ ĐÁNH GIÁ",
            "1. Chính trị tư tưởng",
            "5. Kết quả thực hiện chức trách, nhiệm vụ được giao",
            "PHẦN DÀNH CHO CÔNG CHỨC LÃNH ĐẠO, QUẢN LÝ:",
            "8. Năng lực lãnh đạo, quản lý",
            "II. TỰ NHẬN XÉT, XẾP LOẠI CHẤT LƯỢNG",
            "1. Tự nhận xét ưu, khuyết điểm:",
            "Ưu điểm: chấp hành tốt chủ trương, chính sách.",
            "NGƯỜI TỰ NHẬN XÉT",
            "III. Ý KIẾN NHẬN XÉT, ĐÁNH GIÁ",
            "Thống nhất nhận xét.",
            "NGƯỜI NHẬN XÉT, ĐÁNH GIÁ",
            "IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC",
            "Bị kỷ luật khiển trách trong năm đánh giá.",
            "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ",
            "Hoàng Văn Đạt",
        ]:
            assert expected in lines, expected
        text = " ".join(lines)
        assert "điểm" not in text.replace("Ưu điểm", "").replace("khuyết điểm", "")
        assert "PHIẾU XẾP LOẠI CHẤT LƯỢNG" not in text

    def test_self_and_authority_ratings_are_checked(self):
        printed = boxes(text_of(render_evaluation_pdf(self.form())))
        assert [label for mark, label in printed if mark == "☒"] == [LABELS["HTTNV"], LABELS["KHTNV"]]

    def test_given_criteria_replace_the_standard_items(self):
        criteria = tuple(FormCriterion(label, None, None, None, None) for label in ("Chính trị", "Đạo đức"))
        lines = lines_of(render_evaluation_pdf(self.form(criteria=criteria)))
        assert "1. Chính trị" in lines
        assert "2. Đạo đức" in lines
        assert "8. Năng lực lãnh đạo, quản lý" not in lines

    def test_scored_criteria_are_printed_as_a_table(self):
        text = " ".join(lines_of(render_evaluation_pdf(self.form(criteria=CRITERIA))))
        assert "Cá nhân tự chấm" in text
        assert "Chính trị tư tưởng, đạo đức, lối sống 10 9,5 9 9" in text

    def test_can_bo_and_vien_chuc_use_their_own_form_numbers(self):
        can_bo = " ".join(lines_of(render_evaluation_pdf(self.form(category_label="CÁN BỘ"))))
        assert "Mẫu số 01" in can_bo
        assert "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ" in can_bo
        vien_chuc = " ".join(lines_of(render_evaluation_pdf(self.form(category_label="VIÊN CHỨC"))))
        assert "Mẫu số 03" in vien_chuc


class DeterminismTests:
    def test_two_renders_give_identical_bytes(self):
        form = make_form(criteria=CRITERIA, self_rating="HTXSNV", final_rating="HTTNV", decided_on=date(2026, 12, 1))
        assert render_evaluation_pdf(form) == render_evaluation_pdf(dataclasses.replace(form))

    def test_a_changed_field_changes_the_bytes(self):
        form = make_form(final_rating="HTTNV")
        assert render_evaluation_pdf(form) != render_evaluation_pdf(dataclasses.replace(form, final_rating="HTNV"))


class ValidationTests:
    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"regime": "ND56"}, "Unknown evaluation regime"),
            ({"category_label": "Công chức"}, "Unknown category label"),
            ({"self_rating": "EXCELLENT"}, "self_rating"),
            ({"final_rating": "htnv"}, "final_rating"),
            ({"version": 0}, "version must be at least 1"),
            ({"version": 2, "amended_from_version": 2}, "amended_from_version"),
            ({"criteria": list(CRITERIA)}, "criteria must be a tuple"),
        ],
    )
    def test_a_form_that_cannot_be_printed_is_refused(self, overrides, message):
        with pytest.raises(ValueError, match=message):
            make_form(**overrides)

    def test_forms_are_immutable(self):
        with pytest.raises(dataclasses.FrozenInstanceError):
            make_form().full_name = "X"


class FormattingTests:
    @pytest.mark.parametrize(
        ("value", "printed"),
        [
            (Decimal("27.50"), "27,5"),
            (Decimal("30"), "30"),
            (Decimal("30.00"), "30"),
            (Decimal("100"), "100"),
            (Decimal("0"), "0"),
            (Decimal("23.33"), "23,33"),
            (None, "……"),
        ],
    )
    def test_points(self, value, printed):
        assert format_points(value) == printed

    def test_date_lines(self):
        assert format_date_line("Sơn La", date(2026, 1, 9)) == "Sơn La, ngày 09 tháng 01 năm 2026"
        assert format_date_line("Sơn La", date(2026, 11, 20)) == "Sơn La, ngày 20 tháng 11 năm 2026"
        assert format_date_line("", date(2026, 3, 1)) == "……, ngày 01 tháng 3 năm 2026"
        assert format_date_line(None, date(2026, 2, 1)) == "Ngày 01 tháng 02 năm 2026"
        assert format_date_line(None, None) == "Ngày …… tháng …… năm ……"


class FormsZipTests:
    def test_zip_holds_one_valid_pdf_per_form_under_its_vietnamese_name(self):
        items = [(f"{name} – 2026.pdf", make_form(full_name=name)) for name in NAMES]
        data = render_forms_zip(items)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            infos = archive.infolist()
            assert [info.filename for info in infos] == [f"{name} – 2026.pdf" for name in NAMES]
            for info, name in zip(infos, NAMES, strict=True):
                assert info.flag_bits & 0x800, "UTF-8 name flag"
                pdf = archive.read(info)
                assert pdf.startswith(b"%PDF-")
                assert f"Họ và tên: {name}" in lines_of(pdf)
                assert pdf == render_evaluation_pdf(make_form(full_name=name))

    def test_names_are_made_safe_unique_and_pdf(self):
        form = make_form()
        items = [
            ("../../etc/Lò Thị Hương", form),
            ("Lò Thị Hương.pdf", form),
            ("lò thị hương.PDF", form),
            ("", form),
            ("a\\b:c\x00d", form),
            ("Cầm Văn Ướt.pdf", form),
        ]
        with zipfile.ZipFile(io.BytesIO(render_forms_zip(items))) as archive:
            assert archive.namelist() == [
                "_.._etc_Lò Thị Hương.pdf",
                "Lò Thị Hương.pdf",
                "lò thị hương (2).pdf",
                "phieu-danh-gia.pdf",
                "a_b_c_d.pdf",
                "Cầm Văn Ướt.pdf",
            ]

    def test_decomposed_unicode_names_are_normalised(self):
        decomposed = unicodedata.normalize("NFD", "Quàng Thị Ỵ.pdf")
        assert decomposed != "Quàng Thị Ỵ.pdf"
        with zipfile.ZipFile(io.BytesIO(render_forms_zip([(decomposed, make_form())]))) as archive:
            assert archive.namelist() == ["Quàng Thị Ỵ.pdf"]

    def test_empty_batch_is_an_empty_zip(self):
        with zipfile.ZipFile(io.BytesIO(render_forms_zip([]))) as archive:
            assert archive.namelist() == []
