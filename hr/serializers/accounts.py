"""Serializers for accounts: the signed-in user's profile and account management."""

from rest_framework import serializers

from backend.api.rows import RowListSerializer
from hr.models import Employee, OrgUnit, User
from hr.serializers.units import UnitBriefSerializer


class CurrentUserSerializer(serializers.ModelSerializer):
    """What /auth/users/me/ shows: identity, role and scope, all read-only."""

    scope_unit = UnitBriefSerializer(read_only=True, allow_null=True)
    employee_name = serializers.CharField(source="employee.full_name", read_only=True, allow_null=True)

    class Meta:
        model = User
        fields = ["id", "username", "email", "role", "employee", "employee_name", "scope_unit"]
        read_only_fields = fields


class AccountOutputSerializer(serializers.ModelSerializer):
    scope_unit = UnitBriefSerializer(read_only=True, allow_null=True)
    employee_name = serializers.CharField(source="employee.full_name", read_only=True, allow_null=True)

    class Meta:
        model = User
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "username",
            "email",
            "role",
            "employee",
            "employee_name",
            "scope_unit",
            "is_active",
            "last_login",
            "date_joined",
        ]


class AccountCreateSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    email = serializers.EmailField(required=False, allow_blank=True)
    role = serializers.ChoiceField(choices=User._meta.get_field("role").choices)
    employee = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.all(), required=False, allow_null=True)
    scope_unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), required=False, allow_null=True)


class AccountUpdateSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=User._meta.get_field("role").choices, required=False)
    scope_unit = serializers.PrimaryKeyRelatedField(queryset=OrgUnit.objects.all(), required=False, allow_null=True)
    is_active = serializers.BooleanField(required=False)
    email = serializers.EmailField(required=False, allow_blank=True)
