"""Serializers for organisation units."""

from rest_framework import serializers

from hr.models import OrgUnit


class UnitBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrgUnit
        fields = ["id", "code", "name", "kind"]


class UnitOutputSerializer(serializers.ModelSerializer):
    parent = UnitBriefSerializer(read_only=True, allow_null=True)
    predecessors = UnitBriefSerializer(many=True, read_only=True)
    is_agency = serializers.BooleanField(read_only=True)

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "level",
            "parent",
            "depth",
            "is_agency",
            "valid_from",
            "valid_to",
            "predecessors",
        ]


class UnitInputSerializer(serializers.ModelSerializer):
    parent = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), allow_null=True, required=False)
    predecessors = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), many=True, required=False)

    class Meta:
        model = OrgUnit
        fields = ["code", "name", "kind", "level", "parent", "valid_from", "valid_to", "predecessors"]
