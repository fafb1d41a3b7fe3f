"""The columns a list row reads of a person or a unit it names in brief, for the list's `.only()` (issue 15).

A person has 22 columns and a unit 10; a row that names them shows three each. Reading only those spares the
database, the driver's conversions and Django's model building for every row of a page.
"""

# `PersonBriefSerializer`'s and `UnitBriefSerializer`'s fields besides the id (a test keeps them in step).
PERSON_BRIEF = ("full_name", "category", "unit")
UNIT_BRIEF = ("code", "name", "kind")


def brief(relation: str, columns: tuple[str, ...]) -> list[str]:
    """`columns` of the model behind `relation` as paths for `.only()`."""
    return [f"{relation}__{column}" for column in columns]


def own_columns(model) -> list[str]:
    """Every column of `model` itself, for an `.only()` that narrows only its relations."""
    return [field.name for field in model._meta.concrete_fields]
