"""Serializers of the units' choices of the older evaluation rules (NĐ 233/2026 Điều 20.1)."""

from rest_framework import serializers

from evaluations.models import UnitRulesChoice
from hr.models import OrgUnit


class UnitRulesChoiceSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    legal_basis = serializers.CharField(source="transitional.legal_basis", read_only=True)
    rule_set_code = serializers.CharField(source="transitional.rule_set.code", read_only=True)
    older_rule_set_code = serializers.CharField(source="transitional.older_rule_set.code", read_only=True)
    recorded_by_name = serializers.CharField(source="recorded_by.username", read_only=True, default=None)

    class Meta:
        model = UnitRulesChoice
        fields = [
            "id",
            "unit",
            "unit_name",
            "year",
            "basis",
            "decision_number",
            "legal_basis",
            "rule_set_code",
            "older_rule_set_code",
            "recorded_by_name",
            "recorded_at",
        ]
        read_only_fields = fields


class UnitRulesChoiceInputSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    basis = serializers.CharField(max_length=2000)
    decision_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
