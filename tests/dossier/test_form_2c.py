"""Mẫu 2C as PDF: the form's items and tables in Vietnamese, drawn only in the shipped fonts."""

import unicodedata

import pytest

from dossier.services.records import group_record_update
from dossier.services.tables import family_member_save, qualification_save
from tests.backend.test_pdf import assert_only_shipped_fonts, text_of
from tests.dossier.helpers import identity_values

pytestmark = pytest.mark.django_db


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


@pytest.fixture
def filled(org):
    employee = org.a.staff.employee
    officer = org.a.officer
    group_record_update(actor=officer, employee=employee, group="IDENTITY", values=identity_values())
    group_record_update(actor=officer, employee=employee, group="HEALTH", values={"health_status": "Tốt"})
    qualification_save(
        actor=officer,
        employee=employee,
        kind="DEGREE",
        level="Đại học",
        institution="Trường Đại học Tây Bắc",
        field_of_study="Quản lý nhà nước",
        start_year=2008,
        end_year=2012,
        mode="CHINH_QUY",
        diploma="Cử nhân",
    )
    family_member_save(
        actor=officer,
        employee=employee,
        side="SELF",
        relation="MOTHER",
        full_name="Lò Thị Hương",
        birth_year=1962,
        occupation="Làm ruộng",
    )
    family_member_save(
        actor=officer, employee=employee, side="SPOUSE", relation="FATHER", full_name="Cầm Văn Ướt", birth_year=1958
    )
    return employee


def test_form_prints_the_dossier_in_vietnamese_in_the_shipped_fonts(org, as_user, filled):
    response = as_user(org.a.staff).get(f"/api/v1/dossier/{filled.pk}/form-2c.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _nfc(text_of(response.content))
    for expected in (
        "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC",
        filled.full_name.upper(),
        "Nơi sinh: phường Chiềng Cơi, thành phố Sơn La, tỉnh Sơn La (nay là phường Chiềng Cơi, tỉnh Sơn La)",
        "Quê quán: tỉnh Thái Bình (nay là tỉnh Hưng Yên)",
        "Trường Đại học Tây Bắc",
        "Lò Thị Hương",
        "Cầm Văn Ướt",
        "QUAN HỆ GIA ĐÌNH",
        "DIỄN BIẾN QUÁ TRÌNH LƯƠNG",
        "Người khai",
        "Ảnh màu",
        "Tình trạng sức khỏe: Tốt",
    ):
        assert _nfc(expected) in text, expected
    assert_only_shipped_fonts(response.content)


@pytest.mark.parametrize(("who", "status"), [("officer_a", 200), ("admin", 200), ("officer_b", 404), ("staff_b", 404)])
def test_form_per_role(org, as_user, filled, who, status):
    user = {"officer_a": org.a.officer, "admin": org.admin, "officer_b": org.b.officer, "staff_b": org.b.staff}[who]
    assert as_user(user).get(f"/api/v1/dossier/{filled.pk}/form-2c.pdf").status_code == status
