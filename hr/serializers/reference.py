"""Serializers for reference data (scales, steps, ranks, positions, base salary)."""

from rest_framework import serializers

from hr.models import BaseSalary, Position, Rank, SalaryScale, SalaryStep


class SalaryStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = SalaryStep
        fields = ["id", "scale", "step", "coefficient"]


class SalaryScaleSerializer(serializers.ModelSerializer):
    steps = SalaryStepSerializer(many=True, read_only=True)

    class Meta:
        model = SalaryScale
        fields = ["id", "code", "name", "step_interval_years", "steps"]


class RankSerializer(serializers.ModelSerializer):
    scale_code = serializers.CharField(source="scale.code", read_only=True)

    class Meta:
        model = Rank
        fields = ["id", "code", "name", "scale", "scale_code", "is_active"]


class PositionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Position
        fields = ["id", "code", "name", "is_leadership", "is_head", "allowance_coefficient"]


class BaseSalarySerializer(serializers.ModelSerializer):
    class Meta:
        model = BaseSalary
        fields = ["id", "amount", "valid_from", "valid_to", "legal_basis"]
