"""Serializers for discipline decisions: input of a decision, corrections, annulment, output."""

import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api.rows import RowListSerializer
from hr.models import DisciplineForm, DisciplinePause, DisciplineRecord, Employee, PauseKind, Severity


class PersonBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Employee
        fields = ["id", "full_name", "category", "unit"]


class PauseInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PauseKind.choices)
    start = serializers.DateField()
    end = serializers.DateField()
    note = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class PauseOutputSerializer(serializers.ModelSerializer):
    days = serializers.IntegerField(read_only=True)

    class Meta:
        model = DisciplinePause
        fields = ["id", "kind", "start", "end", "days", "note"]


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
    discovered_on = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Day the violation was discovered."
    )
    complex_case = serializers.BooleanField(default=False, help_text="Complex case: the longer processing deadline.")
    pauses = serializers.ListField(
        child=PauseInputSerializer(),
        required=False,
        max_length=20,
        help_text="Periods not counted in the processing time (deferral, criminal proceedings, complaints).",
    )


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
    pauses = PauseOutputSerializer(many=True, read_only=True, source="pause_list")
    days_not_counted = serializers.IntegerField(
        read_only=True, help_text="Days of the periods not counted in the processing time."
    )
    processed_late = serializers.BooleanField(
        read_only=True,
        allow_null=True,
        help_text="Decided after the processing deadline; null when the discovery date is not recorded.",
    )

    class Meta:
        model = DisciplineRecord
        list_serializer_class = RowListSerializer
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
            "discovered_on",
            "complex_case",
            "pauses",
            "days_not_counted",
            "processing_deadline",
            "processed_late",
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
