"""The demo province's organisation chart as data: bodies, rooms, legacy units and their lineage.

The current structure follows the 2025 reforms: departments merged on 01/03/2025 and the
two-level local government from 01/07/2025, when the 11 districts and Sơn La city ended and
75 commune-level units (67 xã, 8 phường) took over (NQ 1681/NQ-UBTVQH15; DOMAIN.md §6.7).
The seven communes that kept their boundaries keep their old start date; the rest are new.

Long-standing bodies start on one nominal date (`ESTABLISHED`): reorganisations before 2025
(Sơn La city in 2008, Vân Hồ district in 2013...) are not modelled, and neither are the
~200 communes of before 2025, so people of a new commune who served before the reform are
shown as coming from their district's apparatus.
"""

import datetime
import enum
import unicodedata
from dataclasses import dataclass

from hr.models import UnitKind, UnitLevel

ESTABLISHED = datetime.date(1976, 1, 1)
DEPARTMENT_MERGER = datetime.date(2025, 3, 1)
COMMUNE_REFORM = datetime.date(2025, 7, 1)
DAY = datetime.timedelta(days=1)


class Duty(enum.Enum):
    """What a room mostly does; decides which rank ladder its staff climb."""

    GENERAL = "general"
    OFFICE = "office"
    FINANCE = "finance"
    INSPECTION = "inspection"


@dataclass(frozen=True)
class RoomSpec:
    """A room, sub-department or faculty inside an agency, with the posts that head it."""

    suffix: str
    name: str
    weight: float = 1.0
    kind: str = UnitKind.ROOM
    head: str | None = "TP_SO"
    deputy: str | None = "PTP_SO"
    duty: Duty = Duty.GENERAL


@dataclass(frozen=True)
class AgencySpec:
    """An agency (sở, public service unit, UBND xã or huyện) and how its staff came to it."""

    code: str
    name: str
    kind: str
    level: str
    weight: float
    rooms: tuple[RoomSpec, ...] = ()
    head: str | None = "GD_SO"
    deputy: str | None = "PGD_SO"
    deputies: int = 2
    valid_from: datetime.date = ESTABLISHED
    valid_to: datetime.date | None = None
    # Rooms may open later than their agency (commune rooms exist from the 2025 reform).
    rooms_from: datetime.date | None = None
    predecessors: tuple[str, ...] = ()
    # Share of the people already in service on `valid_from`/the merger date who came from
    # a predecessor: all of them for a new unit, some for a unit that absorbed another.
    absorbed_share: float = 0.0
    merged_on: datetime.date | None = None
    children: tuple["AgencySpec", ...] = ()
    elected_leaders: bool = False

    @property
    def is_public_service_unit(self) -> bool:
        return self.kind == UnitKind.PUBLIC_SERVICE_UNIT


def slug(name: str) -> str:
    """'Mường Bám' -> 'MUONG-BAM' (đ has no decomposition, so it is mapped first)."""
    text = name.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(text.upper().replace(",", " ").replace("-", " ").split())


def _room(suffix, name, weight=1.0, duty=Duty.GENERAL):
    return RoomSpec(suffix, name, weight, duty=duty)


def _office(name="Văn phòng", weight=1.3):
    return RoomSpec("VP", name, weight, head="CHANH_VP", deputy="PTP_SO", duty=Duty.OFFICE)


def _finance(weight=1.0):
    return _room("KHTC", "Phòng Kế hoạch - Tài chính", weight, Duty.FINANCE)


def _sub(suffix, name, weight=2.0):
    return RoomSpec(suffix, name, weight, kind=UnitKind.SUB_DEPARTMENT, head="CCT", deputy="CCP")


def _psu_room(suffix, name, weight=1.0, duty=Duty.GENERAL):
    # Rooms and faculties of public service units: no post code exists for their heads.
    return RoomSpec(suffix, name, weight, head=None, deputy=None, duty=duty)


def _department(code, name, weight, rooms, **kwargs):
    return AgencySpec(code, name, UnitKind.DEPARTMENT, UnitLevel.PROVINCE, weight, tuple(rooms), **kwargs)


def _psu(code, name, weight, rooms, deputies=1):
    return AgencySpec(
        code,
        name,
        UnitKind.PUBLIC_SERVICE_UNIT,
        UnitLevel.PROVINCE,
        weight,
        tuple(rooms),
        head="GD_DVSN",
        deputy="PGD_DVSN",
        deputies=deputies,
    )


PROVINCE = AgencySpec(
    "SL",
    "UBND tỉnh Sơn La",
    UnitKind.PROVINCE,
    UnitLevel.PROVINCE,
    weight=0.0,
    head="CT_UBND_TINH",
    deputy="PCT_UBND_TINH",
    deputies=3,
    elected_leaders=True,
)

_HOSPITAL_ROOMS = [
    _psu_room("KHTH", "Phòng Kế hoạch tổng hợp"),
    _psu_room("TCCB", "Phòng Tổ chức cán bộ", duty=Duty.OFFICE),
    _psu_room("KKB", "Khoa Khám bệnh", 2),
    _psu_room("KNOI", "Khoa Nội tổng hợp", 2),
    _psu_room("KNGOAI", "Khoa Ngoại tổng hợp", 2),
    _psu_room("HSTC", "Khoa Hồi sức tích cực - Chống độc", 1.5),
    _psu_room("KSAN", "Khoa Phụ sản", 1.5),
    _psu_room("KNHI", "Khoa Nhi", 1.5),
]

DEPARTMENTS = (
    _department(
        "SNV",
        "Sở Nội vụ",
        6,
        [
            _office(),
            _room("TCBC", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ"),
            _room("CCVC", "Phòng Công chức, viên chức"),
            _room("CCHC", "Phòng Cải cách hành chính"),
            _room("XDCQ", "Phòng Xây dựng chính quyền và công tác thanh niên"),
            _room("LDTL", "Phòng Lao động, tiền lương và bảo hiểm xã hội"),
            _room("NCC", "Phòng Người có công"),
            _sub("TDKT", "Ban Thi đua - Khen thưởng", 1.2),
        ],
        predecessors=("SLDTBXH",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.3,
        children=(
            _psu("SNV-TTLT", "Trung tâm Lưu trữ lịch sử tỉnh", 1, [_psu_room("NV", "Phòng Nghiệp vụ lưu trữ")]),
            _psu(
                "SNV-DVVL",
                "Trung tâm Dịch vụ việc làm tỉnh",
                1.5,
                [_psu_room("TV", "Phòng Tư vấn, giới thiệu việc làm")],
            ),
        ),
    ),
    _department(
        "STC",
        "Sở Tài chính",
        6,
        [
            _office(),
            _room("NS", "Phòng Quản lý ngân sách", 1.2, Duty.FINANCE),
            _room("DT", "Phòng Quản lý đầu tư"),
            _room("GCS", "Phòng Quản lý giá và công sản", 1, Duty.FINANCE),
            _room("TCDN", "Phòng Tài chính doanh nghiệp", 1, Duty.FINANCE),
            _room("DKKD", "Phòng Đăng ký kinh doanh"),
            _room("KHTH", "Phòng Kế hoạch - Tổng hợp"),
        ],
        predecessors=("SKHDT",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.35,
    ),
    _department(
        "STP",
        "Sở Tư pháp",
        3,
        [
            _office(),
            _room("XDKT", "Phòng Xây dựng, kiểm tra văn bản và theo dõi thi hành pháp luật"),
            _room("HCTP", "Phòng Hành chính tư pháp"),
            _room("BTTP", "Phòng Bổ trợ tư pháp"),
            _room("PBGD", "Phòng Phổ biến, giáo dục pháp luật"),
        ],
    ),
    _department(
        "SXD",
        "Sở Xây dựng",
        5,
        [
            _office(),
            _finance(),
            _room("QHKT", "Phòng Quy hoạch - Kiến trúc"),
            _room("QLXD", "Phòng Quản lý xây dựng"),
            _room("QLGT", "Phòng Quản lý giao thông", 1.3),
            _room("PTDT", "Phòng Phát triển đô thị và hạ tầng kỹ thuật"),
        ],
        predecessors=("SGTVT",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.4,
    ),
    _department(
        "SNNMT",
        "Sở Nông nghiệp và Môi trường",
        9,
        [
            _office(),
            _finance(),
            _room("QLDD", "Phòng Quản lý đất đai"),
            _room("TNN", "Phòng Tài nguyên nước, khoáng sản và biến đổi khí hậu"),
            _sub("KL", "Chi cục Kiểm lâm", 4),
            _sub("TTBVTV", "Chi cục Trồng trọt và Bảo vệ thực vật", 1.5),
            _sub("CNTY", "Chi cục Chăn nuôi, Thú y và Thủy sản", 1.5),
            _sub("TL", "Chi cục Thủy lợi", 1),
            _sub("PTNT", "Chi cục Phát triển nông thôn", 1),
            _sub("BVMT", "Chi cục Bảo vệ môi trường", 1),
        ],
        valid_from=DEPARTMENT_MERGER,
        predecessors=("SNNPTNT", "STNMT"),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=1.0,
    ),
    _department(
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        4,
        [
            _office(),
            _finance(),
            _room("TCCB", "Phòng Tổ chức cán bộ"),
            _room("GDMN", "Phòng Giáo dục Mầm non"),
            _room("GDPT", "Phòng Giáo dục Phổ thông"),
            _room("GDTX", "Phòng Giáo dục thường xuyên - Chuyên nghiệp"),
            _room("QLCL", "Phòng Quản lý chất lượng"),
        ],
        predecessors=("SLDTBXH",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.08,
        children=(
            _psu(
                "SGDDT-THPTC",
                "Trường Trung học phổ thông Chuyên Sơn La",
                4,
                [
                    _psu_room("TTOAN", "Tổ Toán - Tin học"),
                    _psu_room("TVAN", "Tổ Ngữ văn - Lịch sử - Địa lý"),
                    _psu_room("TKHTN", "Tổ Khoa học tự nhiên"),
                    _psu_room("TNN", "Tổ Ngoại ngữ"),
                    _psu_room("VP", "Tổ Văn phòng", 0.6, Duty.OFFICE),
                ],
                deputies=2,
            ),
        ),
    ),
    _department(
        "SYT",
        "Sở Y tế",
        4,
        [
            _office(),
            _finance(),
            _room("TCCB", "Phòng Tổ chức cán bộ"),
            _room("NVY", "Phòng Nghiệp vụ Y"),
            _room("NVD", "Phòng Nghiệp vụ Dược"),
            _room("BTXH", "Phòng Bảo trợ xã hội"),
            _sub("DS", "Chi cục Dân số", 1.2),
            _sub("ATTP", "Chi cục An toàn vệ sinh thực phẩm", 1.2),
        ],
        predecessors=("SLDTBXH",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.1,
        children=(
            _psu("SYT-BVDK", "Bệnh viện Đa khoa tỉnh Sơn La", 12, _HOSPITAL_ROOMS, deputies=2),
            _psu(
                "SYT-CDC",
                "Trung tâm Kiểm soát bệnh tật tỉnh",
                4,
                [
                    _psu_room("TCHC", "Phòng Tổ chức - Hành chính", duty=Duty.OFFICE),
                    _psu_room("KTN", "Khoa Phòng, chống bệnh truyền nhiễm"),
                    _psu_room("SKCD", "Khoa Sức khỏe cộng đồng"),
                    _psu_room("XN", "Khoa Xét nghiệm - Chẩn đoán hình ảnh"),
                ],
                deputies=2,
            ),
        ),
    ),
    _department(
        "SCT",
        "Sở Công Thương",
        4,
        [
            _office(),
            _finance(),
            _room("QLNL", "Phòng Quản lý năng lượng"),
            _room("QLCN", "Phòng Quản lý công nghiệp"),
            _room("QLTM", "Phòng Quản lý thương mại"),
            _sub("QLTT", "Chi cục Quản lý thị trường", 3),
        ],
    ),
    _department(
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        3,
        [
            _office(),
            _finance(),
            _room("QLKH", "Phòng Quản lý khoa học"),
            _room("CDS", "Phòng Chuyển đổi số"),
            _room("BCVT", "Phòng Bưu chính, viễn thông và công nghệ thông tin"),
            _sub("TDC", "Chi cục Tiêu chuẩn Đo lường Chất lượng", 1),
        ],
        predecessors=("STTTT",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.4,
    ),
    _department(
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        4,
        [
            _office(),
            _finance(),
            _room("QLVH", "Phòng Quản lý văn hóa và gia đình"),
            _room("TDTT", "Phòng Quản lý thể dục thể thao"),
            _room("QLDL", "Phòng Quản lý du lịch"),
            _room("BCXB", "Phòng Báo chí, xuất bản"),
        ],
        predecessors=("STTTT",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.1,
    ),
    _department(
        "SDTTG",
        "Sở Dân tộc và Tôn giáo",
        2.5,
        [
            _office(),
            _room("CSDT", "Phòng Chính sách dân tộc"),
            _room("TG", "Phòng Tôn giáo"),
            _room("KHTH", "Phòng Kế hoạch - Tổng hợp"),
        ],
        valid_from=DEPARTMENT_MERGER,
        predecessors=("BDT",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=1.0,
    ),
    # No post codes exist for the deputies of the provincial office and inspectorate or
    # for the head of the industrial-zone board; the sở-level posts stand in for them.
    _department(
        "VPUBND",
        "Văn phòng UBND tỉnh",
        5,
        [
            _room("HCTC", "Phòng Hành chính - Tổ chức", 1.3, Duty.OFFICE),
            _room("TH", "Phòng Tổng hợp"),
            _room("KT", "Phòng Kinh tế"),
            _room("VX", "Phòng Văn hóa - Xã hội"),
            _room("NC", "Phòng Nội chính"),
            _room("NGV", "Phòng Ngoại vụ"),
            _room("QTTV", "Phòng Quản trị - Tài vụ", 1, Duty.FINANCE),
        ],
        head="CHANH_VP",
        predecessors=("SNGV",),
        merged_on=DEPARTMENT_MERGER,
        absorbed_share=0.15,
    ),
    _department(
        "TTT",
        "Thanh tra tỉnh",
        3.5,
        [
            _office(),
            _room("NV1", "Phòng Nghiệp vụ 1", 1, Duty.INSPECTION),
            _room("NV2", "Phòng Nghiệp vụ 2", 1, Duty.INSPECTION),
            _room("NV3", "Phòng Nghiệp vụ 3", 1, Duty.INSPECTION),
            _room("TCD", "Phòng Tiếp công dân và xử lý đơn thư", 1, Duty.INSPECTION),
            _room("PCTN", "Phòng Phòng, chống tham nhũng", 1, Duty.INSPECTION),
        ],
        head="CHANH_TT",
    ),
    _department(
        "BQLKCN",
        "Ban Quản lý các khu công nghiệp tỉnh",
        1.5,
        [
            _office(weight=1),
            _room("QLDT", "Phòng Quản lý đầu tư"),
            _room("QLQH", "Phòng Quản lý quy hoạch, môi trường và xây dựng"),
        ],
    ),
)

PUBLIC_SERVICE_UNITS = (
    _psu(
        "TCT",
        "Trường Chính trị tỉnh",
        3,
        [
            _psu_room("TCHC", "Phòng Tổ chức - Hành chính", duty=Duty.OFFICE),
            _psu_room("QLDT", "Phòng Quản lý đào tạo và nghiên cứu khoa học"),
            _psu_room("XDD", "Khoa Xây dựng Đảng"),
            _psu_room("NNPL", "Khoa Nhà nước và pháp luật"),
            _psu_room("LLCS", "Khoa Lý luận cơ sở"),
        ],
        deputies=2,
    ),
    _psu(
        "TTPVHCC",
        "Trung tâm Phục vụ hành chính công tỉnh",
        1.5,
        [
            _psu_room("HCTH", "Phòng Hành chính - Tổng hợp", duty=Duty.OFFICE),
            _psu_room("TNTKQ", "Phòng Tiếp nhận và trả kết quả", 1.5),
        ],
    ),
    _psu(
        "DPTTH",
        "Đài Phát thanh và Truyền hình tỉnh",
        4,
        [
            _psu_room("TCHC", "Phòng Tổ chức - Hành chính", duty=Duty.OFFICE),
            _psu_room("TS", "Phòng Thời sự", 1.5),
            _psu_room("CD", "Phòng Chuyên đề"),
            _psu_room("KTCN", "Phòng Kỹ thuật - Công nghệ"),
        ],
        deputies=2,
    ),
    _psu(
        "CDSL",
        "Trường Cao đẳng Sơn La",
        5,
        [
            _psu_room("DT", "Phòng Đào tạo"),
            _psu_room("TCHC", "Phòng Tổ chức - Hành chính", duty=Duty.OFFICE),
            _psu_room("KSP", "Khoa Sư phạm", 1.5),
            _psu_room("KNL", "Khoa Nông - Lâm"),
            _psu_room("KKT", "Khoa Kinh tế"),
        ],
        deputies=2,
    ),
    _psu(
        "BQLDA",
        "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
        2.5,
        [
            _psu_room("HCTH", "Phòng Hành chính - Tổng hợp", duty=Duty.FINANCE),
            _psu_room("KHKT", "Phòng Kế hoạch - Kỹ thuật"),
            _psu_room("DHDA", "Phòng Điều hành dự án", 1.5),
        ],
    ),
)

_LEGACY_END = DEPARTMENT_MERGER - DAY
LEGACY_DEPARTMENTS = tuple(
    _department(code, name, 0, [], valid_to=_LEGACY_END, head=None, deputy=None, deputies=0)
    for code, name in (
        ("SKHDT", "Sở Kế hoạch và Đầu tư"),
        ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội"),
        ("SGTVT", "Sở Giao thông vận tải"),
        ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("STNMT", "Sở Tài nguyên và Môi trường"),
        ("STTTT", "Sở Thông tin và Truyền thông"),
        ("BDT", "Ban Dân tộc tỉnh"),
        ("SNGV", "Sở Ngoại vụ"),
    )
)

_DISTRICT_ROOMS = tuple(
    RoomSpec(suffix, name, head=None, deputy=None, duty=duty)
    for suffix, name, duty in (
        ("VP", "Văn phòng HĐND và UBND", Duty.OFFICE),
        ("NV", "Phòng Nội vụ", Duty.GENERAL),
        ("TCKH", "Phòng Tài chính - Kế hoạch", Duty.FINANCE),
        ("TNMT", "Phòng Tài nguyên và Môi trường", Duty.GENERAL),
        ("VHTT", "Phòng Văn hóa và Thông tin", Duty.GENERAL),
    )
)

# Legacy district (huyện or city) -> (wards, communes); * marks the 7 unchanged communes.
COMMUNES_BY_DISTRICT = {
    "thành phố Sơn La": (("Tô Hiệu", "Chiềng An", "Chiềng Cơi", "Chiềng Sinh"), ("Chiềng Ngần",)),
    "huyện Mộc Châu": (
        ("Mộc Châu", "Mộc Sơn", "Vân Sơn", "Thảo Nguyên"),
        ("Đoàn Kết", "Lóng Sập", "Chiềng Sơn", "Tân Yên*", "Tân Hợp"),
    ),
    "huyện Vân Hồ": ((), ("Vân Hồ", "Tô Múa", "Xuân Nha", "Song Khủa", "Mường Men")),
    "huyện Yên Châu": ((), ("Yên Châu", "Chiềng Hặc", "Lóng Phiêng", "Yên Sơn", "Phiêng Khoài*")),
    "huyện Mai Sơn": (
        (),
        ("Mai Sơn", "Chiềng Mung", "Chiềng Mai", "Phiêng Cằm", "Mường Chanh", "Tà Hộc", "Chiềng Sung"),
    ),
    "huyện Thuận Châu": (
        (),
        (
            "Thuận Châu",
            "Chiềng La",
            "Nậm Lầu",
            "Muổi Nọi",
            "Mường Khiêng",
            "Co Mạ",
            "Bình Thuận",
            "Mường É",
            "Long Hẹ",
            "Mường Bám*",
        ),
    ),
    "huyện Quỳnh Nhai": ((), ("Quỳnh Nhai", "Mường Giôn", "Mường Sại", "Mường Chiên")),
    "huyện Mường La": ((), ("Mường La", "Chiềng Lao", "Mường Bú", "Chiềng Hoa", "Ngọc Chiến*")),
    "huyện Bắc Yên": ((), ("Bắc Yên", "Tà Xùa", "Tạ Khoa", "Xím Vàng", "Pắc Ngà", "Chiềng Sại")),
    "huyện Phù Yên": (
        (),
        ("Phù Yên", "Gia Phù", "Tường Hạ", "Mường Cơi", "Mường Bang", "Tân Phong", "Kim Bon", "Suối Tọ*"),
    ),
    "huyện Sông Mã": ((), ("Sông Mã", "Bó Sinh", "Chiềng Khương", "Mường Hung", "Chiềng Sơ", "Huổi Một", "Nậm Ty")),
    "huyện Sốp Cộp": ((), ("Sốp Cộp", "Mường Lạn*", "Mường Lèo*", "Púng Bánh")),
}


def _district_code(district: str) -> str:
    prefix = "TP-" if district.startswith("thành phố ") else "H-"
    return prefix + slug(district.removeprefix("thành phố ").removeprefix("huyện "))


DISTRICTS = tuple(
    AgencySpec(
        _district_code(district),
        f"UBND {district}",
        UnitKind.DISTRICT,
        UnitLevel.DISTRICT,
        weight=0,
        rooms=tuple(RoomSpec(r.suffix, r.name, head=None, deputy=None, duty=r.duty) for r in _DISTRICT_ROOMS),
        head=None,
        deputy=None,
        deputies=0,
        valid_to=COMMUNE_REFORM - DAY,
    )
    for district in COMMUNES_BY_DISTRICT
)


def _commune_rooms(ward: bool) -> tuple[RoomSpec, ...]:
    return (
        RoomSpec("VP", "Văn phòng HĐND và UBND", 1.4, head="TP_XA", deputy="PTP_XA", duty=Duty.OFFICE),
        RoomSpec(
            "KT", "Phòng Kinh tế, Hạ tầng và Đô thị" if ward else "Phòng Kinh tế", 1.2, head="TP_XA", deputy="PTP_XA"
        ),
        RoomSpec("VHXH", "Phòng Văn hóa - Xã hội", 1.2, head="TP_XA", deputy="PTP_XA"),
        RoomSpec("TTHCC", "Trung tâm Phục vụ hành chính công", 0.8, head=None, deputy=None),
    )


def _commune(name: str, district: str, *, ward: bool) -> AgencySpec:
    unchanged = name.endswith("*")
    name = name.rstrip("*")
    return AgencySpec(
        ("P-" if ward else "X-") + slug(name),
        f"UBND {'phường' if ward else 'xã'} {name}",
        UnitKind.WARD if ward else UnitKind.COMMUNE,
        UnitLevel.COMMUNE,
        weight=2.2 if ward else 1.8,
        rooms=_commune_rooms(ward),
        head="CT_UBND_XA",
        deputy="PCT_UBND_XA",
        deputies=2,
        valid_from=ESTABLISHED if unchanged else COMMUNE_REFORM,
        rooms_from=COMMUNE_REFORM,
        predecessors=() if unchanged else (_district_code(district),),
        merged_on=None if unchanged else COMMUNE_REFORM,
        absorbed_share=0.0 if unchanged else 1.0,
        elected_leaders=True,
    )


COMMUNES = tuple(
    _commune(name, district, ward=ward)
    for district, (wards, communes) in COMMUNES_BY_DISTRICT.items()
    for ward, names in ((True, wards), (False, communes))
    for name in names
)

# Everything under the province, in insertion order; legacy units first so lineage can point at them.
TOP_LEVEL = LEGACY_DEPARTMENTS + DISTRICTS + DEPARTMENTS + PUBLIC_SERVICE_UNITS + COMMUNES
