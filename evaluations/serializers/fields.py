"""Rating, status and transition fields, each documented once in the OpenAPI schema as its own component."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers

from evaluations.models import NOT_RATED, SUPERSEDED
from hr.models import RatingLevel

# The states and transition names of the standard workflow (migration 0002, data that rule sets point
# at), then the two statuses outside any workflow. A workflow added later as data extends them here too:
# tests/evaluations/test_contract.py checks this list against every workflow in the database.
WORKFLOW_STATES = ("DRAFT", "SELF_ASSESSED", "COMMENTED", "REVIEWED", "PROPOSED", "DECIDED", "NOTIFIED")
EVALUATION_STATUSES = (*WORKFLOW_STATES, NOT_RATED, SUPERSEDED)
TRANSITION_NAMES = (
    "submit_self_assessment",
    "record_minutes",
    "return_to_employee",
    "review",
    "propose",
    "return_for_review",
    "decide",
    "notify",
)


class RatingField(serializers.ChoiceField):
    """One of the four rating levels (HTXSNV, HTTNV, HTNV, KHTNV)."""

    def __init__(self, **kwargs):
        super().__init__(choices=RatingLevel.choices, **kwargs)


class RatingOutputField(serializers.CharField):
    """A rating level, or null while none is given (the column stores "")."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return value or None


class StatusField(serializers.CharField):
    """An evaluation's status: a state of its workflow, NOT_RATED or SUPERSEDED."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


class StateField(serializers.CharField):
    """A state of a workflow (the source or target of a transition)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


class TransitionNameField(serializers.CharField):
    """The name of a workflow transition, as in POST /evaluations/{id}/transitions/{name}/."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


def _enum_component(auto_schema, name: str, values, description: str) -> dict:
    component = ResolvedComponent(
        name=name,
        type=ResolvedComponent.SCHEMA,
        object=name,
        schema={"type": "string", "enum": list(values), "description": description},
    )
    auto_schema.registry.register_on_missing(component)
    return component.ref


def _rating_component(auto_schema) -> dict:
    return _enum_component(
        auto_schema,
        "RatingLevel",
        RatingLevel.values,
        "\n".join(f"* `{level.value}` - {level.label}" for level in RatingLevel),
    )


def _null_component(auto_schema) -> dict:
    component = ResolvedComponent(
        name="NullEnum", type=ResolvedComponent.SCHEMA, object="NullEnum", schema={"enum": [None]}
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
        return {"oneOf": [_rating_component(auto_schema), _null_component(auto_schema)]}


class StatusFieldExtension(OpenApiSerializerFieldExtension):
    target_class = StatusField

    def map_serializer_field(self, auto_schema, direction):
        return _enum_component(
            auto_schema, "EvaluationStatus", EVALUATION_STATUSES, "A state of the workflow, NOT_RATED or SUPERSEDED."
        )


class StateFieldExtension(OpenApiSerializerFieldExtension):
    target_class = StateField

    def map_serializer_field(self, auto_schema, direction):
        return _enum_component(auto_schema, "WorkflowState", WORKFLOW_STATES, "A state of the evaluation workflow.")


class TransitionNameFieldExtension(OpenApiSerializerFieldExtension):
    target_class = TransitionNameField

    def map_serializer_field(self, auto_schema, direction):
        return _enum_component(auto_schema, "TransitionName", TRANSITION_NAMES, "A step of the evaluation workflow.")
