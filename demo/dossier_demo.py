"""Demo dossiers: every person's origin and degree, and a full dossier for each demo login.

Everyone gets an identity group (place of birth, hometown, residence) and the degree their education level
implies, inserted in bulk with history rows. The demo logins get the rest through the dossier's services, so
their Mẫu 2C reads like a real one: family on both sides, Party membership, health, foreign language and IT,
the agency's job positions and their allowances.
"""

import datetime
import random
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from demo.accounts import DEMO_LOGINS
from demo.activity import agency_of
from demo.names import ETHNICITIES, full_name
from demo.organisation import CHANGE_REASON
from dossier.models import AdministrativeUnit, GroupRecord, Qualification
from dossier.services.positions import job_position_save
from dossier.services.records import group_record_update
from dossier.services.tables import allowance_save, family_member_save, position_holding_save, qualification_save
from hr.models import EducationLevel, Employee, OrgUnit, User

# Sơn La places people were born in (units as they were then) and the delta provinces many Kinh staff come from.
HIGHLAND_PLACES = ("SL-TPSL-CHIENGCOI", "SL-TPSL-CHIENGSINH", "SL-TC-MUONGBAM", "SL-TC-PHONGLAI", "SL-MC-MUONGSANG")
TOWN_PLACES = ("SL-TPSL-TOHIEU", "SL-TPSL-QUYETTHANG", "SL-MC-TTMOCCHAU", "SL-TC-TTTHUANCHAU")
DELTA_PROVINCES = ("TB", "ND")
DEGREES = {
    EducationLevel.DOCTOR: ("Tiến sĩ", "Học viện Chính trị quốc gia Hồ Chí Minh", "Quản lý công", 4),
    EducationLevel.MASTER: ("Thạc sĩ", "Học viện Hành chính Quốc gia", "Quản lý công", 2),
    EducationLevel.BACHELOR: ("Đại học", "Trường Đại học Tây Bắc", "Luật", 4),
    EducationLevel.COLLEGE: ("Cao đẳng", "Trường Cao đẳng Sơn La", "Quản trị văn phòng", 3),
    EducationLevel.SECONDARY: ("Trung cấp", "Trường Trung cấp Luật Tây Bắc", "Pháp luật", 2),
}
STREETS = ("Tổ 2", "Tổ 5", "Tổ 7", "Bản Hụm", "Bản Cọ", "Tiểu khu 4")
JOB_POSITIONS = (
    ("LD-01", "Lãnh đạo phòng chuyên môn", "LANH_DAO_QUAN_LY"),
    ("CM-01", "Chuyên viên về cải cách hành chính", "CHUYEN_MON_NGHIEP_VU"),
    ("CM-02", "Chuyên viên tổ chức bộ máy, quản lý công chức", "CHUYEN_MON_NGHIEP_VU"),
    ("HT-01", "Văn thư", "HO_TRO_PHUC_VU"),
)
# Sơn La's communes have a regional allowance; 0,5 is a common coefficient there [M]: the decision row says which.
REGIONAL = Decimal("0.50")


def _identity(rng: random.Random, employee: Employee, places: dict[str, AdministrativeUnit]) -> dict:
    born = places[rng.choice(TOWN_PLACES if rng.random() < 0.4 else HIGHLAND_PLACES)]
    kinh_from_delta = employee.ethnicity == "Kinh" and rng.random() < 0.5
    hometown = places[rng.choice(DELTA_PROVINCES)] if kinh_from_delta else born
    return {
        "birth_place": born.pk,
        "hometown": hometown.pk,
        "permanent_residence": f"{rng.choice(STREETS)}, {born.successor().name}, tỉnh Sơn La",
        "religion": "Không",
        "dossier_number": f"SL-{employee.pk:06d}",
    }


def _degree(employee: Employee) -> Qualification | None:
    known = DEGREES.get(employee.education_level)
    if known is None:
        return None
    level, institution, field, years = known
    end = max(employee.recruitment_date.year - 1, employee.date_of_birth.year + 18 + years)
    return Qualification(
        employee=employee,
        kind="DEGREE",
        level=level,
        institution=institution,
        field_of_study=field,
        start_year=end - years,
        end_year=end,
        mode="CHINH_QUY",
        diploma=f"Bằng {level.lower()}" if level not in ("Thạc sĩ", "Tiến sĩ") else f"Bằng {level}",
    )


def seed_dossier_basics(*, rng: random.Random) -> int:
    """Identity and degree of every person, in bulk with history; returns the number of people."""
    places = {unit.code: unit for unit in AdministrativeUnit.objects.select_related("merged_into", "parent")}
    people = list(Employee.objects.order_by("pk"))
    records = [GroupRecord(employee=e, group="IDENTITY", values=_identity(rng, e, places)) for e in people]
    for record in records:
        record.full_clean(exclude=["employee", "proposal"])
    bulk_create_with_history(records, GroupRecord, batch_size=2000, default_change_reason=CHANGE_REASON)
    degrees = [row for row in (_degree(e) for e in people) if row is not None]
    bulk_create_with_history(degrees, Qualification, batch_size=2000, default_change_reason=CHANGE_REASON)
    return len(people)


def _family(rng: random.Random, employee: Employee, names) -> None:
    born = employee.date_of_birth.year
    spouse_sex = "F" if employee.sex == "M" else "M"
    rows = [
        ("SELF", "FATHER", names("M"), born - rng.randint(24, 32), "Nghỉ hưu", True),
        ("SELF", "MOTHER", names("F"), born - rng.randint(21, 28), "Làm ruộng", False),
        ("SELF", "SPOUSE", names(spouse_sex), born + rng.randint(-3, 3), "Giáo viên Trường THCS Chiềng Sinh", False),
        ("SELF", "CHILD", names(rng.choice("MF")), min(born + rng.randint(25, 32), 2022), "Học sinh", False),
        ("SPOUSE", "FATHER", names("M"), born - rng.randint(22, 30), "Làm ruộng", False),
        ("SPOUSE", "MOTHER", names("F"), born - rng.randint(20, 27), "Làm ruộng", False),
    ]
    for side, relation, name, year, occupation, deceased in rows:
        family_member_save(
            actor=None,
            employee=employee,
            side=side,
            relation=relation,
            full_name=name,
            birth_year=year,
            occupation=occupation,
            residence="tỉnh Sơn La",
            deceased=deceased and rng.random() < 0.3,
        )


def seed_login_dossiers(*, rng: random.Random, as_of: datetime.date) -> int:
    """A full dossier for each demo login; returns how many."""
    users = User.objects.filter(username__in=[login.username for login in DEMO_LOGINS]).select_related(
        "employee__unit", "employee__position"
    )
    positions_of: dict[int, list] = {}
    filled = 0
    for user in users.order_by("username"):
        employee = user.employee
        ethnicity = ETHNICITIES.get(employee.ethnicity) or ETHNICITIES["Kinh"]
        _family(rng, employee, lambda sex, e=ethnicity: full_name(rng, e, sex))
        joined = employee.recruitment_date + datetime.timedelta(days=rng.randint(400, 1500))
        if joined < as_of - datetime.timedelta(days=400):
            official = joined + datetime.timedelta(days=365)
            party = {"party_joined_date": joined.isoformat(), "party_official_date": official.isoformat()}
            group_record_update(actor=None, employee=employee, group="POLITICAL", values=party)
        health = {"health_status": "Tốt", "height_cm": rng.randint(150, 175), "weight_kg": rng.randint(45, 75)}
        group_record_update(actor=None, employee=employee, group="HEALTH", values={**health, "blood_type": "O"})
        education = {
            "general_education": "12/12",
            "foreign_language": "Tiếng Anh B1",
            "it_skill": "Ứng dụng CNTT cơ bản",
        }
        group_record_update(actor=None, employee=employee, group="EDUCATION", values=education)
        qualification_save(
            actor=None,
            employee=employee,
            kind="FOREIGN_LANGUAGE",
            level="B1 (Khung năng lực ngoại ngữ 6 bậc)",
            institution="Trường Đại học Tây Bắc",
            start_year=employee.recruitment_date.year,
            end_year=employee.recruitment_date.year,
            mode="KHONG_TAP_TRUNG",
            diploma="Chứng chỉ B1",
        )
        agency = _agency(employee.unit)
        if agency.pk not in positions_of:
            positions_of[agency.pk] = [
                job_position_save(
                    actor=None, agency=agency, code=code, name=name, group=group, valid_from=datetime.date(2024, 1, 1)
                )
                for code, name, group in JOB_POSITIONS
            ]
        leader = bool(employee.position_id and employee.position.is_leadership)
        position = positions_of[agency.pk][0 if leader else 1]
        position_holding_save(
            actor=None,
            employee=employee,
            job_position=position,
            start_date=max(datetime.date(2024, 1, 1), employee.recruitment_date),
        )
        if leader and employee.position.allowance_coefficient:
            allowance_save(
                actor=None,
                employee=employee,
                kind="POSITION",
                coefficient=employee.position.allowance_coefficient,
                start_date=max(datetime.date(2024, 1, 1), employee.recruitment_date),
            )
        allowance_save(
            actor=None, employee=employee, kind="REGIONAL", coefficient=REGIONAL, start_date=employee.recruitment_date
        )
        filled += 1
    return filled


def _agency(unit: OrgUnit) -> OrgUnit:
    """The agency holding `unit` (itself, or its nearest agency ancestor)."""
    prefixes = [unit.path[:end] for end in range(len(unit.path), 0, -7)]
    return agency_of(unit, {u.path: u for u in OrgUnit.objects.filter(path__in=prefixes)}) or unit
