"""The 12-digit personal identification number and the legacy 9-digit card number."""

import datetime

import pytest

from hr.identity import (
    birth_year_of,
    is_national_id,
    make_national_id,
    national_id_mismatch,
    validate_legacy_id_number,
    validate_national_id,
)
from tests.refusals import refusal

# Strings of twelve characters that `str.isdigit()` or the regex `\d` take for digits, and no card carries.
NOT_ASCII_DIGITS = [
    "٠١٤٠٩٠٠١٢٣٤٥",  # Arabic-Indic
    "０１４０９００１２３４５",  # full-width
    "०१४०९००१२३४५",  # Devanagari
    "01409001234５",  # one full-width digit at the end
    "٠14090012345",  # one Arabic-Indic digit at the start
    "01409001234²",  # a superscript: isdigit() but no decimal digit
]


class TestNationalId:
    @pytest.mark.parametrize("value", ["01409001234", "0140900123456", "01409001234a", "", " 014090012345"])
    def test_rejects_anything_but_twelve_digits(self, value):
        with refusal("national_id_format"):
            validate_national_id(value)

    @pytest.mark.parametrize("value", NOT_ASCII_DIGITS)
    def test_rejects_digits_other_than_ascii(self, value):
        assert not is_national_id(value)
        with refusal("national_id_format"):
            validate_national_id(value)

    def test_rejects_a_final_newline(self):
        # `^\d{12}$` matched "…\n": `$` matches before a final newline.
        with refusal("national_id_format"):
            validate_national_id("014090012345\n")

    @pytest.mark.parametrize("value", ["000090012345", "097090012345"])
    def test_rejects_unknown_province_codes(self, value):
        with refusal("national_id_province"):
            validate_national_id(value)

    @pytest.mark.parametrize("value", ["001090012345", "014090012345", "096090012345"])
    def test_accepts_the_province_codes_at_both_ends(self, value):
        validate_national_id(value)

    def test_year_of_birth_this_year_is_accepted_next_year_refused(self):
        this_year = datetime.date.today().year
        validate_national_id(make_national_id(14, datetime.date(this_year, 1, 1), "M", 1))
        with refusal("national_id_year"):
            validate_national_id(make_national_id(14, datetime.date(this_year + 1, 1, 1), "M", 1))

    def test_century_digits_eight_and_nine_are_the_2300s(self):
        # DOMAIN.md §6.6: 4/5, 6/7, 8/9 for the centuries after 2000–2099; never the 1800s.
        assert birth_year_of("014899000001") == 2399
        assert birth_year_of("014900000001") == 2300
        with refusal("national_id_year"):
            validate_national_id("014890000001")
        assert national_id_mismatch("014890000001", datetime.date(1890, 1, 1), "M") is not None

    def test_century_and_sex_digit_must_match_the_person(self):
        born = datetime.date(1990, 5, 2)
        assert national_id_mismatch("014090012345", born, "M") is None
        assert national_id_mismatch("014190012345", born, "F") is None
        assert national_id_mismatch("014190012345", born, "M") is not None  # female digit for a man
        assert national_id_mismatch("014091012345", born, "M") is not None  # wrong year
        assert national_id_mismatch("014290012345", born, "M") is not None  # 2090, not 1990

    def test_people_born_in_the_2000s_use_digits_2_and_3(self):
        born = datetime.date(2001, 1, 1)
        assert make_national_id(14, born, "F", 7) == "014301000007"
        assert national_id_mismatch("014301000007", born, "F") is None


class TestLegacyId:
    def test_nine_digits_or_empty(self):
        validate_legacy_id_number("")
        validate_legacy_id_number("050123456")
        with refusal("legacy_id_format"):
            validate_legacy_id_number("05012345")
        with refusal("legacy_id_format"):
            validate_legacy_id_number("014090012345")

    @pytest.mark.parametrize("value", ["٠٥٠١٢٣٤٥٦", "０５０１２３４５６", "050123456\n"])
    def test_only_ascii_digits(self, value):
        with refusal("legacy_id_format"):
            validate_legacy_id_number(value)
