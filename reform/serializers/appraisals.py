"""Serializers for reform appraisals: output, ranking rows and the inputs of each workflow step."""

from rest_framework import serializers
from rest_framework.reverse import reverse

from hr.models import OrgUnit
from hr.serializers.units import UnitBriefSerializer
from reform.models import Appraisal, AppraisalScore, Evidence

POINTS = {"max_digits": 6, "decimal_places": 2}


class AppraisalEvidenceSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(help_text="Where a caller who reads the appraisal downloads it.")

    class Meta:
        model = Evidence
        fields = ["id", "original_name", "size", "note", "download_url", "uploaded_at"]

    def get_download_url(self, obj) -> str:
        # The score is cached on the evidence by the prefetch (or by the upload), so this costs no query.
        return reverse(
            "reform-appraisal-evidence-download",
            kwargs={"pk": obj.score.appraisal_id, "evidence_id": obj.pk},
            request=self.context.get("request"),
        )


class AppraisalScoreSerializer(serializers.ModelSerializer):
    criterion_code = serializers.CharField(source="criterion.code", read_only=True)
    criterion_name = serializers.CharField(source="criterion.name", read_only=True)
    area_code = serializers.CharField(source="criterion.area.code", read_only=True)
    max_points = serializers.DecimalField(source="criterion.max_points", read_only=True, **POINTS)
    scoring_method = serializers.CharField(source="criterion.scoring_method", read_only=True)
    source = serializers.CharField(source="criterion.source", read_only=True)
    evidence_required = serializers.BooleanField(source="criterion.evidence_required", read_only=True)
    computed_metric = serializers.CharField(source="criterion.computed_metric", read_only=True)
    evidence = AppraisalEvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = AppraisalScore
        fields = [
            "id",
            "criterion",
            "criterion_code",
            "criterion_name",
            "area_code",
            "max_points",
            "scoring_method",
            "source",
            "evidence_required",
            "computed_metric",
            "self_score",
            "self_note",
            "computed_value",
            "computed_points",
            "computed_at",
            "appraised_score",
            "appraisal_reason",
            "survey_score",
            "evidence",
        ]


APPRAISAL_FIELDS = [
    "id",
    "unit",
    "index_set",
    "year",
    "target_level",
    "status",
    "self_total",
    "appraised_total",
    "survey_total",
    "total",
    "max_points",
    "percentage",
    "band",
    "decision_number",
    "submitted_at",
    "published_at",
]


class AppraisalSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer(read_only=True)
    year = serializers.IntegerField(source="index_set.year", read_only=True)
    target_level = serializers.CharField(source="index_set.target_level", read_only=True)
    max_points = serializers.DecimalField(source="index_set.max_points", read_only=True, **POINTS)
    band = serializers.CharField(source="band.code", read_only=True, allow_null=True)
    # Plain text in the schema: a second enum named "status" (employees have one) would break its generation.
    status = serializers.CharField(read_only=True, help_text="SELF_ASSESSMENT, APPRAISAL or PUBLISHED")

    class Meta:
        model = Appraisal
        fields = APPRAISAL_FIELDS


class AppraisalDetailSerializer(AppraisalSerializer):
    scores = AppraisalScoreSerializer(many=True, read_only=True)

    class Meta:
        model = Appraisal
        fields = [*APPRAISAL_FIELDS, "scores"]


class RankingRowSerializer(AppraisalSerializer):
    rank = serializers.IntegerField(read_only=True)

    class Meta:
        model = Appraisal
        fields = ["rank", *APPRAISAL_FIELDS]


class AppraisalOpenSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())
    year = serializers.IntegerField(min_value=2000, max_value=2100)


class SelfScoreEntrySerializer(serializers.Serializer):
    criterion = serializers.IntegerField()
    score = serializers.DecimalField(allow_null=True, **POINTS)
    note = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class AppraisedScoreEntrySerializer(serializers.Serializer):
    criterion = serializers.IntegerField()
    score = serializers.DecimalField(allow_null=True, **POINTS)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=4000, default="")


class SurveyScoreEntrySerializer(serializers.Serializer):
    criterion = serializers.IntegerField()
    score = serializers.DecimalField(allow_null=True, **POINTS)


class SelfScoresInputSerializer(serializers.Serializer):
    scores = SelfScoreEntrySerializer(many=True, allow_empty=False)


class AppraisedScoresInputSerializer(serializers.Serializer):
    scores = AppraisedScoreEntrySerializer(many=True, allow_empty=False)


class SurveyScoresInputSerializer(serializers.Serializer):
    scores = SurveyScoreEntrySerializer(many=True, allow_empty=False)


class PublishInputSerializer(serializers.Serializer):
    decision_number = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")


class ReturnInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class EvidenceInputSerializer(serializers.Serializer):
    criterion = serializers.IntegerField()
    file = serializers.FileField(max_length=255)
    note = serializers.CharField(required=False, allow_blank=True, max_length=255, default="")
