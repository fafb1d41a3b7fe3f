"""The dossier's tables: separate input (what a write takes) and output (what a read shows) serializers."""

from rest_framework import serializers

from dossier.models import Allowance, FamilyMember, JobPosition, PositionHolding, Qualification
from hr.models import Employee, OrgUnit
from training.models import Certificate

EMPLOYEE = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())


class QualificationOutputSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    mode_display = serializers.CharField(source="get_mode_display", read_only=True)

    class Meta:
        model = Qualification
        fields = [
            "id",
            "employee",
            "kind",
            "kind_display",
            "level",
            "institution",
            "field_of_study",
            "start_year",
            "end_year",
            "mode",
            "mode_display",
            "diploma",
            "certificate",
        ]


class QualificationInputSerializer(serializers.ModelSerializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())
    certificate = serializers.PrimaryKeyRelatedField(
        queryset=Certificate.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Qualification
        fields = [
            "employee",
            "kind",
            "level",
            "institution",
            "field_of_study",
            "start_year",
            "end_year",
            "mode",
            "diploma",
            "certificate",
        ]


class FamilyMemberOutputSerializer(serializers.ModelSerializer):
    relation_display = serializers.CharField(source="get_relation_display", read_only=True)

    class Meta:
        model = FamilyMember
        fields = [
            "id",
            "employee",
            "side",
            "relation",
            "relation_display",
            "full_name",
            "birth_year",
            "hometown",
            "occupation",
            "workplace",
            "residence",
            "deceased",
        ]


class FamilyMemberInputSerializer(serializers.ModelSerializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())

    class Meta:
        model = FamilyMember
        fields = [
            "employee",
            "side",
            "relation",
            "full_name",
            "birth_year",
            "hometown",
            "occupation",
            "workplace",
            "residence",
            "deceased",
        ]


class JobPositionOutputSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)

    class Meta:
        model = JobPosition
        fields = ["id", "agency", "agency_name", "code", "name", "group", "description", "valid_from", "valid_to"]


class JobPositionInputSerializer(serializers.ModelSerializer):
    agency = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())

    class Meta:
        model = JobPosition
        fields = ["agency", "code", "name", "group", "description", "valid_from", "valid_to"]
        # The (agency, code) uniqueness is the database's: a duplicate answers the integrity refusal.
        validators = []


class PositionHoldingOutputSerializer(serializers.ModelSerializer):
    job_position_name = serializers.CharField(source="job_position.name", read_only=True)

    class Meta:
        model = PositionHolding
        fields = ["id", "employee", "job_position", "job_position_name", "start_date", "end_date", "decision_number"]


class PositionHoldingInputSerializer(serializers.ModelSerializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())
    job_position = serializers.PrimaryKeyRelatedField(queryset=JobPosition.objects.select_related("agency"))

    class Meta:
        model = PositionHolding
        fields = ["employee", "job_position", "start_date", "end_date", "decision_number"]


class AllowanceOutputSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Allowance
        fields = [
            "id",
            "employee",
            "kind",
            "kind_display",
            "coefficient",
            "percent",
            "start_date",
            "end_date",
            "decision_number",
        ]


class AllowanceInputSerializer(serializers.ModelSerializer):
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all())

    class Meta:
        model = Allowance
        fields = ["employee", "kind", "coefficient", "percent", "start_date", "end_date", "decision_number"]
