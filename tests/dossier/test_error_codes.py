"""Every refusal code of the dossier app is registered, raised and listed in its README."""

from tests.refusals import check_codes_registered


def test_codes_are_registered_raised_and_documented():
    check_codes_registered("dossier")
