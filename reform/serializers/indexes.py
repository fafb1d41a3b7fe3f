"""Serializers for the reform index sets (read only: the sets are loaded as data)."""

from rest_framework import serializers

from reform.models import Band, IndexArea, IndexCriterion, IndexSet


class ReformBandSerializer(serializers.ModelSerializer):
    class Meta:
        model = Band
        fields = ["id", "code", "name", "min_pct", "head_rating_cap"]


class IndexCriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndexCriterion
        fields = [
            "id",
            "parent",
            "code",
            "name",
            "order",
            "max_points",
            "is_leaf",
            "scoring_method",
            "evidence_required",
            "source",
            "computed_metric",
            "full_points_at_pct",
            "points_off_per_count",
        ]


class IndexAreaSerializer(serializers.ModelSerializer):
    criteria = IndexCriterionSerializer(many=True, read_only=True)

    class Meta:
        model = IndexArea
        fields = ["id", "code", "name", "order", "max_points", "criteria"]


class IndexSetSerializer(serializers.ModelSerializer):
    areas = IndexAreaSerializer(many=True, read_only=True)
    bands = ReformBandSerializer(many=True, read_only=True)

    class Meta:
        model = IndexSet
        fields = ["id", "year", "target_level", "name", "legal_basis", "max_points", "areas", "bands"]
