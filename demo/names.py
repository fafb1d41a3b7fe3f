"""Vietnamese names with Sơn La's ethnic mix, and where people's IDs were registered."""

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Ethnicity:
    """An ethnic group with its usual family names (weighted), middle and given names."""

    name: str
    families: dict[str, int]
    middle_male: dict[str, int]
    middle_female: dict[str, int]
    given_male: tuple[str, ...]
    given_female: tuple[str, ...]


def _weighted(text: str) -> dict[str, int]:
    """'Lò 10, Cầm 5' -> {'Lò': 10, 'Cầm': 5}."""
    return {name: int(weight) for name, weight in (item.rsplit(" ", 1) for item in text.split(", "))}


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_TAI_MIDDLE_MALE = _weighted("Văn 12, Thanh 1, Ngọc 1")
_TAI_MIDDLE_FEMALE = _weighted("Thị 12, Thu 1, Ngọc 1")
_TAI_MALE = _names(
    "Chiến Hùng Thanh Dũng Pằn Xuân Hải Tuấn Phong Định Ơn Khánh Sơn Minh Quyết Dương Thiện Bun Toán Hưng "
    "Chung Lả Tiến Ngoan"
)
_TAI_FEMALE = _names(
    "Hương Xiêm Phanh Ún Inh Lả Nga Thủy Hoa Mai Lan Nhung Thu Hiên Ánh Duyên Đôi Hường Panh Thoa Bình Quyên"
)
_KINH_MIDDLE_MALE = _weighted("Văn 5, Đức 3, Minh 3, Quang 2, Hữu 2, Thanh 2, Xuân 2, Tiến 1, Mạnh 1")
_KINH_MIDDLE_FEMALE = _weighted("Thị 6, Thu 2, Thanh 2, Ngọc 2, Minh 1, Hồng 1, Thùy 1, Phương 1")
_KINH_MALE = _names(
    "Anh Bình Cường Dũng Đạt Giang Hải Hiếu Hoàng Hùng Huy Khánh Long Nam Phong Quân Sơn Thắng Thành Trung "
    "Tuấn Việt Vinh Hưng"
)
_KINH_FEMALE = _names(
    "Anh Chi Dung Giang Hà Hạnh Hằng Hoa Hương Huyền Lan Linh Loan Mai Nga Ngọc Nhung Phương Quyên Tâm Thảo "
    "Trang Vân Yến"
)
_TAI_LIKE = (_TAI_MIDDLE_MALE, _TAI_MIDDLE_FEMALE)
_KINH_LIKE = (_KINH_MIDDLE_MALE, _KINH_MIDDLE_FEMALE, _KINH_MALE, _KINH_FEMALE)

ETHNICITIES = {
    e.name: e
    for e in (
        Ethnicity(
            "Thái",
            _weighted(
                "Lò 10, Cầm 5, Quàng 5, Lường 6, Tòng 4, Vì 4, Điêu 2, Hoàng 2, Bạc 1, Hà 2, Mè 1, Lù 1, Khoàng 1"
            ),
            *_TAI_LIKE,
            _TAI_MALE,
            _TAI_FEMALE,
        ),
        Ethnicity(
            "Kinh",
            _weighted(
                "Nguyễn 14, Trần 6, Lê 5, Phạm 4, Hoàng 3, Vũ 3, Đặng 2, Bùi 2, Đỗ 2, Ngô 1, Dương 1, Đinh 1, Hà 1, "
                "Lương 1, Phan 1, Trịnh 1, Đào 1, Cao 1"
            ),
            *_KINH_LIKE,
        ),
        Ethnicity(
            "H'Mông",
            _weighted("Giàng 5, Mùa 4, Sồng 3, Thào 4, Vừ 3, Lầu 2, Hạng 2, Sùng 2, Lý 1, Cứ 1, Tráng 1"),
            _weighted("A 8, Văn 1"),
            _weighted("Thị 6, Y 1"),
            _names("Pháo Chứ Dế Sính Lử Chá Mang Páo Nhìa Chua Dính Tủa Sếnh Khua Lềnh Nủ"),
            _names("Mỷ Dợ Pà Súa Say Máy Chu Xí Cở Dua Ly Mai Dở"),
        ),
        Ethnicity("Mường", _weighted("Đinh 5, Hà 4, Bùi 3, Quách 2, Xa 2, Sa 1, Bạch 1"), *_KINH_LIKE),
        Ethnicity(
            "Dao",
            _weighted("Bàn 4, Triệu 4, Lý 2, Đặng 2, Chảo 2, Phùng 1"),
            _weighted("Văn 4, Tiến 2, Kim 1"),
            _weighted("Thị 4, Mùi 1"),
            _names("Kiều Phin Quý Tài Sơn Lở Tòn Chòi Hưng Phú"),
            _names("Mai Nhất Sinh Mẩy Liên Hạnh Lan"),
        ),
        Ethnicity(
            "Khơ Mú",
            _weighted("Lò 4, Vì 3, Quàng 3, Lường 2, Cầm 1"),
            *_TAI_LIKE,
            ("Sôm", "Bun", "Khăm", "Chương", "Xiến", "Phon", *_TAI_MALE[:8]),
            ("Phăn", "Ón", "Xiên", "Thoi", "Nọi", *_TAI_FEMALE[:8]),
        ),
        Ethnicity(
            "Xinh Mun",
            _weighted("Lò 4, Lường 3, Vì 3, Quàng 2"),
            *_TAI_LIKE,
            ("Pọm", "Xương", "Thoong", *_TAI_MALE[:10]),
            ("Ỏm", "Khiên", *_TAI_FEMALE[:10]),
        ),
        Ethnicity("La Ha", _weighted("Lò 3, Lường 2, Quàng 2, Hoàng 1"), *_TAI_LIKE, _TAI_MALE, _TAI_FEMALE),
        Ethnicity("Kháng", _weighted("Lò 3, Vì 2, Quàng 2, Tòng 1"), *_TAI_LIKE, _TAI_MALE, _TAI_FEMALE),
        Ethnicity("Lào", _weighted("Lò 3, Lường 2, Vì 1"), *_TAI_LIKE, _TAI_MALE, _TAI_FEMALE),
    )
}

# Who works where: province bodies recruit more Kinh graduates than the communes do.
PROVINCE_MIX = {"Kinh": 45, "Thái": 33, "Mường": 7, "H'Mông": 7, "Dao": 3, "Khơ Mú": 2, "Xinh Mun": 1.2}
PROVINCE_MIX |= {"La Ha": 0.8, "Kháng": 0.6, "Lào": 0.4}
COMMUNE_MIX = {"Thái": 48, "Kinh": 17, "H'Mông": 17, "Mường": 7, "Dao": 3.5, "Khơ Mú": 3, "Xinh Mun": 1.8}
COMMUNE_MIX |= {"La Ha": 1.2, "Kháng": 1, "Lào": 0.5}

SON_LA = 14
# Registration provinces of people born elsewhere (codes of DOMAIN.md §6.6), weighted.
KINH_ELSEWHERE = {1: 3, 25: 2, 30: 1, 33: 1, 34: 3, 36: 3, 38: 2, 40: 2, 17: 2}
HIGHLANDS_ELSEWHERE = {11: 2, 12: 1, 15: 1, 17: 1}


def _pick(rng: random.Random, weighted: dict) -> object:
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def pick_ethnicity(rng: random.Random, *, commune: bool) -> Ethnicity:
    return ETHNICITIES[_pick(rng, COMMUNE_MIX if commune else PROVINCE_MIX)]


def full_name(rng: random.Random, ethnicity: Ethnicity, sex: str) -> str:
    family = _pick(rng, ethnicity.families)
    if sex == "F":
        return f"{family} {_pick(rng, ethnicity.middle_female)} {rng.choice(ethnicity.given_female)}"
    return f"{family} {_pick(rng, ethnicity.middle_male)} {rng.choice(ethnicity.given_male)}"


def registration_province(rng: random.Random, ethnicity: Ethnicity) -> int:
    """Most people were registered at birth in Sơn La; some Kinh staff come from the delta."""
    if ethnicity.name == "Kinh":
        return _pick(rng, KINH_ELSEWHERE) if rng.random() < 0.3 else SON_LA
    return _pick(rng, HIGHLANDS_ELSEWHERE) if rng.random() < 0.04 else SON_LA
