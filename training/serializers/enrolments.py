"""Serializers of enrolments, certificates, compliance figures and the personal training record."""

from rest_framework import serializers

from backend.api.rows import RowListSerializer
from training.models import Attendance, Certificate, Enrolment
from training.serializers.classes import ProgrammeBriefSerializer
from training.serializers.fields import ClassStatusField, EnrolmentStatusField


class ClassBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    programme = ProgrammeBriefSerializer()
    provider = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    delivery = serializers.CharField()
    status = ClassStatusField()


class EmployeeBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()


class CertificateBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Certificate
        fields = ["id", "number", "issue_date", "verification_code"]


class EnrolmentOutputSerializer(serializers.ModelSerializer):
    employee = EmployeeBriefSerializer()
    training_class = ClassBriefSerializer()
    # A declared nested serializer, not a method building a serializer per row (issue 15: most of a page's time).
    certificate = CertificateBriefSerializer(read_only=True, allow_null=True)
    status = EnrolmentStatusField(read_only=True)

    class Meta:
        model = Enrolment
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "employee",
            "training_class",
            "status",
            "result",
            "periods_credited",
            "result_note",
            "enrolled_at",
            "certificate",
        ]


class RefusalSerializer(serializers.Serializer):
    employee = serializers.IntegerField(source="employee.pk")
    full_name = serializers.CharField()
    reason = serializers.CharField()
    code = serializers.CharField()


class BulkEnrolOutputSerializer(serializers.Serializer):
    enrolled = EnrolmentOutputSerializer(many=True)
    refused = RefusalSerializer(many=True)


class AttendanceOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attendance
        fields = ["id", "enrolment", "session", "present"]


class CertificateOutputSerializer(serializers.ModelSerializer):
    employee = EmployeeBriefSerializer(source="enrolment.employee")
    training_class = ClassBriefSerializer(source="enrolment.training_class")

    class Meta:
        model = Certificate
        fields = ["id", "number", "issue_date", "verification_code", "enrolment", "employee", "training_class"]


class CertificatePublicSerializer(serializers.Serializer):
    """What anyone holding the code may confirm: no identifiers beyond the name."""

    valid = serializers.BooleanField(default=True)
    number = serializers.CharField()
    issue_date = serializers.DateField()
    full_name = serializers.CharField(source="enrolment.employee.full_name")
    programme = serializers.CharField(source="enrolment.training_class.programme.name")
    periods = serializers.IntegerField(source="enrolment.periods_credited")
    start_date = serializers.DateField(source="enrolment.training_class.start_date")
    end_date = serializers.DateField(source="enrolment.training_class.end_date")
    provider = serializers.CharField(source="enrolment.training_class.provider")


class ComplianceRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()
    category = serializers.CharField()
    unit = serializers.CharField(source="unit.name")
    credited = serializers.IntegerField()
    taught = serializers.IntegerField()
    minimum = serializers.IntegerField()
    compliant = serializers.BooleanField()
    reform_trained = serializers.BooleanField()

    class Meta:
        list_serializer_class = RowListSerializer


class ComplianceSummarySerializer(serializers.Serializer):
    unit = serializers.IntegerField(source="unit.pk")
    year = serializers.IntegerField()
    staff = serializers.IntegerField()
    compliant = serializers.IntegerField()
    reform_trained = serializers.IntegerField()
    compliant_pct = serializers.DecimalField(max_digits=5, decimal_places=1)
    reform_trained_pct = serializers.DecimalField(max_digits=5, decimal_places=1)


class YearPeriodsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    periods = serializers.IntegerField()
    taught = serializers.IntegerField()
    minimum = serializers.IntegerField(allow_null=True)
    compliant = serializers.BooleanField()


class TrainingRecordSerializer(serializers.Serializer):
    employee = EmployeeBriefSerializer()
    as_of = serializers.DateField()
    years = YearPeriodsSerializer(many=True)
    current = EnrolmentOutputSerializer(many=True)
    enrolments = EnrolmentOutputSerializer(many=True)
    certificates = CertificateBriefSerializer(many=True)
    team = ComplianceSummarySerializer(required=False, allow_null=True, default=None)
