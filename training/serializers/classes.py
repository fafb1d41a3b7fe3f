"""Serializers of classes and the actions run on them (status, enrolment, attendance, results, certificates)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from hr.models import Employee, OrgUnit
from hr.serializers.units import UnitBriefSerializer
from training.models import ClassSession, Enrolment, Programme, Result, TrainingClass
from training.serializers.fields import ClassStatusField


class ProgrammeBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = ["id", "code", "name", "periods", "programme_type"]


class ClassOutputSerializer(serializers.ModelSerializer):
    programme = ProgrammeBriefSerializer()
    organiser = UnitBriefSerializer()
    enrolled = serializers.IntegerField(read_only=True)
    free_places = serializers.SerializerMethodField()
    status = ClassStatusField(read_only=True)

    class Meta:
        model = TrainingClass
        fields = [
            "id",
            "code",
            "programme",
            "organiser",
            "provider",
            "start_date",
            "end_date",
            "delivery",
            "capacity",
            "enrolled",
            "free_places",
            "status",
        ]

    def get_free_places(self, obj) -> int:
        return max(obj.capacity - obj.enrolled, 0)


class ClassInputSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingClass
        fields = ["code", "programme", "organiser", "provider", "start_date", "end_date", "delivery", "capacity"]


class ClassStatusInputSerializer(serializers.Serializer):
    status = ClassStatusField()


class SessionSerializer(serializers.ModelSerializer):
    present = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = ClassSession
        fields = ["id", "date", "periods", "present"]


class EnrolInputSerializer(serializers.Serializer):
    """One of: `employee` (one person), `employees` (a list) or `unit` (everyone working in its subtree)."""

    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all(), required=False)
    # Ids loaded in one query in validate_employees, not one lookup per person.
    employees = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, allow_empty=False, max_length=2000
    )
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), required=False)
    skip_ineligible = serializers.BooleanField(default=False)

    def validate_employees(self, value: list[int]) -> list[Employee]:
        found = Employee.objects.in_bulk(value)
        unknown = [pk for pk in value if pk not in found]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown employee id(s): %(ids)s.") % {"ids": ", ".join(str(pk) for pk in unknown)}
            )
        return [found[pk] for pk in value]

    def validate(self, attrs):
        given = [name for name in ("employee", "employees", "unit") if name in attrs]
        if len(given) != 1:
            raise serializers.ValidationError({"employee": [_("Give exactly one of: employee, employees or unit.")]})
        return attrs


class AttendanceLineSerializer(serializers.Serializer):
    enrolment = serializers.PrimaryKeyRelatedField(queryset=Enrolment.objects.all())
    present = serializers.BooleanField()


class AttendanceInputSerializer(serializers.Serializer):
    session = serializers.PrimaryKeyRelatedField(queryset=ClassSession.objects.all())
    records = AttendanceLineSerializer(many=True, allow_empty=False, max_length=10000)


class ResultLineSerializer(serializers.Serializer):
    enrolment = serializers.PrimaryKeyRelatedField(queryset=Enrolment.objects.all())
    result = serializers.ChoiceField(choices=[c for c in Result.choices if c[0] != Result.PENDING])
    periods_credited = serializers.IntegerField(min_value=0, max_value=2000, required=False, allow_null=True)
    note = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class ResultsInputSerializer(serializers.Serializer):
    results = ResultLineSerializer(many=True, allow_empty=False, max_length=10000)


class CertificateInputSerializer(serializers.Serializer):
    enrolment = serializers.PrimaryKeyRelatedField(queryset=Enrolment.objects.all())
    number = serializers.CharField(max_length=64)
    issue_date = serializers.DateField()
