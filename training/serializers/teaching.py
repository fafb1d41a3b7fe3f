"""Teaching records: input of the class runner, output with the teacher and the class."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hr.models import Employee
from training.models import TeachingAssignment, TeachingStatus, TrainingClass
from training.serializers.enrolments import ClassBriefSerializer, EmployeeBriefSerializer
from training.serializers.fields import _enum


@extend_schema_field(_enum(TeachingStatus), component_name="TeachingStatus")
class TeachingStatusField(serializers.ChoiceField):
    """Recorded, or cancelled with a reason."""

    def __init__(self, **kwargs):
        super().__init__(choices=TeachingStatus.choices, **kwargs)


class TeachingInputSerializer(serializers.Serializer):
    # Any teacher: a director of one department teaches a course another unit runs; its runner records it.
    training_class = serializers.PrimaryKeyRelatedField(queryset=TrainingClass.objects.all())
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())
    periods = serializers.IntegerField(min_value=1, max_value=2000)
    note = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class TeachingCancelInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=255)


class TeachingOutputSerializer(serializers.ModelSerializer):
    employee = EmployeeBriefSerializer()
    training_class = ClassBriefSerializer()
    status = TeachingStatusField(read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", default=None, read_only=True)

    class Meta:
        model = TeachingAssignment
        fields = [
            "id",
            "employee",
            "training_class",
            "periods",
            "note",
            "status",
            "cancel_reason",
            "recorded_by",
            "recorded_at",
        ]
