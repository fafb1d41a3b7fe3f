"""The 12-digit personal identification number and the legacy 9-digit card number."""

import datetime

import pytest

from hr.identity import make_national_id, national_id_mismatch, validate_legacy_id_number, validate_national_id
from tests.refusals import refusal


class TestNationalId:
    @pytest.mark.parametrize("value", ["01409001234", "0140900123456", "01409001234a", "", " 014090012345"])
    def test_rejects_anything_but_twelve_digits(self, value):
        with refusal("national_id_format"):
            validate_national_id(value)

    @pytest.mark.parametrize("value", ["000090012345", "097090012345"])
    def test_rejects_unknown_province_codes(self, value):
        with refusal("national_id_province"):
            validate_national_id(value)

    def test_accepts_son_la_id(self):
        validate_national_id("014090012345")

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
