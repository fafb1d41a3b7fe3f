"""Serializers of evaluations: list rows, the detail, field edits, transitions, amendment, statistics."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from backend.api.rows import RowListSerializer
from backend.api.strict import QuerySerializer
from evaluations.models import CriterionScore, Evaluation, PeriodKind, TaskLine, Transition
from evaluations.serializers.fields import (
    RatingField,
    RatingOutputField,
    StateField,
    StatusField,
    TransitionNameField,
)
from evaluations.services.forms import form_status
from hr.models import OrgUnit

PERCENT = {"max_digits": 5, "decimal_places": 2, "min_value": 0, "max_value": 100}


class EvaluationListSerializer(serializers.ModelSerializer):
    cycle_name = serializers.CharField(source="cycle.name", read_only=True)
    year = serializers.IntegerField(source="cycle.year", read_only=True)
    period_kind = serializers.CharField(source="cycle.period_kind", read_only=True)
    period_number = serializers.IntegerField(source="cycle.period_number", read_only=True)
    employee_name = serializers.CharField(source="employee.full_name", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    position_name = serializers.CharField(source="position.name", read_only=True, default="")
    computed_rating = RatingOutputField()
    self_rating = RatingOutputField()
    proposed_rating = RatingOutputField()
    final_rating = RatingOutputField()
    status = StatusField()

    class Meta:
        model = Evaluation
        fields = [
            "id",
            "cycle",
            "cycle_name",
            "year",
            "period_kind",
            "period_number",
            "employee",
            "employee_name",
            "unit",
            "unit_name",
            "agency",
            "agency_name",
            "position_name",
            "category",
            "is_leader",
            "is_agency_head",
            "status",
            "not_rated_reason",
            "version",
            "rule_set_version",
            "general_score",
            "task_score",
            "total_score",
            "computed_rating",
            "self_rating",
            "proposed_rating",
            "final_rating",
            "decided_on",
        ]
        read_only_fields = fields
        # A task (`evaluations.views.tasks.TaskSerializer`) reads the request: it goes back to DRF's own.
        list_serializer_class = RowListSerializer


class CriterionScoreSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="criterion.label", read_only=True)
    max_points = serializers.DecimalField(source="criterion.max_points", max_digits=5, decimal_places=2, read_only=True)

    class Meta:
        model = CriterionScore
        fields = ["criterion", "label", "max_points", "self_points", "manager_points", "final_points"]
        read_only_fields = fields


class TaskLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = TaskLine
        fields = [
            "product",
            "coefficient",
            "assigned",
            "done",
            "done_to_quality",
            "done_on_time",
            "major_errors",
            "delays",
        ]


class EvaluationDetailSerializer(EvaluationListSerializer):
    scores = CriterionScoreSerializer(many=True, read_only=True)
    task_lines = TaskLineSerializer(many=True, read_only=True)
    rule_set_code = serializers.CharField(source="rule_set.code", read_only=True, default="")
    decided_by_name = serializers.CharField(
        source="decided_by.username",
        read_only=True,
        default=None,
        help_text="The account that entered the decision (the competent person, or an officer on their behalf).",
    )
    proposed_by_name = serializers.CharField(source="proposed_by.username", read_only=True, default=None)
    amended_from_version = serializers.IntegerField(source="amended_from.version", read_only=True, default=None)
    superseded_by = serializers.SerializerMethodField()
    form_status = serializers.SerializerMethodField(
        help_text="draft while open; issuing once decided, until the form's PDF and SHA-256 are stored "
        "(right after the decision commits); issued."
    )

    class Meta(EvaluationListSerializer.Meta):
        fields = [
            *EvaluationListSerializer.Meta.fields,
            "rule_set",
            "rule_set_code",
            "months_worked",
            "months_absent",
            "duty_group",
            "self_comment",
            "self_signed_on",
            "completed_pct",
            "exceeded_pct",
            "not_assured_pct",
            "collective_minutes",
            "minutes_date",
            "manager_comment",
            "return_reason",
            "unit_result_pct",
            "organising_pct",
            "uniting_pct",
            "handling_proposal",
            "authority_comment",
            "decision_number",
            "decided_by",
            "decided_by_name",
            "proposed_by",
            "proposed_by_name",
            "competent_person",
            "competent_title",
            "competent_name",
            "notified_on",
            "forced_reasons",
            "score_source",
            "task_components",
            "scores",
            "task_lines",
            "amended_from",
            "amended_from_version",
            "amendment_reason",
            "superseded_by",
            "pdf_sha256",
            "pdf_version",
            "form_status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["draft", "issuing", "issued"]))
    def get_form_status(self, obj) -> str:
        return form_status(obj)

    def get_superseded_by(self, obj) -> int | None:
        newer = getattr(obj, "amended_by_version", None)
        return newer.pk if newer else None


class ScoreInputSerializer(serializers.Serializer):
    criterion = serializers.IntegerField()
    self_points = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, allow_null=True, required=False)
    manager_points = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, allow_null=True, required=False
    )
    final_points = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, allow_null=True, required=False
    )


class TaskLineInputSerializer(serializers.Serializer):
    product = serializers.CharField(max_length=255)
    coefficient = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0, default=1)
    assigned = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=0)
    done = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=0)
    done_to_quality = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=0)
    done_on_time = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=0)
    major_errors = serializers.IntegerField(min_value=0, max_value=1000, default=0)
    delays = serializers.IntegerField(min_value=0, max_value=1000, default=0)


class EvaluationInputSerializer(serializers.Serializer):
    """Every field a workflow step may set; which of them the caller may set now is the workflow's decision."""

    self_comment = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    self_rating = RatingField(required=False)
    completed_pct = serializers.DecimalField(**PERCENT, required=False, allow_null=True)
    exceeded_pct = serializers.DecimalField(**PERCENT, required=False, allow_null=True)
    not_assured_pct = serializers.DecimalField(**PERCENT, required=False, allow_null=True)
    collective_minutes = serializers.CharField(required=False, allow_blank=True, max_length=20000)
    minutes_date = serializers.DateField(required=False, allow_null=True)
    manager_comment = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    return_reason = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    unit_result_pct = serializers.DecimalField(**PERCENT, required=False, allow_null=True)
    organising_pct = serializers.DecimalField(**PERCENT, required=False, allow_null=True)
    uniting_pct = serializers.DecimalField(**PERCENT, required=False, allow_null=True)
    proposed_rating = RatingField(required=False)
    handling_proposal = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    duty_group = serializers.CharField(required=False, allow_blank=True, max_length=64)
    months_absent = serializers.DecimalField(max_digits=4, decimal_places=2, min_value=0, max_value=12, required=False)
    final_rating = RatingField(required=False)
    decision_number = serializers.CharField(required=False, allow_blank=True, max_length=64)
    authority_comment = serializers.CharField(required=False, allow_blank=True, max_length=10000)
    scores = ScoreInputSerializer(many=True, required=False)
    task_lines = TaskLineInputSerializer(many=True, required=False, max_length=500)

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                message = _("Not a field of an evaluation that can be set.")
                raise serializers.ValidationError({name: [message] for name in unknown})
        return super().to_internal_value(data)


class TransitionSerializer(serializers.ModelSerializer):
    name = TransitionNameField()
    source = StateField(source="source.code")
    target = StateField(source="target.code")

    class Meta:
        model = Transition
        fields = [
            "name",
            "label",
            "source",
            "target",
            "actors",
            "agency_head_actors",
            "fields",
            "required_fields",
            "effect",
        ]
        read_only_fields = fields


class AllowedActionSerializer(serializers.Serializer):
    name = TransitionNameField()
    label = serializers.CharField()
    target = StateField(source="target.code")
    fields = serializers.ListField(child=serializers.CharField())
    required_fields = serializers.ListField(child=serializers.CharField())


class AllowedActionsSerializer(serializers.Serializer):
    status = StatusField()
    locked = serializers.BooleanField()
    actor_kinds = serializers.ListField(child=serializers.CharField())
    transitions = AllowedActionSerializer(many=True)
    editable_fields = serializers.ListField(child=serializers.CharField())


class AmendInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000)


class StatisticsQuerySerializer(QuerySerializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), required=False)
    period_kind = serializers.ChoiceField(choices=PeriodKind.choices, default=PeriodKind.ANNUAL)


class StatisticsRowSerializer(serializers.Serializer):
    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.CharField(source="unit__name")
    HTXSNV = serializers.IntegerField()
    HTTNV = serializers.IntegerField()
    HTNV = serializers.IntegerField()
    KHTNV = serializers.IntegerField()
    not_rated = serializers.IntegerField()
    pending = serializers.IntegerField()
    total = serializers.IntegerField()


class StatisticsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    period_kind = serializers.CharField()
    units = StatisticsRowSerializer(many=True)
    totals = serializers.DictField(child=serializers.IntegerField())
