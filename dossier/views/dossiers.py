"""One person's dossier: the ten groups, one group's values (read, and written by the officer), Mẫu 2C."""

import itertools

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from dossier.access import access_sensitive_read
from dossier.groups import GROUP_BY_KEY, dossier_as_dict
from dossier.models import ChangeProposal, DataGroup, GroupRecord
from dossier.pdf_form import form_2c_context, render_form_2c
from dossier.selectors.dossiers import dossier_people
from dossier.serializers.dossiers import (
    DossierOutputSerializer,
    GroupHistoryEntrySerializer,
    GroupValuesInputSerializer,
    GroupValuesOutputSerializer,
)
from dossier.services.records import group_fields, group_record_get, group_record_update
from hr.models import Employee

GROUP_PARAMETER = OpenApiParameter("group", str, OpenApiParameter.PATH, enum=DataGroup.values)


class DossierViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """GET {employee}/: the person's dossier in NĐ 27's ten groups; sensitive groups only for whom may read them."""

    serializer_class = DossierOutputSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return Employee.objects.none()
        return dossier_people(user=self.request.user)

    def retrieve(self, request, pk=None):
        employee = self.get_object()
        groups = dossier_as_dict(employee=employee, user=request.user)
        hidden = [key for key, value in groups.items() if value is None]
        body = {"employee": employee.pk, "full_name": employee.full_name, "hidden_groups": hidden, "groups": groups}
        return Response(body)

    def _group(self, employee: Employee, group: str) -> str:
        group_fields(group)  # refuses an unknown group (400, unknown_group)
        if GROUP_BY_KEY[group].sensitive:
            access_sensitive_read(self.request.user, employee)
        return group

    @extend_schema(
        parameters=[GROUP_PARAMETER],
        request=GroupValuesInputSerializer,
        responses=GroupValuesOutputSerializer,
    )
    @action(detail=True, methods=["get", "put"], url_path=r"groups/(?P<group>[A-Z_]+)", filter_backends=[])
    def group(self, request, pk=None, group=None):
        """GET: the values entered for the group's catalogue fields. PUT: the personnel office replaces them."""
        employee = self.get_object()
        self._group(employee, group)
        if request.method == "PUT":
            serializer = GroupValuesInputSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            record = group_record_update(
                actor=request.user, employee=employee, group=group, values=serializer.validated_data["values"]
            )
        else:
            record = group_record_get(employee=employee, group=group)
        return Response({"employee": employee.pk, "group": group, "values": record.values})

    @extend_schema(parameters=[GROUP_PARAMETER], responses=GroupHistoryEntrySerializer(many=True))
    @action(
        detail=True,
        methods=["get"],
        url_path=r"groups/(?P<group>[A-Z_]+)/history",
        filter_backends=[],
        pagination_class=None,
    )
    def group_history(self, request, pk=None, group=None):
        """The versions of the group's record: who changed it (the approver), and after which proposal."""
        employee = self.get_object()
        self._group(employee, group)
        record = get_object_or_404(GroupRecord, employee=employee, group=group)
        versions = list(record.history.select_related("history_user").order_by("history_date", "history_id"))
        previous = {version.history_id: earlier for earlier, version in itertools.pairwise(versions)}
        ids = {version.proposal_id for version in versions if version.proposal_id}
        proposers = dict(ChangeProposal.objects.filter(pk__in=ids).values_list("pk", "proposed_by__username"))
        context = {"previous": previous, "proposers": proposers}
        return Response(GroupHistoryEntrySerializer(list(reversed(versions)), many=True, context=context).data)

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)})
    @action(detail=True, methods=["get"], url_path="form-2c.pdf", filter_backends=[])
    def form_2c(self, request, pk=None):
        """Mẫu 2C-BNV/2008 (sơ yếu lý lịch): it prints family and health, so it is for whom may read them."""
        employee = self.get_object()
        access_sensitive_read(request.user, employee)
        content = render_form_2c(form_2c_context(employee))
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="mau-2c-{employee.pk}.pdf"'
        return response
