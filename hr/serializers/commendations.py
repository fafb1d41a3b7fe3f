"""Serializers for titles, commendations, initiatives and the eligibility answer."""

from rest_framework import serializers

from backend.api.rows import RowListSerializer
from backend.api.strict import QuerySerializer
from hr.models import Award, Commendation, Employee, Initiative, InitiativeLevel, OrgUnit
from hr.serializers.discipline import PersonBriefSerializer
from hr.serializers.units import UnitBriefSerializer


class CommendationCreateSerializer(serializers.Serializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all(), required=False, allow_null=True)
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), required=False, allow_null=True)
    award = serializers.ChoiceField(choices=Award.choices)
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    decision_number = serializers.CharField(max_length=64)
    issuing_authority = serializers.CharField(max_length=255)
    decision_date = serializers.DateField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CommendationOutputSerializer(serializers.ModelSerializer):
    employee = PersonBriefSerializer(read_only=True, allow_null=True)
    unit = UnitBriefSerializer(read_only=True, allow_null=True)
    kind = serializers.CharField(source="rule.kind", read_only=True)
    level = serializers.CharField(source="rule.level", read_only=True)
    recipient = serializers.CharField(source="rule.recipient", read_only=True)
    legal_basis = serializers.CharField(source="rule.legal_basis", read_only=True)
    is_annulled = serializers.BooleanField(read_only=True)

    class Meta:
        model = Commendation
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "employee",
            "unit",
            "award",
            "kind",
            "level",
            "recipient",
            "year",
            "decision_number",
            "issuing_authority",
            "decision_date",
            "reason",
            "coefficient",
            "base_salary",
            "amount",
            "legal_basis",
            "is_annulled",
            "annulled_on",
            "annulling_decision_number",
            "annulment_reason",
            "created_at",
        ]


class InitiativeCreateSerializer(serializers.Serializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())
    title = serializers.CharField(max_length=255)
    recognition_level = serializers.ChoiceField(choices=InitiativeLevel.choices)
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    decision_number = serializers.CharField(max_length=64)
    recognised_on = serializers.DateField()


class InitiativeOutputSerializer(serializers.ModelSerializer):
    employee = PersonBriefSerializer(read_only=True)
    is_annulled = serializers.BooleanField(read_only=True)

    class Meta:
        model = Initiative
        fields = [
            "id",
            "employee",
            "title",
            "recognition_level",
            "year",
            "decision_number",
            "recognised_on",
            "is_annulled",
            "annulled_on",
            "annulling_decision_number",
            "annulment_reason",
            "created_at",
        ]


class EligibilityQuerySerializer(QuerySerializer):
    employee = serializers.IntegerField(required=False, min_value=1)
    unit = serializers.IntegerField(required=False, min_value=1)
    year = serializers.IntegerField(min_value=1990, max_value=2100)


class VerdictSerializer(serializers.Serializer):
    award = serializers.ChoiceField(choices=Award.choices)
    name = serializers.CharField()
    eligible = serializers.BooleanField()
    reasons = serializers.ListField(child=serializers.CharField())


class FormVerdictSerializer(VerdictSerializer):
    notes = serializers.ListField(
        child=serializers.CharField(),
        help_text="Met through an alternative criterion, or criteria left to the emulation council's judgement.",
    )


class EligibilityOutputSerializer(serializers.Serializer):
    employee = serializers.IntegerField(allow_null=True)
    unit = serializers.IntegerField(allow_null=True)
    year = serializers.IntegerField()
    titles = VerdictSerializer(many=True)
    forms = FormVerdictSerializer(many=True)
