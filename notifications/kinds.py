"""The kinds of notices: each app registers its own, saying whether a person may opt out of it."""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NoticeKind:
    """`mandatory` notices (a decided rating, its notification) are always sent; the others can be turned off,
    and those not `on_by_default` (the managers' digest) must be turned on."""

    name: str
    label: str | Promise
    mandatory: bool = False
    on_by_default: bool = True


_KINDS: dict[str, NoticeKind] = {}


def notice_kind_register(*kinds: NoticeKind) -> None:
    for kind in kinds:
        _KINDS[kind.name] = kind


def notice_kind(name: str) -> NoticeKind:
    return _KINDS[name]


def notice_kinds() -> list[NoticeKind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.name)
