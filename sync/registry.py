"""Who fills each data group: apps register providers, the feed reads them (sync imports only hr and lower).

An app that holds part of a person's dossier calls `register_group` in its `AppConfig.ready()`, as training
registers its history events with hr: the key of the NĐ 27 group (`sync.groups`), a label for its part, a
function `serialize(employee) -> dict` giving its part of the group's data, and the models whose changes touch
it. Several providers may fill one group (hr's salary and ratings, the dossier's allowances all go to `work`);
their dicts are merged, and two providers giving the same name is a programming error.

A model is given alone (any change of it touches the group) or as `(model, fields)` (only a change of one of
those fields does, a creation always). Every service writing such a model logs its changes through
`hr.services.changes.person_changes_record`; the feed maps each logged change to its groups here.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.functional import Promise

from hr.models import Employee
from hr.services.changes import source_of
from sync.groups import GROUP_KEYS

# The deadline rule a provider's changes follow (`sync.models.SyncDeadlineRule.kind`).
OPERATIONAL = "OPERATIONAL"
RATING = "RATING"


@dataclass(frozen=True)
class Provider:
    key: str
    label: str | Promise
    serialize: Callable[[Employee], dict]
    # source ("app_label.modelname") → the fields whose change touches the group, or None for any change.
    sources: dict[str, frozenset[str] | None]
    deadline: str


_providers: list[Provider] = []


def _sources(entries: Iterable) -> dict[str, frozenset[str] | None]:
    sources: dict[str, frozenset[str] | None] = {}
    for entry in entries:
        model, fields = entry if isinstance(entry, tuple) else (entry, None)
        if not (isinstance(model, type) and issubclass(model, models.Model)):
            raise ImproperlyConfigured(f"register_group: {entry!r} is not a model or (model, fields)")
        sources[source_of(model)] = frozenset(fields) if fields is not None else None
    return sources


def register_group(
    key: str,
    label: str | Promise,
    serialize_person_fn: Callable[[Employee], dict],
    models: Iterable = (),
    *,
    deadline: str = OPERATIONAL,
) -> None:
    """Add a provider of part of group `key`; registering the same function again changes nothing."""
    if key not in GROUP_KEYS:
        raise ImproperlyConfigured(f"register_group: {key!r} is not a data group of NĐ 27/2026 ({GROUP_KEYS})")
    if deadline not in (OPERATIONAL, RATING):
        raise ImproperlyConfigured(f"register_group: unknown deadline {deadline!r}")
    if any(p.serialize is serialize_person_fn and p.key == key for p in _providers):
        return
    _providers.append(Provider(key, label, serialize_person_fn, _sources(models), deadline))


def providers(key: str | None = None) -> list[Provider]:
    """The providers of group `key` (all of them without a key), in the order they registered."""
    return [p for p in _providers if key is None or p.key == key]


def groups_of_change(source: str, fields: Iterable[str]) -> list[str]:
    """The keys of the groups a logged change touches, in the groups' order.

    A creation (no fields) touches every group reading the model; a change whose fields no provider names
    (a field added later) also touches them all: sending a group again costs less than missing it.
    """
    changed = frozenset(fields)
    reading = [p for p in _providers if source in p.sources]
    touched = {p.key for p in reading if not changed or p.sources[source] is None or p.sources[source] & changed}
    if not touched:
        touched = {p.key for p in reading}
    return [key for key in GROUP_KEYS if key in touched]


def rating_sources() -> set[str]:
    """Sources whose changes only ratings providers read: they follow the ratings deadline, the others theirs."""
    rating = {s for p in _providers if p.deadline == RATING for s in p.sources}
    operational = {s for p in _providers if p.deadline == OPERATIONAL for s in p.sources}
    return rating - operational
