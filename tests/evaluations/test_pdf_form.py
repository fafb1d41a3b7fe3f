"""The printed evaluation form: serif Vietnamese text, layout per regime, draft mark, page numbers, same bytes, ZIP."""

import copy
import dataclasses
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date
from decimal import Decimal

import pypdf
import pytest
from django.utils import translation
from reportlab.pdfbase import pdfmetrics

from backend.pdf.fonts import BOLD, ITALIC, REGULAR, SYMBOL
from evaluations.pdf_form import (
    EvaluationForm,
    FormCriterion,
    authority_points,
    format_date_line,
    format_points,
    render_evaluation_html,
    render_evaluation_pdf,
    render_forms_zip,
    unit_own_name,
)
from hr.models import RatingLevel
from tests.backend.test_pdf import ROOT, assert_only_shipped_fonts, text_by_font

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
        assert_only_shipped_fonts(data)

    def test_every_font_of_every_regime_is_the_shipped_serif(self):
        for form in (
            make_form(criteria=CRITERIA, self_rating="HTTNV", final_rating="HTTNV"),
            make_form(regime="ND233", category_label="VIÊN CHỨC"),
            make_form(regime="ND90", general_score=None, task_score=None, total_score=None),
        ):
            assert_only_shipped_fonts(render_evaluation_pdf(form))

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
        # Each text follows its label on the label's line; a line break in the text starts a new line.
        for expected in [
            "Tự nhận xét: Hoàn thành đúng tiến độ.",
            "Tích cực chuyển đổi số.",
            "Ý kiến của người quản lý trực tiếp: Đồng ý với tự đánh giá.",
            "Nhận xét của cấp có thẩm quyền: Cần nâng cao chất lượng tham mưu.",
            "Đề xuất phương án xử lý: Bố trí tham gia lớp bồi dưỡng kỹ năng.",
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


def typical_decided_form(**overrides) -> EvaluationForm:
    """A decided công chức form as a unit prints it at year end: six scored criteria, comments, both signatures."""
    rows = [
        ("Chính trị tư tưởng, đạo đức, lối sống, ý thức kỷ luật", "10", "9.5", "9", None),
        ("Năng lực chuyên môn, nghiệp vụ; tinh thần trách nhiệm", "10", "9", "9", "8.5"),
        ("Đổi mới, sáng tạo, dám nghĩ, dám làm", "10", "8", None, None),
        ("Số lượng sản phẩm, công việc đã quy đổi", "23.33", None, None, "22"),
        ("Chất lượng sản phẩm, công việc", "23.33", None, None, "20"),
        ("Tiến độ hoàn thành", "23.34", None, None, "21"),
    ]
    criteria = tuple(
        FormCriterion(label, *(None if p is None else Decimal(p) for p in points)) for label, *points in rows
    )
    values = {
        "criteria": criteria,
        "general_score": Decimal("25.5"),
        "task_score": Decimal("63"),
        "total_score": Decimal("88.5"),
        "self_rating": "HTXSNV",
        "final_rating": "HTTNV",
        "self_comment": "Hoàn thành đầy đủ, đúng tiến độ các nhiệm vụ được giao.\nTích cực tham gia chuyển đổi số.",
        "manager_comment": "Đồng ý với kết quả tự đánh giá; cần nâng cao chất lượng tham mưu.",
        "authority_comment": "Có phẩm chất chính trị tốt; một số văn bản tham mưu còn chậm tiến độ.",
        "self_signed_on": date(2026, 12, 5),
        "decided_on": date(2026, 12, 14),
        "decided_by_name": "Nguyễn Đức Thắng",
        "place_name": "Sơn La",
    }
    values.update(overrides)
    return make_form(**values)


def page_lines(data: bytes) -> list[list[str]]:
    return [
        [line.strip() for line in p.extract_text().splitlines() if line.strip()]
        for p in pypdf.PdfReader(io.BytesIO(data)).pages
    ]


def page_of(pages: list[list[str]], wanted: str) -> int:
    found = [number for number, lines in enumerate(pages) if any(wanted in line for line in lines)]
    assert len(found) == 1, (wanted, found)
    return found[0]


class SerifFontTests:
    def test_the_text_is_set_in_liberation_serif_and_only_the_boxes_in_dejavu(self):
        data = render_evaluation_pdf(typical_decided_form())
        assert_only_shipped_fonts(data)
        drawn = text_by_font(data)
        assert "Họ và tên:" in drawn[REGULAR]
        assert "PHIẾU XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC" in drawn[BOLD]
        # Date lines are italic, as NĐ 30/2020 sets them.
        assert "Sơn La, ngày 05 tháng 12 năm 2026" in drawn[ITALIC]
        assert "".join(drawn[SYMBOL].split()) == "☒☐☐☐" + "☐☒☐☐"  # self: HTXSNV; authority: HTTNV

    def test_diacritics_come_back_in_every_face(self):
        form = typical_decided_form(full_name="Quàng Thị Ỵ", decided_by_name="Cầm Văn Ướt", place_name="Mường Ảng")
        text = text_of(render_evaluation_pdf(form))
        for expected in ("Họ và tên: Quàng Thị Ỵ", "Cầm Văn Ướt", "Mường Ảng, ngày 05 tháng 12 năm 2026", "Độc lập"):
            assert expected in text, expected


class DraftMarkTests:
    @pytest.mark.parametrize("regime", ["ND335", "ND233", "ND90"])
    def test_a_form_not_yet_decided_is_a_draft(self, regime):
        form = typical_decided_form(regime=regime, decided_on=None, decided_by_name="", final_rating=None)
        assert not form.is_decided
        lines = lines_of(render_evaluation_pdf(form))
        assert lines.count("DỰ THẢO") == 1
        assert any(line.endswith("– Dự thảo") and "Phiên bản 1" in line for line in lines)

    @pytest.mark.parametrize("regime", ["ND335", "ND233", "ND90"])
    def test_a_decided_form_is_not(self, regime):
        form = typical_decided_form(regime=regime)
        assert form.is_decided
        text = text_of(render_evaluation_pdf(form))
        assert "DỰ THẢO" not in text.upper()


class AuthorityColumnTests:
    def authority_cells(self, data: bytes) -> dict[str, str]:
        """The last number of each criterion row, keyed by the row's label."""
        text = " ".join(lines_of(data))
        labels = [criterion.label for criterion in typical_decided_form().criteria]
        ends = [*labels[1:], "II. "]
        found = {}
        for number, (label, end) in enumerate(zip(labels, ends, strict=True), start=1):
            row = text[text.index(label) + len(label) : text.index(end)].split()
            if end != "II. ":
                assert row.pop() == str(number + 1)  # the next row's number
            found[label] = row
        return found

    def test_every_criterion_of_a_decided_form_has_the_authoritys_points(self):
        cells = self.authority_cells(render_evaluation_pdf(typical_decided_form()))
        # max, self, manager, authority: the authority adopted the latest reviewer's points
        # wherever it gave none of its own, as the decided total counted them.
        assert cells == {
            "Chính trị tư tưởng, đạo đức, lối sống, ý thức kỷ luật": ["10", "9,5", "9", "9"],
            "Năng lực chuyên môn, nghiệp vụ; tinh thần trách nhiệm": ["10", "9", "9", "8,5"],
            "Đổi mới, sáng tạo, dám nghĩ, dám làm": ["10", "8", "8"],
            "Số lượng sản phẩm, công việc đã quy đổi": ["23,33", "22"],
            "Chất lượng sản phẩm, công việc": ["23,33", "20"],
            "Tiến độ hoàn thành": ["23,34", "21"],
        }

    def test_the_column_is_filled_in_its_own_place(self):
        """Each row's last figure stands in the authority's column, under its header."""
        data = render_evaluation_pdf(typical_decided_form())
        header_x = None
        figures: list[tuple[float, str]] = []

        def visit(text, cm, tm, _font, _size):
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            nonlocal header_x
            if text.strip() == "Cấp có":
                header_x = x
            elif re.fullmatch(r"[\d,]+", text.strip()):
                figures.append((x, text.strip()))

        pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
        assert header_x is not None
        column = [value for x, value in figures if header_x - 10 < x < header_x + 40]
        assert column == ["9", "8,5", "8", "22", "20", "21"]

    def test_before_the_decision_only_the_authoritys_own_points_are_printed(self):
        form = typical_decided_form(decided_on=None, final_rating=None, decided_by_name="")
        cells = self.authority_cells(render_evaluation_pdf(form))
        assert cells["Chính trị tư tưởng, đạo đức, lối sống, ý thức kỷ luật"] == ["10", "9,5", "9"]
        assert cells["Đổi mới, sáng tạo, dám nghĩ, dám làm"] == ["10", "8"]
        assert cells["Năng lực chuyên môn, nghiệp vụ; tinh thần trách nhiệm"] == ["10", "9", "9", "8,5"]

    def test_authority_points(self):
        criterion = FormCriterion("x", Decimal("10"), Decimal("8"), Decimal("7"), None)
        assert authority_points(criterion, decided=True) == Decimal("7")
        assert authority_points(criterion, decided=False) is None
        assert authority_points(dataclasses.replace(criterion, manager_points=None), decided=True) == Decimal("8")
        assert authority_points(dataclasses.replace(criterion, final_points=Decimal("6")), decided=True) == 6
        assert authority_points(FormCriterion("x", Decimal("10"), None, None, None), decided=True) is None


class HeaderTests:
    def test_the_agency_is_named_once(self):
        form = typical_decided_form(agency_name="Sở Nội vụ", unit_name="Phòng Cải cách hành chính – Sở Nội vụ")
        lines = lines_of(render_evaluation_pdf(form))
        header = lines[: lines.index("PHIẾU XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC")]
        assert " ".join(header).count("SỞ NỘI VỤ") == 1, header
        assert "SỞ NỘI VỤ" in header
        assert "PHÒNG CẢI CÁCH HÀNH CHÍNH" in header
        assert "Đơn vị công tác: Phòng Cải cách hành chính, Sở Nội vụ" in lines

    def test_an_agency_form_names_the_agency_alone(self):
        form = typical_decided_form(agency_name="Sở Y tế", unit_name="Sở Y tế")
        lines = lines_of(render_evaluation_pdf(form))
        header = lines[: lines.index("PHIẾU XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC")]
        assert " ".join(header).count("SỞ Y TẾ") == 1
        assert "Đơn vị công tác: Sở Y tế" in lines

    @pytest.mark.parametrize(
        ("unit", "agency", "own"),
        [
            ("Phòng Cải cách hành chính – Sở Nội vụ", "Sở Nội vụ", "Phòng Cải cách hành chính"),
            ("Văn phòng - Sở Nội vụ", "Sở Nội vụ tỉnh Sơn La", "Văn phòng"),
            ("Phòng Công chức, viên chức", "Sở Nội vụ tỉnh Sơn La", "Phòng Công chức, viên chức"),
            ("Phòng Kế hoạch - Tài chính", "Sở Tài chính", "Phòng Kế hoạch - Tài chính"),
            ("Sở Nội vụ – Văn phòng", "Sở Nội vụ", "Văn phòng"),
            ("Sở Y tế", "Sở Y tế", ""),
            ("sở y tế", "Sở Y tế", ""),
            ("", "Sở Y tế", ""),
            ("Phòng Nghiệp vụ", "", "Phòng Nghiệp vụ"),
        ],
    )
    def test_unit_own_name(self, unit, agency, own):
        assert unit_own_name(unit, agency) == own


class SignaturePlacementTests:
    @pytest.mark.parametrize("decided", [True, False])
    def test_a_typical_form_is_one_page_with_its_signatures(self, decided):
        form = typical_decided_form()
        if not decided:
            form = dataclasses.replace(form, decided_on=None, final_rating=None, decided_by_name="")
        pages = page_lines(render_evaluation_pdf(form))
        assert len(pages) == 1
        assert "CÔNG CHỨC TỰ XẾP LOẠI" in pages[0]
        assert "CẤP CÓ THẨM QUYỀN XẾP LOẠI" in pages[0]
        assert "Đề xuất phương án xử lý:" in pages[0]

    @pytest.mark.parametrize("comment_lines", [6, 10, 14, 18, 40])
    def test_signatures_never_leave_the_text_they_sign(self, comment_lines):
        comment = "\n".join(f"Nội dung nhận xét thứ {i} của cấp có thẩm quyền." for i in range(comment_lines))
        form = typical_decided_form(authority_comment=comment, handling_proposal="Bố trí lớp bồi dưỡng kỹ năng.")
        pages = page_lines(render_evaluation_pdf(form))
        signed = page_of(pages, "CẤP CÓ THẨM QUYỀN XẾP LOẠI")
        assert page_of(pages, "CÔNG CHỨC TỰ XẾP LOẠI") == signed
        assert page_of(pages, "Bố trí lớp bồi dưỡng kỹ năng.") == signed
        assert page_of(pages, f"Nội dung nhận xét thứ {comment_lines - 1} của cấp có thẩm quyền.") == signed
        assert page_of(pages, "Nguyễn Đức Thắng") == signed
        assert signed == len(pages) - 1

    @pytest.mark.parametrize("comment_lines", [0, 12, 24])
    def test_each_signature_of_the_old_form_stays_with_its_part(self, comment_lines):
        comment = "\n".join(f"Ưu điểm thứ {i}." for i in range(comment_lines)) or "Thống nhất."
        form = typical_decided_form(regime="ND90", criteria=(), self_comment=comment, manager_comment=comment)
        pages = page_lines(render_evaluation_pdf(form))
        assert page_of(pages, "2. Tự xếp loại chất lượng:") == page_of(pages, "NGƯỜI TỰ NHẬN XÉT")
        assert page_of(pages, "III. Ý KIẾN NHẬN XÉT, ĐÁNH GIÁ") == page_of(pages, "NGƯỜI NHẬN XÉT, ĐÁNH GIÁ")
        signed = page_of(pages, "NGƯỜI CÓ THẨM QUYỀN ĐÁNH GIÁ")
        assert page_of(pages, "2. Kết quả đánh giá, xếp loại chất lượng:") == signed
        assert page_of(pages, "IV. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC") == signed
        assert page_of(pages, "Có phẩm chất chính trị tốt; một số văn bản tham mưu còn chậm tiến độ.") == signed


class PageNumberingTests:
    def long_form(self) -> EvaluationForm:
        comment = "\n".join(f"Nội dung nhận xét thứ {i} của cấp có thẩm quyền về kết quả công tác." for i in range(90))
        return typical_decided_form(authority_comment=comment)

    def test_every_page_of_a_long_form_says_trang_n_of_m(self):
        pages = page_lines(render_evaluation_pdf(self.long_form()))
        assert len(pages) >= 3
        for number, lines in enumerate(pages, start=1):
            labels = [line for line in lines if line.startswith("Trang ")]
            assert labels == [f"Trang {number} / {len(pages)}"]

    def test_the_form_is_laid_out_once_whatever_its_length(self, monkeypatch):
        from reportlab.platypus.doctemplate import BaseDocTemplate

        passes = []
        original = BaseDocTemplate.handle_documentBegin

        def counting(doc):
            passes.append(1)
            return original(doc)

        monkeypatch.setattr(BaseDocTemplate, "handle_documentBegin", counting)
        for form in (typical_decided_form(), self.long_form(), make_form(regime="ND90")):
            assert "pdf:pagecount" not in render_evaluation_html(form)
            passes.clear()
            render_evaluation_pdf(form)
            assert len(passes) == 1

    def test_a_one_page_form_is_trang_1_of_1(self):
        assert "Trang 1 / 1" in lines_of(render_evaluation_pdf(typical_decided_form()))

    def test_the_page_number_sits_on_the_footer_line_at_the_right_margin(self):
        data = render_evaluation_pdf(self.long_form())
        for number, p in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages, start=1):
            seen = {}

            def visit(text, cm, tm, _font, _size, seen=seen):
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                if text.startswith("Lò Thị Hương – Phiếu"):
                    seen["footer"] = (x, y)
                elif text.startswith("Trang "):
                    seen["label"] = (x + pdfmetrics.stringWidth(text.strip(), REGULAR, 9), y)

            p.extract_text(visitor_text=visit)
            assert seen["label"][1] == pytest.approx(seen["footer"][1], abs=0.5), number
            assert seen["label"][0] == pytest.approx(float(p.mediabox.width) - 1.5 / 2.54 * 72, abs=0.5)


class HashReproductionTests:
    """The lead's contract: render_pdf(form_from_snapshot(snapshot)) is a pure function of the snapshot."""

    SNAPSHOT = {
        "regime": "ND335",
        "agency_name": "Sở Nội vụ",
        "place_name": "Sơn La",
        "unit_name": "Phòng Cải cách hành chính – Sở Nội vụ",
        "year": 2026,
        "full_name": "Lò Thị Hương",
        "position_title": "Chuyên viên",
        "category_label": "CÔNG CHỨC",
        "general_score": "27.50",
        "task_score": "62.00",
        "total_score": "89.50",
        "criteria": [
            {"label": "Chính trị tư tưởng", "max": "10.00", "self": "9.50", "manager": "9.00", "final": None},
            {"label": "Kết quả thực hiện nhiệm vụ", "max": "70.00", "self": None, "manager": None, "final": "62.00"},
        ],
        "self_rating": "HTXSNV",
        "final_rating": "HTTNV",
        "self_comment": "Hoàn thành tốt.",
        "manager_comment": "",
        "authority_comment": "Đồng ý.",
        "handling_proposal": "",
        "self_signed_on": "2026-12-05",
        "decided_on": "2026-12-14",
        "decided_by_name": "Nguyễn Đức Thắng",
        "version": 1,
        "amended_from_version": None,
    }

    def digest(self, snapshot: dict) -> str:
        from evaluations.services.forms import form_from_snapshot, render_pdf

        return hashlib.sha256(render_pdf(form_from_snapshot(snapshot))).hexdigest()

    def test_a_stored_snapshot_reproduces_its_hash(self):
        stored = json.loads(json.dumps(self.SNAPSHOT))  # as it comes back from the JSON field
        assert self.digest(stored) == self.digest(copy.deepcopy(self.SNAPSHOT))
        with translation.override("en"):
            assert self.digest(stored) == self.digest(self.SNAPSHOT)

    def test_another_process_with_or_without_the_accelerator_reproduces_it(self):
        script = f"""
import hashlib, json, os, sys
if os.environ.get("NO_RL_ACCEL"):
    sys.modules["_rl_accel"] = None  # reportlab falls back to its pure-Python helpers
sys.path.insert(0, {str(ROOT)!r})
os.environ["DJANGO_SETTINGS_MODULE"] = "backend.settings.test"
import django
django.setup()
from evaluations.services.forms import form_from_snapshot, render_pdf
print(hashlib.sha256(render_pdf(form_from_snapshot(json.loads(sys.argv[1])))).hexdigest())
"""
        expected = self.digest(self.SNAPSHOT)
        for extra in ({}, {"NO_RL_ACCEL": "1"}):
            done = subprocess.run(
                [sys.executable, "-c", script, json.dumps(self.SNAPSHOT)],
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
                env={**os.environ, **extra},
            )
            assert done.stdout.strip() == expected, (extra, done.stderr)

    def test_a_changed_snapshot_changes_the_hash(self):
        assert self.digest({**self.SNAPSHOT, "final_rating": "HTNV"}) != self.digest(self.SNAPSHOT)
