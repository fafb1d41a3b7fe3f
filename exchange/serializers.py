"""Input and output shapes of the import and export endpoints."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.api.strict import QuerySerializer
from evaluations.models import PeriodKind
from hr.models import OrgUnit

# Large enough for 100,000 employee rows as CSV; a bigger file is split by the officer.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class ImportInputSerializer(serializers.Serializer):
    file = serializers.FileField()
    dry_run = serializers.BooleanField(default=False)

    def validate_file(self, value):
        if value.size > MAX_UPLOAD_BYTES:
            raise serializers.ValidationError(_("The file is larger than 50 MB."))
        return value


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    message = serializers.CharField()


class ImportResultSerializer(serializers.Serializer):
    kind = serializers.CharField()
    dry_run = serializers.BooleanField()
    rows = serializers.IntegerField()
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    errors = RowErrorSerializer(many=True)


class RatingDistributionQuerySerializer(QuerySerializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), required=False)
    period_kind = serializers.ChoiceField(choices=PeriodKind.choices, default=PeriodKind.ANNUAL)
