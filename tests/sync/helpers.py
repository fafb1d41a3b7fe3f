"""Writing people's records through hr's and the dossier's services, so the change log fills as it does in use."""

import datetime
import itertools
from decimal import Decimal

from dossier.services.positions import job_position_save
from dossier.services.records import group_record_update
from dossier.services.tables import allowance_save, family_member_save, position_holding_save, qualification_save
from hr.identity import make_national_id
from hr.models import Employee, Rank, SalaryStep
from hr.services.employees import employee_create
from hr.services.ratings import annual_rating_record
from tests.dossier.helpers import identity_values

_serial = itertools.count(500)


def hire(unit, *, full_name: str = "Lò Thị Hương", actor=None) -> Employee:
    """A ranked civil servant registered by the service: an employee, an assignment and a salary record."""
    rank = Rank.objects.get(code="01.003")
    born = datetime.date(1991, 4, 12)
    return employee_create(
        actor=actor,
        unit=unit,
        recruitment_date=datetime.date(2020, 1, 2),
        rank=rank,
        salary_step=SalaryStep.objects.get(scale=rank.scale, step=2),
        national_id=make_national_id(14, born, "F", next(_serial)),
        full_name=full_name,
        date_of_birth=born,
        sex="F",
        category="CONG_CHUC",
    )


def rate(employee: Employee, year: int = 2025, rating: str = "HTTNV"):
    return annual_rating_record(actor=None, employee=employee, year=year, rating=rating)


def fill_dossier(employee: Employee, actor, agency) -> Employee:
    """Every group of `employee`'s dossier entered by `actor` through the dossier's services (values and tables).

    `agency` is the person's agency, whose list of job positions gets the one they hold.
    """
    records = {
        "IDENTITY": identity_values(
            other_names="Hương", id_issue_date="2021-06-01", social_insurance_number="1412345678"
        ),
        "PERSONAL_HISTORY": {"detained_history": "Không", "strengths": "Tổng hợp, văn bản"},
        "RECRUITMENT": {"occupation_before": "Giáo viên", "recruiting_agency": "Sở Nội vụ tỉnh Sơn La"},
        "EDUCATION": {"general_education": "12/12", "foreign_language": "Tiếng Anh B1", "it_skill": "Cơ bản"},
        "WORK": {"main_duties": "Tổng hợp, báo cáo", "highest_title": "Chiến sĩ thi đua cơ sở"},
        "POLITICAL": {"party_joined_date": "2015-05-19", "party_official_date": "2016-05-19"},
        "MILITARY": {"enlisted_date": "2009-02-10", "discharged_date": "2011-02-10", "military_rank": "Trung sĩ"},
        "ASSETS": {"annual_income": 180_000_000, "declaration_year": 2025, "assets_summary": "Nhà ở 80 m²"},
        "HEALTH": {"health_status": "Tốt", "height_cm": 158, "weight_kg": 50, "blood_type": "O"},
    }
    for group, values in records.items():
        group_record_update(actor=actor, employee=employee, group=group, values=values)
    family_member_save(
        actor=actor, employee=employee, side="SELF", relation="MOTHER", full_name="Lò Thị Xuân", birth_year=1962
    )
    family_member_save(
        actor=actor, employee=employee, side="SPOUSE", relation="FATHER", full_name="Cầm Văn Ướt", birth_year=1958
    )
    qualification_save(
        actor=actor,
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
    position = job_position_save(
        actor=actor,
        agency=agency,
        code="CV-TH",
        name="Chuyên viên tổng hợp",
        group="CHUYEN_MON_NGHIEP_VU",
        valid_from=datetime.date(2020, 1, 1),
    )
    position_holding_save(
        actor=actor,
        employee=employee,
        job_position=position,
        start_date=datetime.date(2021, 1, 1),
        decision_number="5/QĐ",
    )
    allowance_save(
        actor=actor,
        employee=employee,
        kind="REGIONAL",
        coefficient=Decimal("0.50"),
        start_date=datetime.date(2020, 1, 2),
    )
    allowance_save(
        actor=actor, employee=employee, kind="SENIORITY_ABOVE_SCALE", percent=5, start_date=datetime.date(2024, 1, 1)
    )
    return employee
