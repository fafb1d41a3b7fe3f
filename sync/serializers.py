"""Input and output shapes of the national database feed."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.api.strict import QuerySerializer, blank_parameters

MAX_PAGE = 500


class FeedQuerySerializer(QuerySerializer):
    cursor = serializers.CharField(
        required=False, max_length=64, help_text=_("The `next_cursor` of the previous page; none for the start.")
    )
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, default=100)

    def to_internal_value(self, data):
        # The cursor is no free text: `?cursor=` would read as "from the start" and send everything again.
        blanks = blank_parameters(data, {"cursor": False})
        if blanks:
            raise serializers.ValidationError(blanks, code="invalid")
        return super().to_internal_value(data)


class ChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    cursor = serializers.CharField(source="sequence", allow_null=True)
    person = serializers.IntegerField(source="employee_id")
    national_id = serializers.CharField(source="employee.national_id")
    groups = serializers.ListField(child=serializers.CharField())
    source = serializers.CharField()
    record_id = serializers.IntegerField(source="object_id")
    fields = serializers.ListField(child=serializers.CharField())
    changed_at = serializers.DateTimeField()
    acknowledged_at = serializers.DateTimeField(allow_null=True)


class FeedPageSerializer(serializers.Serializer):
    results = ChangeSerializer(source="changes", many=True)
    next_cursor = serializers.CharField(allow_null=True)
    has_more = serializers.BooleanField()


class AcknowledgementInputSerializer(serializers.Serializer):
    cursor = serializers.CharField(required=False, max_length=64)
    changes = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, allow_empty=False, max_length=10_000
    )


class AcknowledgementOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    cursor = serializers.CharField()
    change_ids = serializers.ListField(child=serializers.IntegerField())
    acknowledged = serializers.IntegerField()
    received_at = serializers.DateTimeField()


class OverdueChangeSerializer(ChangeSerializer):
    kind = serializers.CharField()
    deadline = serializers.DateField()
    working_days_late = serializers.IntegerField()
    legal_basis = serializers.CharField(source="rule.legal_basis")
