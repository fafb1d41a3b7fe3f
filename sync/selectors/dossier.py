"""A person's dossier as the national database takes it: the ten data groups of NĐ 27/2026, in their order."""

from django.utils import timezone

from hr.models import Employee
from sync.groups import GROUPS, INSTRUMENT
from sync.registry import providers

SCHEMA_VERSION = "1"


def group_data(employee: Employee, key: str) -> dict:
    """The merged parts of group `key` for `employee`; two providers giving the same name is a programming error."""
    data: dict = {}
    for provider in providers(key):
        part = provider.serialize(employee)
        clash = data.keys() & part.keys()
        if clash:
            raise RuntimeError(f"group {key}: {sorted(clash)} given by two providers")
        data |= part
    return data


def person_dossier(employee: Employee) -> dict:
    """Every group, filled or not (`available` says whether any app holds it yet), as in dossier.schema.json."""
    return {
        "schema_version": SCHEMA_VERSION,
        "legal_basis": INSTRUMENT,
        "generated_at": timezone.now().isoformat(),
        "person": {"id": employee.pk, "national_id": employee.national_id},
        "groups": [
            {
                "number": group.number,
                "key": group.key,
                "label": str(group.label),
                "available": bool(providers(group.key)),
                "data": group_data(employee, group.key),
            }
            for group in GROUPS
        ],
    }
