"""Status fields documented as their own named components, so they do not collide with other "status" enums."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from training.models import ClassStatus, EnrolmentStatus


def _enum(choices) -> dict:
    return {
        "type": "string",
        "enum": list(choices.values),
        "description": "\n".join(f"* `{choice.value}` - {choice.label}" for choice in choices),
    }


@extend_schema_field(_enum(ClassStatus), component_name="TrainingClassStatus")
class ClassStatusField(serializers.ChoiceField):
    """A class's place in draft → open → in progress → completed (or cancelled)."""

    def __init__(self, **kwargs):
        super().__init__(choices=ClassStatus.choices, **kwargs)


@extend_schema_field(_enum(EnrolmentStatus), component_name="EnrolmentStatus")
class EnrolmentStatusField(serializers.ChoiceField):
    """Enrolled, or withdrawn before a result."""

    def __init__(self, **kwargs):
        super().__init__(choices=EnrolmentStatus.choices, **kwargs)
