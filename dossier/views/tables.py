"""The dossier's tables: scoped lists and reads, officer writes (POST, PUT), history; no deletion."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from dossier.selectors.tables import (
    AllowanceFilter,
    FamilyMemberFilter,
    JobPositionFilter,
    PositionHoldingFilter,
    QualificationFilter,
    allowance_list,
    family_member_list,
    job_position_list,
    position_holding_list,
    qualification_list,
)
from dossier.serializers.tables import (
    AllowanceInputSerializer,
    AllowanceOutputSerializer,
    FamilyMemberInputSerializer,
    FamilyMemberOutputSerializer,
    JobPositionInputSerializer,
    JobPositionOutputSerializer,
    PositionHoldingInputSerializer,
    PositionHoldingOutputSerializer,
    QualificationInputSerializer,
    QualificationOutputSerializer,
)
from dossier.services.positions import job_position_save
from dossier.services.tables import allowance_save, family_member_save, position_holding_save, qualification_save
from hr.access import access_employee_for_write, access_unit_for_write
from hr.permissions import PersonnelWriteOrReadOnly
from hr.views.history import HistoryMixin


class RowViewSet(HistoryMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """One table: `selector(user=)` scopes it, `service` saves a row (`row_kwarg` names the row on update)."""

    permission_classes = [PersonnelWriteOrReadOnly]
    http_method_names = ["get", "post", "put", "head", "options"]
    input_serializer_class = None
    row_kwarg = ""

    @staticmethod
    def write_access(user, row) -> None:
        access_employee_for_write(user, row.employee)

    def selector(self, *, user):
        raise NotImplementedError

    def service(self, **kwargs):
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return self.serializer_class.Meta.model.objects.none()
        return self.selector(user=self.request.user)

    def create(self, request):
        serializer = self.input_serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = self.service(actor=request.user, **serializer.validated_data)
        return Response(self.get_serializer(row).data, status=status.HTTP_201_CREATED)

    def update(self, request, pk=None):
        row = self.get_object()
        serializer = self.input_serializer_class(row, data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {**serializer.validated_data, self.row_kwarg: row}
        row = self.service(actor=request.user, **data)
        return Response(self.get_serializer(row).data)


def _documented(input_serializer, output_serializer):
    return extend_schema_view(
        create=extend_schema(request=input_serializer, responses={201: output_serializer}),
        update=extend_schema(request=input_serializer, responses=output_serializer),
    )


@_documented(QualificationInputSerializer, QualificationOutputSerializer)
class QualificationViewSet(RowViewSet):
    """Degrees and certificates (Mẫu 2C item 27); political theory and state management name training's."""

    serializer_class = QualificationOutputSerializer
    input_serializer_class = QualificationInputSerializer
    filterset_class = QualificationFilter
    row_kwarg = "qualification"

    def selector(self, *, user):
        return qualification_list(user=user)

    def service(self, **kwargs):
        return qualification_save(**kwargs)


@_documented(FamilyMemberInputSerializer, FamilyMemberOutputSerializer)
class FamilyMemberViewSet(RowViewSet):
    """Family relations, the person's and the spouse's side: sensitive, read by the person and their officers."""

    serializer_class = FamilyMemberOutputSerializer
    input_serializer_class = FamilyMemberInputSerializer
    filterset_class = FamilyMemberFilter
    row_kwarg = "member"

    def selector(self, *, user):
        return family_member_list(user=user)

    def service(self, **kwargs):
        return family_member_save(**kwargs)


@_documented(PositionHoldingInputSerializer, PositionHoldingOutputSerializer)
class PositionHoldingViewSet(RowViewSet):
    """The job positions a person held, dated."""

    serializer_class = PositionHoldingOutputSerializer
    input_serializer_class = PositionHoldingInputSerializer
    filterset_class = PositionHoldingFilter
    row_kwarg = "holding"

    def selector(self, *, user):
        return position_holding_list(user=user)

    def service(self, **kwargs):
        return position_holding_save(**kwargs)


@_documented(AllowanceInputSerializer, AllowanceOutputSerializer)
class AllowanceViewSet(RowViewSet):
    """Dated allowances: leadership position, seniority above the scale, regional."""

    serializer_class = AllowanceOutputSerializer
    input_serializer_class = AllowanceInputSerializer
    filterset_class = AllowanceFilter
    row_kwarg = "allowance"

    def selector(self, *, user):
        return allowance_list(user=user)

    def service(self, **kwargs):
        return allowance_save(**kwargs)


@_documented(JobPositionInputSerializer, JobPositionOutputSerializer)
class JobPositionViewSet(RowViewSet):
    """Each agency's list of job positions (Luật CBCC 2025 Điều 23), kept by its personnel office."""

    serializer_class = JobPositionOutputSerializer
    input_serializer_class = JobPositionInputSerializer
    filterset_class = JobPositionFilter
    search_fields = ["code", "name"]
    row_kwarg = "job_position"

    @staticmethod
    def write_access(user, row) -> None:
        access_unit_for_write(user, row.agency, field=None)

    def selector(self, *, user):
        return job_position_list()

    def service(self, **kwargs):
        return job_position_save(**kwargs)
