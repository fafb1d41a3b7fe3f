"""Serializers for employee records and their dated history."""

from rest_framework import serializers

from hr.models import Assignment, Employee, OrgUnit, Position, Rank, SalaryRecord, SalaryStep
from hr.serializers.units import UnitBriefSerializer


class RankBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rank
        fields = ["id", "code", "name"]


class PositionBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Position
        fields = ["id", "code", "name", "is_leadership"]


class EmployeeOutputSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer(read_only=True)
    position = PositionBriefSerializer(read_only=True, allow_null=True)
    rank = RankBriefSerializer(read_only=True, allow_null=True)
    salary_step = serializers.IntegerField(source="salary_step.step", read_only=True, allow_null=True)

    class Meta:
        model = Employee
        fields = [
            "id",
            "national_id",
            "legacy_id_number",
            "full_name",
            "date_of_birth",
            "sex",
            "ethnicity",
            "email",
            "category",
            "unit",
            "position",
            "rank",
            "salary_step",
            "salary_coefficient",
            "salary_date",
            "recruitment_date",
            "status",
            "education_level",
            "political_theory_level",
            "state_management_level",
            "created_at",
            "updated_at",
        ]


# The field types `EmployeeOutputSerializer` maps these model fields to (kept out of the class: declared
# fields would become output fields).
_DATE = serializers.DateField()
_DATETIME = serializers.DateTimeField()
_COEFFICIENT = serializers.DecimalField(
    max_digits=Employee._meta.get_field("salary_coefficient").max_digits,
    decimal_places=Employee._meta.get_field("salary_coefficient").decimal_places,
)


class EmployeeListSerializer(EmployeeOutputSerializer):
    """`EmployeeOutputSerializer`'s rows, built directly: the same keys and values, without per-field machinery.

    The list serializes hundreds of rows per request; each value is produced by the same DRF field
    type as the declared one (dates and times in ISO 8601, the coefficient as a string).
    """

    def to_representation(self, instance: Employee) -> dict:
        unit, position, rank, step = instance.unit, instance.position, instance.rank, instance.salary_step
        day, moment = _DATE.to_representation, _DATETIME.to_representation
        coefficient = instance.salary_coefficient
        return {
            "id": instance.id,
            "national_id": instance.national_id,
            "legacy_id_number": instance.legacy_id_number,
            "full_name": instance.full_name,
            "date_of_birth": day(instance.date_of_birth) if instance.date_of_birth else None,
            "sex": instance.sex,
            "ethnicity": instance.ethnicity,
            "email": instance.email,
            "category": instance.category,
            "unit": {"id": unit.id, "code": unit.code, "name": unit.name, "kind": unit.kind},
            "position": None
            if position is None
            else {
                "id": position.id,
                "code": position.code,
                "name": position.name,
                "is_leadership": position.is_leadership,
            },
            "rank": None if rank is None else {"id": rank.id, "code": rank.code, "name": rank.name},
            "salary_step": None if step is None else step.step,
            "salary_coefficient": None if coefficient is None else _COEFFICIENT.to_representation(coefficient),
            "salary_date": day(instance.salary_date) if instance.salary_date else None,
            "recruitment_date": day(instance.recruitment_date) if instance.recruitment_date else None,
            "status": instance.status,
            "education_level": instance.education_level,
            "political_theory_level": instance.political_theory_level,
            "state_management_level": instance.state_management_level,
            "created_at": moment(instance.created_at) if instance.created_at else None,
            "updated_at": moment(instance.updated_at) if instance.updated_at else None,
        }


EDITABLE_FIELDS = [
    "national_id",
    "legacy_id_number",
    "full_name",
    "date_of_birth",
    "sex",
    "ethnicity",
    "email",
    "category",
    "recruitment_date",
    "status",
    "education_level",
    "political_theory_level",
    "state_management_level",
]


class EmployeeCreateSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())
    position = serializers.PrimaryKeyRelatedField(queryset=Position.objects.all(), required=False, allow_null=True)
    rank = serializers.PrimaryKeyRelatedField(queryset=Rank.objects.all(), required=False, allow_null=True)
    salary_step = serializers.PrimaryKeyRelatedField(queryset=SalaryStep.objects.all(), required=False, allow_null=True)
    salary_date = serializers.DateField(required=False, allow_null=True)
    decision_number = serializers.CharField(required=False, allow_blank=True, max_length=64)

    class Meta:
        model = Employee
        fields = [*EDITABLE_FIELDS, "unit", "position", "rank", "salary_step", "salary_date", "decision_number"]
        # Uniqueness is enforced by the model and the database; skipping DRF's own
        # check avoids a duplicate query and a second, differently worded message.
        extra_kwargs = {"national_id": {"validators": []}}


class EmployeeUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Employee
        fields = EDITABLE_FIELDS
        extra_kwargs = {"national_id": {"validators": []}}


class TransferInputSerializer(serializers.Serializer):
    unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all())
    position = serializers.PrimaryKeyRelatedField(queryset=Position.objects.all(), required=False, allow_null=True)
    start_date = serializers.DateField()
    decision_number = serializers.CharField(required=False, allow_blank=True, max_length=64)
    note = serializers.CharField(required=False, allow_blank=True, max_length=255)


class SalaryChangeInputSerializer(serializers.Serializer):
    rank = serializers.PrimaryKeyRelatedField(queryset=Rank.objects.all())
    salary_step = serializers.PrimaryKeyRelatedField(queryset=SalaryStep.objects.all())
    effective_date = serializers.DateField()
    decision_number = serializers.CharField(required=False, allow_blank=True, max_length=64)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=255)


class AssignmentSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer(read_only=True)
    position = PositionBriefSerializer(read_only=True, allow_null=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True, allow_null=True)

    class Meta:
        model = Assignment
        fields = [
            "id",
            "unit",
            "position",
            "start_date",
            "end_date",
            "decision_number",
            "note",
            "created_by",
            "created_at",
        ]


class SalaryRecordSerializer(serializers.ModelSerializer):
    rank = RankBriefSerializer(read_only=True, allow_null=True)
    scale = serializers.CharField(source="salary_step.scale.code", read_only=True)
    step = serializers.IntegerField(source="salary_step.step", read_only=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True, allow_null=True)

    class Meta:
        model = SalaryRecord
        fields = [
            "id",
            "rank",
            "scale",
            "step",
            "coefficient",
            "effective_date",
            "decision_number",
            "reason",
            "created_by",
            "created_at",
        ]
