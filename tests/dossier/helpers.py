"""Shared builders of the dossier tests: a place of birth, a complete identity group."""

from dossier.models import AdministrativeUnit

IDENTITY_URL = "/api/v1/dossier/{id}/groups/IDENTITY/"


def place(code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(code=code)


def identity_values(**changes) -> dict:
    values = {
        "birth_place": place("SL-TPSL-CHIENGCOI").pk,
        "hometown": place("TB").pk,
        "permanent_residence": "Tổ 3, phường Chiềng Cơi, tỉnh Sơn La",
        "religion": "Không",
    }
    values.update(changes)
    return values
