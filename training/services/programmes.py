"""Writes to the programme catalogue (province administrators)."""

from django.db import transaction

from hr.access import access_province_admin
from hr.models import User
from training.models import ContentArea, Programme, TopicTag


@transaction.atomic
def programme_create(
    *,
    actor: User | None,
    code: str,
    name: str,
    content_area: ContentArea,
    programme_type: str,
    periods: int,
    tags: list[TopicTag] | None = None,
    description: str = "",
    is_active: bool = True,
) -> Programme:
    """Add a programme to the catalogue (the province administration keeps it)."""
    access_province_admin(actor)
    programme = Programme(
        code=code,
        name=name,
        content_area=content_area,
        programme_type=programme_type,
        periods=periods,
        description=description,
        is_active=is_active,
    )
    programme._history_user = actor
    programme.full_clean()
    programme.save()
    programme.tags.set(tags or [])
    return programme


@transaction.atomic
def programme_update(
    *, programme: Programme, actor: User | None, tags: list[TopicTag] | None = None, **fields
) -> Programme:
    """Change a programme; classes already held keep crediting the periods recorded on their results."""
    access_province_admin(actor)
    for name, value in fields.items():
        setattr(programme, name, value)
    programme._history_user = actor
    programme.full_clean()
    programme.save()
    if tags is not None:
        programme.tags.set(tags)
    return programme
