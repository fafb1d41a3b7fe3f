"""Serializers of cycles, quota groups, unit ratings and rule sets."""

from rest_framework import serializers

from evaluations.models import (
    Criterion,
    EvaluationCycle,
    LeaderUnitRule,
    QuotaGroup,
    RatingThreshold,
    RuleSet,
    Workflow,
    WorkflowState,
)
from evaluations.serializers.evaluations import TransitionSerializer
from evaluations.serializers.fields import RatingField, RatingOutputField
from hr.models import OrgUnit, UnitRating


class CycleSerializer(serializers.ModelSerializer):
    scope_unit_name = serializers.CharField(source="scope_unit.name", read_only=True)

    class Meta:
        model = EvaluationCycle
        fields = [
            "id",
            "name",
            "year",
            "period_kind",
            "period_number",
            "scope_unit",
            "scope_unit_name",
            "self_assessment_deadline",
            "decision_deadline",
            "generated_at",
            "created_at",
        ]
        read_only_fields = fields


class CycleCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255, required=False, allow_blank=True)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    period_kind = serializers.ChoiceField(choices=EvaluationCycle._meta.get_field("period_kind").choices)
    period_number = serializers.IntegerField(min_value=1, max_value=12, default=1)
    scope_unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())
    self_assessment_deadline = serializers.DateField(required=False, allow_null=True)
    decision_deadline = serializers.DateField(required=False, allow_null=True)


class CycleUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=255, required=False)
    self_assessment_deadline = serializers.DateField(required=False, allow_null=True)
    decision_deadline = serializers.DateField(required=False, allow_null=True)


class NotRatedSerializer(serializers.Serializer):
    evaluation = serializers.IntegerField(required=False)
    employee = serializers.IntegerField()
    full_name = serializers.CharField()
    reason = serializers.CharField()


class GenerateResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    existing = serializers.IntegerField()
    not_rated = NotRatedSerializer(many=True)
    not_applicable = NotRatedSerializer(many=True)


class OutstandingInputSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())
    outstanding = serializers.BooleanField()
    note = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class QuotaGroupSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = QuotaGroup
        fields = ["id", "cycle", "unit", "unit_name", "outstanding", "note"]
        read_only_fields = fields


class FormsZipQuerySerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())


class UnitRatingSerializer(serializers.ModelSerializer):
    rating = RatingField(read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)

    class Meta:
        model = UnitRating
        fields = ["id", "unit", "unit_name", "year", "rating", "decision_number"]
        read_only_fields = fields


class UnitRatingInputSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    rating = RatingField()
    decision_number = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["id", "code", "label", "group", "max_points", "leaders_only", "source", "order"]


class ThresholdSerializer(serializers.ModelSerializer):
    rating = RatingField(read_only=True)

    class Meta:
        model = RatingThreshold
        fields = ["rating", "min_score", "min_completed_pct", "min_exceeded_pct", "max_not_assured_pct"]


class LeaderUnitRuleSerializer(serializers.ModelSerializer):
    leader_rating = RatingField(read_only=True)
    min_unit_rating = RatingField(read_only=True)

    class Meta:
        model = LeaderUnitRule
        fields = ["leader_rating", "min_unit_rating", "min_good_pct", "unrated_units", "legal_basis"]
        read_only_fields = fields


class StateSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkflowState
        fields = ["code", "label", "is_initial", "is_locked", "order"]


class WorkflowSerializer(serializers.ModelSerializer):
    states = StateSerializer(many=True, read_only=True)
    transitions = TransitionSerializer(many=True, read_only=True)

    class Meta:
        model = Workflow
        fields = ["code", "name", "states", "transitions"]


class RuleSetSerializer(serializers.ModelSerializer):
    absence_cap_rating = RatingOutputField()
    discipline_rating = RatingOutputField()
    criteria = CriterionSerializer(many=True, read_only=True)
    thresholds = ThresholdSerializer(many=True, read_only=True)
    leader_unit_rules = LeaderUnitRuleSerializer(many=True, read_only=True)
    workflow = WorkflowSerializer(read_only=True)

    class Meta:
        model = RuleSet
        fields = "__all__"
