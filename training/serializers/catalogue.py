"""Serializers of the catalogue: content areas, topic tags and programmes."""

from rest_framework import serializers

from training.models import ContentArea, Programme, TopicTag


class ContentAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContentArea
        fields = ["id", "code", "name", "order"]


class TopicTagSerializer(serializers.ModelSerializer):
    class Meta:
        model = TopicTag
        fields = ["id", "code", "name", "is_reform"]


class ProgrammeOutputSerializer(serializers.ModelSerializer):
    content_area = ContentAreaSerializer()
    tags = TopicTagSerializer(many=True)
    has_reform_content = serializers.SerializerMethodField()

    class Meta:
        model = Programme
        fields = [
            "id",
            "code",
            "name",
            "content_area",
            "programme_type",
            "periods",
            "tags",
            "has_reform_content",
            "description",
            "is_active",
        ]

    def get_has_reform_content(self, obj) -> bool:
        return any(tag.is_reform for tag in obj.tags.all())


class ProgrammeInputSerializer(serializers.ModelSerializer):
    """Content area and tags by their codes, e.g. "STATE_MANAGEMENT", ["REFORM_PROCEDURES"]."""

    content_area = serializers.SlugRelatedField(slug_field="code", queryset=ContentArea.objects.all())
    tags = serializers.SlugRelatedField(slug_field="code", queryset=TopicTag.objects.all(), many=True, required=False)

    class Meta:
        model = Programme
        fields = ["code", "name", "content_area", "programme_type", "periods", "tags", "description", "is_active"]
