"""The dossier's part of the national database feed: one provider per NĐ 27 data group, registered at start-up.

hr registers what its record holds (`sync.hr_groups`: identity fields, assignments, salary, ratings,
commendations, discipline). The dossier adds, for each of the ten groups, the catalogue fields it holds itself:
the values of the person's `GroupRecord` of the group (places with the unit they became part of) and its own
tables (family members, degrees and certificates, job positions held, allowances). Catalogue fields read from
hr's record (`employee.<attr>`) or hr's tables (assignments, salary records, ratings, commendations,
discipline) are left out: hr's providers send them already, under their own names, and the feed refuses the
same name from two providers.

Sensitive groups (family, assets and income, health) are sent in full. The feed's endpoints answer only
`hr.access.can_read_sync_feed` (the national connector's account and the province administration): NĐ 27/2026
makes the dossier, all ten groups, a record of the national database, and these accounts are how the province
hands it over. `dossier.access.can_read_sensitive` does not know the connector's role (it is neither the person,
nor their personnel officer, nor the administration), so the providers read the dossier without a user, as the
system itself does; the gate is the feed's permission, tested with every other role refused.

Which changes touch which group: the tables' models as a whole, and `GroupRecord` through `(GroupRecord,
[dossier group key])`. A group record holds one group's values for one person, so its services log the group's
key (upper case, never a value key) among the changed fields (`dossier.services.changes`); the registry then
maps the change to that group alone, without knowing the row.
"""

from django.db.models import Model

from dossier.groups import field_value, places_of
from dossier.models import RECORD, Allowance, DataGroup, FamilyMember, GroupRecord, PositionHolding, Qualification
from dossier.selectors.catalogue import fields_in_force
from hr.models import Employee
from sync.registry import register_group

#: The dossier's group keys and the feed's (sync.groups), group by group in the decree's order.
SYNC_KEYS: dict[str, str] = {
    DataGroup.IDENTITY: "identity",
    DataGroup.FAMILY: "family",
    DataGroup.PERSONAL_HISTORY: "personal_history",
    DataGroup.RECRUITMENT: "career",
    DataGroup.EDUCATION: "education",
    DataGroup.WORK: "work",
    DataGroup.POLITICAL: "organisations",
    DataGroup.MILITARY: "armed_forces",
    DataGroup.ASSETS: "assets_income",
    DataGroup.HEALTH: "health",
}

#: The catalogue's `table.<name>` sources the dossier holds itself; the others are hr's rows, which hr sends.
OWN_TABLES: dict[str, type[Model]] = {
    "table.family_members": FamilyMember,
    "table.qualifications": Qualification,
    "table.position_holdings": PositionHolding,
    "table.allowances": Allowance,
}

#: The dossier's tables whose changes touch each group (as the catalogue of Mẫu 2C places them).
GROUP_TABLES: dict[str, tuple[type[Model], ...]] = {
    DataGroup.FAMILY: (FamilyMember,),
    DataGroup.EDUCATION: (Qualification,),
    DataGroup.WORK: (PositionHolding, Allowance),
}


def held_by_dossier(source: str) -> bool:
    """Whether a catalogue field's value is kept by the dossier (its record or its own tables), not by hr."""
    return source == RECORD or source in OWN_TABLES


def dossier_group_part(employee: Employee, group: str) -> dict:
    """The catalogue fields in force of `group` the dossier holds for `employee`, by field key.

    Queries: the group's fields, its record, the places named (when any) and one per table of the group,
    however many rows or places the person has.
    """
    fields = [field for field in fields_in_force(group=group) if held_by_dossier(field.source)]
    record = GroupRecord.objects.filter(employee=employee, group=group).first()
    places = places_of([record], fields) if record is not None else {}
    return {field.key: field_value(employee, field, record, places) for field in fields}


def _provider(group: str):
    def serialize(employee: Employee) -> dict:
        return dossier_group_part(employee, group)

    serialize.__name__ = serialize.__qualname__ = f"dossier_{SYNC_KEYS[group]}"
    serialize.__doc__ = f"The dossier's part of the feed's group {SYNC_KEYS[group]!r}."
    return serialize


# Built once at import: registering the same functions again (a second ready()) changes nothing.
PROVIDERS = {group: _provider(group) for group in SYNC_KEYS}


def dossier_groups_register() -> None:
    """Register the dossier's part of each of the ten groups with the feed."""
    for group, key in SYNC_KEYS.items():
        models = [(GroupRecord, [group]), *GROUP_TABLES.get(group, ())]
        register_group(key, DataGroup(group).label, PROVIDERS[group], models)
