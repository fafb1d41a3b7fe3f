"""Serializers for discipline decisions: input of a decision, corrections, annulment, output."""

import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hr.models import DisciplineForm, DisciplineRecord, Employee, Severity


class PersonBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Employee
        fields = ["id", "full_name", "category", "unit"]


class DisciplineCreateSerializer(serializers.Serializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())
    form = serializers.ChoiceField(choices=DisciplineForm.choices)
    decision_number = serializers.CharField(max_length=64)
    issuing_authority = serializers.CharField(max_length=255)
    decision_date = serializers.DateField()
    effective_date = serializers.DateField()
    violation_date = serializers.DateField()
    reason = serializers.CharField()
    severity = serializers.ChoiceField(choices=Severity.choices)
    duty_related = serializers.BooleanField(default=True)
    no_limitation = serializers.BooleanField(default=False)
    party_decision_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    party_decision_date = serializers.DateField(required=False, allow_null=True, default=None)


class DisciplineUpdateSerializer(serializers.Serializer):
    decision_number = serializers.CharField(max_length=64, required=False)
    issuing_authority = serializers.CharField(max_length=255, required=False)
    reason = serializers.CharField(required=False)
    severity = serializers.ChoiceField(choices=Severity.choices, required=False)
    duty_related = serializers.BooleanField(required=False)


class AnnulInputSerializer(serializers.Serializer):
    annulled_on = serializers.DateField()
    annulling_decision_number = serializers.CharField(max_length=64)
    reason = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class DisciplineOutputSerializer(serializers.ModelSerializer):
    employee = PersonBriefSerializer(read_only=True)
    legal_basis = serializers.CharField(source="rule.legal_basis", read_only=True)
    repeat_of = serializers.PrimaryKeyRelatedField(read_only=True)
    lapses_on = serializers.SerializerMethodField(help_text="The first day the decision is no longer in force.")
    is_annulled = serializers.BooleanField(read_only=True)

    class Meta:
        model = DisciplineRecord
        fields = [
            "id",
            "employee",
            "form",
            "decision_number",
            "issuing_authority",
            "decision_date",
            "effective_date",
            "violation_date",
            "reason",
            "duty_related",
            "severity",
            "no_limitation",
            "party_decision_number",
            "party_decision_date",
            "legal_basis",
            "is_repeat",
            "repeat_of",
            "effect_start",
            "effect_end",
            "lapses_on",
            "is_annulled",
            "annulled_on",
            "annulling_decision_number",
            "annulment_reason",
            "created_at",
        ]

    @extend_schema_field(OpenApiTypes.DATE)
    def get_lapses_on(self, obj) -> str:
        return (obj.effect_end + datetime.timedelta(days=1)).isoformat()
