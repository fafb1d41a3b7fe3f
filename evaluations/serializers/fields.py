"""The rating-level field, documented once in the OpenAPI schema as the `RatingLevel` component."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers

from hr.models import RatingLevel


class RatingField(serializers.ChoiceField):
    """One of the four rating levels (HTXSNV, HTTNV, HTNV, KHTNV)."""

    def __init__(self, **kwargs):
        super().__init__(choices=RatingLevel.choices, **kwargs)


class RatingOutputField(serializers.CharField):
    """A rating level, or "" while none is given."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


def _rating_component(auto_schema) -> dict:
    component = ResolvedComponent(
        name="RatingLevel",
        type=ResolvedComponent.SCHEMA,
        object="RatingLevel",
        schema={
            "type": "string",
            "enum": list(RatingLevel.values),
            "description": "\n".join(f"* `{level.value}` - {level.label}" for level in RatingLevel),
        },
    )
    auto_schema.registry.register_on_missing(component)
    return component.ref


class RatingFieldExtension(OpenApiSerializerFieldExtension):
    """Every rating field points at one component, so the same levels are not named once per field."""

    target_class = RatingField

    def map_serializer_field(self, auto_schema, direction):
        return _rating_component(auto_schema)


class RatingOutputFieldExtension(OpenApiSerializerFieldExtension):
    target_class = RatingOutputField

    def map_serializer_field(self, auto_schema, direction):
        return {"oneOf": [_rating_component(auto_schema), {"type": "string", "maxLength": 0}]}
