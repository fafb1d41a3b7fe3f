"""Employee endpoints: scoped reads, officer writes, dated transfers and salary decisions."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from backend.api.etags import ETagMixin
from backend.api.pagination import BoundedListCountMixin
from hr.access import access_employee_for_write
from hr.models import Employee
from hr.permissions import PersonnelWriteOrReadOnly
from hr.selectors.employees import (
    EmployeeFilter,
    employee_assignments,
    employee_list,
    employee_list_rows,
    employee_salary_records,
)
from hr.selectors.history_events import employee_history_events
from hr.serializers.employees import (
    AssignmentSerializer,
    EmployeeCreateSerializer,
    EmployeeListSerializer,
    EmployeeOutputSerializer,
    EmployeeUpdateSerializer,
    SalaryChangeInputSerializer,
    SalaryRecordSerializer,
    TransferInputSerializer,
)
from hr.services.employees import (
    DECISION_FIELDS,
    employee_change_salary,
    employee_create,
    employee_transfer,
    employee_update,
)
from hr.views.history import HistoryMixin


def _decision_fields(request) -> dict:
    """Fields the caller tried to edit that only a decision may change; the service refuses them."""
    return {name: request.data[name] for name in DECISION_FIELDS.intersection(request.data)}


class EmployeeViewSet(
    BoundedListCountMixin,
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Civil-servant records. Nobody is deleted: a departure is a change of status."""

    serializer_class = EmployeeOutputSerializer
    etag_serializer_class = EmployeeOutputSerializer
    permission_classes = [PersonnelWriteOrReadOnly]
    filterset_class = EmployeeFilter
    search_fields = ["full_name", "national_id", "legacy_id_number"]
    ordering_fields = ["full_name", "date_of_birth", "recruitment_date", "salary_coefficient", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Employee.objects.none()
        if self.action == "list":
            return employee_list_rows(user=self.request.user)
        return employee_list(user=self.request.user)

    def get_serializer_class(self):
        return EmployeeListSerializer if self.action == "list" else super().get_serializer_class()

    def history_events(self, record) -> list[dict]:
        """Events other apps registered (completed training, for one) appear in the person's record history."""
        return employee_history_events(employee=record)

    # Writes to a record: seen (else 404), then managed and not the caller's own (else 403 with its code).
    write_access = staticmethod(access_employee_for_write)

    @extend_schema(request=EmployeeCreateSerializer, responses={201: EmployeeOutputSerializer})
    def create(self, request):
        serializer = EmployeeCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        employee = employee_create(actor=request.user, **serializer.validated_data)
        return Response(EmployeeOutputSerializer(self.get_queryset().get(pk=employee.pk)).data, status=201)

    @extend_schema(request=EmployeeUpdateSerializer, responses=EmployeeOutputSerializer)
    def partial_update(self, request, pk=None):
        employee = self.get_object()
        serializer = EmployeeUpdateSerializer(employee, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        employee_update(employee=employee, actor=request.user, **serializer.validated_data, **_decision_fields(request))
        return Response(EmployeeOutputSerializer(self.get_queryset().get(pk=employee.pk)).data)

    @extend_schema(request=EmployeeUpdateSerializer, responses=EmployeeOutputSerializer)
    def update(self, request, pk=None):
        employee = self.get_object()
        serializer = EmployeeUpdateSerializer(employee, data=request.data)
        serializer.is_valid(raise_exception=True)
        employee_update(employee=employee, actor=request.user, **serializer.validated_data, **_decision_fields(request))
        return Response(EmployeeOutputSerializer(self.get_queryset().get(pk=employee.pk)).data)

    @extend_schema(request=TransferInputSerializer, responses={201: AssignmentSerializer})
    @action(detail=True, methods=["post"])
    def transfer(self, request, pk=None):
        """Move the person to another unit or post from a date (điều động, bổ nhiệm)."""
        employee = self.get_object()
        serializer = TransferInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        assignment = employee_transfer(employee=employee, actor=request.user, **serializer.validated_data)
        return Response(AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=SalaryChangeInputSerializer, responses={201: SalaryRecordSerializer})
    @action(detail=True, methods=["post"], url_path="salary-changes")
    def salary_change(self, request, pk=None):
        """Record a rank or salary-step decision (nâng bậc lương, chuyển ngạch)."""
        employee = self.get_object()
        serializer = SalaryChangeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = employee_change_salary(employee=employee, actor=request.user, **serializer.validated_data)
        return Response(SalaryRecordSerializer(record).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=AssignmentSerializer(many=True))
    @action(detail=True, methods=["get"])
    def assignments(self, request, pk=None):
        """Work history: every unit and post, with dates and decisions."""
        page = self.paginate_queryset(employee_assignments(employee=self.get_object()))
        return self.get_paginated_response(AssignmentSerializer(page, many=True).data)

    @extend_schema(responses=SalaryRecordSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="salary-history")
    def salary_history(self, request, pk=None):
        """Rank and salary history (quá trình lương)."""
        page = self.paginate_queryset(employee_salary_records(employee=self.get_object()))
        return self.get_paginated_response(SalaryRecordSerializer(page, many=True).data)
